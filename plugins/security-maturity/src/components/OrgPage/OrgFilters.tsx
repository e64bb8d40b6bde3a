import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Button from '@material-ui/core/Button';
import {
  OrgFacets,
  OrgFilter,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useEffect, useState } from 'react';
import { SelectField } from '../common';

type Option = { value: string; label: string };

/** Groups in tree order, each indented below its parent. */
export function groupOptions(groups: OrgFacets['groups']): Option[] {
  const children = new Map<string | null, OrgFacets['groups']>();
  const known = new Set(groups.map(g => g.ref));
  for (const g of groups) {
    const parent = g.parentRef && known.has(g.parentRef) ? g.parentRef : null;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const out: Option[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const g of children.get(parent) ?? []) {
      out.push({ value: g.ref, label: `${'\u2003'.repeat(depth)}${g.title}` });
      if (depth < 20) visit(g.ref, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The filters of the org page: every choice comes from the backend's facets. */
export function OrgFilters(props: {
  facets: OrgFacets;
  filter: OrgFilter;
  onChange: (key: keyof OrgFilter, value?: string) => void;
  onClear: () => void;
}) {
  const { facets, filter, onChange, onClear } = props;
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  const plain = (values: string[]) => values.map(v => ({ value: v, label: v }));
  const selects: Array<{
    key: Exclude<keyof OrgFilter, 'q'>;
    label: string;
    options: Option[];
    xs: 4 | 6 | 12;
    md: 1 | 2 | 3;
  }> = [
    { key: 'owner', label: 'Owner group', options: groupOptions(facets.groups), xs: 12, md: 3 },
    { key: 'system', label: 'System', options: facets.systems.map(s => ({ value: s.ref, label: s.title })), xs: 6, md: 2 },
    { key: 'domain', label: 'Domain', options: facets.domains.map(d => ({ value: d.ref, label: d.title })), xs: 6, md: 2 },
    { key: 'tier', label: 'Tier', options: plain(facets.tiers), xs: 4, md: 1 },
    { key: 'lifecycle', label: 'Lifecycle', options: plain(facets.lifecycles), xs: 4, md: 1 },
    { key: 'type', label: 'Type', options: plain(facets.types), xs: 4, md: 1 },
  ]; // prettier-ignore
  return (
    <Grid container spacing={2} alignItems="center">
      {selects.map(({ key, label, options, xs, md }) => (
        <Grid item xs={xs} md={md} key={key}>
          <SelectField
            id={key}
            label={label}
            value={filter[key] ?? ''}
            options={options}
            onChange={v => onChange(key, v || undefined)}
            emptyLabel="All"
            variant="outlined"
            fullWidth
          />
        </Grid>
      ))}
      <Grid item xs={8} md={1}>
        <form
          onSubmit={e => {
            e.preventDefault();
            onChange('q', text.trim() || undefined);
          }}
        >
          <TextField
            id="q"
            label="Search"
            size="small"
            variant="outlined"
            value={text}
            onChange={e => setText(e.target.value)}
            onBlur={() => {
              if ((text.trim() || undefined) !== filter.q) {
                onChange('q', text.trim() || undefined);
              }
            }}
          />
        </form>
      </Grid>
      <Grid item xs={4} md={1}>
        <Button onClick={onClear} disabled={!Object.keys(filter).length}>
          Clear
        </Button>
      </Grid>
    </Grid>
  );
}
