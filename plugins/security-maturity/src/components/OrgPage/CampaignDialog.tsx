import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  CAMPAIGN_SCOPE_KEYS,
  CampaignCondition,
  CampaignInput,
  CampaignScope,
  OrgFacets,
  OrgFilter,
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useEffect, useState } from 'react';
import { FormDialog, SelectField } from '../common';
import { shortRef } from './format';

const KINDS: Array<{ value: CampaignCondition['kind']; label: string }> = [
  { value: 'practice', label: 'A practice at or above' },
  { value: 'stage', label: 'A stage cleared' },
  { value: 'accountable', label: 'An Accountable assigned' },
  { value: 'noExpiredExceptions', label: 'No expired exceptions' },
];

const LEVELS = [0.5, 1, 1.5, 2, 2.5, 3].map(v => ({
  value: v,
  label: String(v),
}));

const CADENCES = [
  { value: 0, label: 'No reminders' },
  { value: 7, label: 'Weekly' },
  { value: 14, label: 'Every two weeks' },
  { value: 30, label: 'Every 30 days' },
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last day of the quarter of a date, as YYYY-MM-DD. */
export function endOfQuarter(now = new Date()): string {
  const quarterEndMonth = Math.floor(now.getUTCMonth() / 3) * 3 + 3;
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), quarterEndMonth, 0)));
}

/** The page's filters as a campaign scope (the search text is not one). */
export function scopeOfFilter(filter: OrgFilter): CampaignScope {
  const scope: CampaignScope = {};
  for (const key of CAMPAIGN_SCOPE_KEYS) {
    if (filter[key]) scope[key] = filter[key];
  }
  return scope;
}

/** The scope in words with the facets' titles, e.g. `Owner Payments`. */
export function scopeText(scope: CampaignScope, facets?: OrgFacets): string {
  const title = (key: string, ref: string) => {
    const lists: Record<string, Array<{ ref: string; title: string }>> = {
      owner: facets?.groups ?? [],
      system: facets?.systems ?? [],
      domain: facets?.domains ?? [],
    };
    const list = lists[key];
    return list?.find(x => x.ref === ref)?.title ?? shortRef(ref);
  };
  const parts = CAMPAIGN_SCOPE_KEYS.filter(k => scope[k]).map(
    k => `${k} ${title(k, scope[k]!)}`,
  );
  return parts.join(', ') || 'nothing chosen';
}

const blank = (kind: CampaignCondition['kind']): CampaignCondition => {
  switch (kind) {
    case 'practice':
      return { kind, practiceId: 'D-TA', atLeast: 1 };
    case 'stage':
      return { kind, stageId: '' };
    case 'accountable':
      return { kind, activityId: '' };
    default:
      return { kind: 'noExpiredExceptions' };
  }
};

/** One condition of the goal builder. */
function ConditionRow(props: {
  index: number;
  condition: CampaignCondition;
  config: WorkflowConfig;
  onChange: (c: CampaignCondition) => void;
  onRemove?: () => void;
}) {
  const { index, condition: c, config, onChange } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
      <SelectField
        id={`condition-${index}-kind`}
        label="Condition"
        value={c.kind}
        options={KINDS}
        onChange={kind => onChange(blank(kind))}
        style={{ minWidth: 200 }}
      />
      {c.kind === 'practice' && (
        <>
          <SelectField
            id={`condition-${index}-practice`}
            label="Practice"
            value={c.practiceId}
            options={SAMM_PRACTICES.map(p => ({
              value: p.id,
              label: `${p.name} (${p.id})`,
            }))}
            onChange={practiceId => onChange({ ...c, practiceId })}
            style={{ minWidth: 220 }}
          />
          <SelectField
            id={`condition-${index}-level`}
            label="At least"
            value={c.atLeast}
            options={LEVELS}
            onChange={atLeast => onChange({ ...c, atLeast: Number(atLeast) })}
            style={{ minWidth: 90 }}
          />
        </>
      )}
      {c.kind === 'stage' && (
        <SelectField
          id={`condition-${index}-stage`}
          label="Stage"
          value={c.stageId}
          options={config.stages.map(s => ({ value: s.id, label: s.title }))}
          onChange={stageId => onChange({ ...c, stageId })}
          style={{ minWidth: 220 }}
        />
      )}
      {c.kind === 'accountable' && (
        <SelectField
          id={`condition-${index}-activity`}
          label="Activity"
          value={c.activityId}
          options={config.rasiActivities.map(a => ({
            value: a.id,
            label: a.title,
          }))}
          onChange={activityId => onChange({ ...c, activityId })}
          style={{ minWidth: 220 }}
        />
      )}
      {props.onRemove && (
        <IconButton
          size="small"
          aria-label={`Remove condition ${index + 1}`}
          onClick={props.onRemove}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      )}
    </Box>
  );
}

const complete = (c: CampaignCondition) =>
  (c.kind !== 'stage' || c.stageId !== '') &&
  (c.kind !== 'accountable' || c.activityId !== '');

/**
 * A new campaign: its scope is the org page's filters as they stand, its
 * goal built from conditions that must all hold, its dates (the end of the
 * quarter by default), owner (the lead by default) and reminder cadence.
 * The backend checks it again and names the field it refuses.
 */
export function CampaignDialog(props: {
  filter: OrgFilter;
  facets?: OrgFacets;
  config: WorkflowConfig;
  busy: boolean;
  error?: Error;
  onClose: () => void;
  onSubmit: (input: CampaignInput) => void;
}) {
  const { filter, facets, config } = props;
  const identityApi = useApi(identityApiRef);
  const scope = scopeOfFilter(filter);
  const [title, setTitle] = useState('');
  const [conditions, setConditions] = useState<CampaignCondition[]>([
    blank('practice'),
  ]);
  const [startDay, setStartDay] = useState(isoDay(new Date()));
  const [targetDay, setTargetDay] = useState(endOfQuarter());
  const [ownerRef, setOwnerRef] = useState('');
  const [cadence, setCadence] = useState(7);
  useEffect(() => {
    identityApi
      .getBackstageIdentity()
      .then(i => setOwnerRef(current => current || i.userEntityRef))
      .catch(() => undefined);
  }, [identityApi]);

  const scopeEmpty = Object.keys(scope).length === 0;
  const datesBad = targetDay < startDay;
  const canSubmit =
    !props.busy &&
    title.trim() !== '' &&
    !scopeEmpty &&
    !datesBad &&
    ownerRef.trim() !== '' &&
    conditions.length > 0 &&
    conditions.every(complete);
  return (
    <FormDialog
      id="campaign-dialog"
      title="New campaign"
      submitLabel="Create campaign"
      canSubmit={canSubmit}
      error={props.error}
      onReload={props.onClose}
      onClose={props.onClose}
      onSubmit={() =>
        props.onSubmit({
          title: title.trim(),
          scope,
          goal: { all: conditions },
          startDay,
          targetDay,
          ownerRef: ownerRef.trim(),
          reminderCadenceDays: cadence === 0 ? null : cadence,
        })
      }
    >
      <TextField
        id="campaign-title"
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        fullWidth
        required
        margin="dense"
        inputProps={{ maxLength: 200 }}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Scope
      </Typography>
      <Typography
        variant="body2"
        color={scopeEmpty ? 'error' : 'textPrimary'}
        data-testid="campaign-scope"
      >
        {scopeEmpty
          ? 'Choose an owner group, system, domain, tier, lifecycle or type in the page filters first: the campaign covers the filtered components.'
          : `The page's filters: ${scopeText(scope, facets)}`}
      </Typography>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Goal (every condition must hold)
      </Typography>
      {conditions.map((c, i) => (
        <ConditionRow
          key={i}
          index={i}
          condition={c}
          config={config}
          onChange={next =>
            setConditions(cs => cs.map((x, j) => (j === i ? next : x)))
          }
          onRemove={
            conditions.length > 1
              ? () => setConditions(cs => cs.filter((_, j) => j !== i))
              : undefined
          }
        />
      ))}
      <Button
        size="small"
        onClick={() => setConditions(cs => [...cs, blank('practice')])}
      >
        Add a condition
      </Button>
      <Box display="flex" style={{ gap: 16 }} mt={2}>
        <TextField
          id="campaign-start"
          label="Start"
          type="date"
          value={startDay}
          onChange={e => setStartDay(e.target.value)}
          InputLabelProps={{ shrink: true }}
          margin="dense"
        />
        <TextField
          id="campaign-target"
          label="Target date"
          type="date"
          value={targetDay}
          onChange={e => setTargetDay(e.target.value)}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          error={datesBad}
          helperText={datesBad ? 'Not before the start' : undefined}
        />
      </Box>
      <TextField
        id="campaign-owner"
        label="Campaign owner"
        value={ownerRef}
        onChange={e => setOwnerRef(e.target.value)}
        fullWidth
        margin="dense"
        helperText="A user or group ref, e.g. user:default/lena"
      />
      <SelectField
        id="campaign-cadence"
        label="Reminders to owners of components still missing the goal"
        value={cadence}
        options={CADENCES}
        onChange={v => setCadence(Number(v))}
        fullWidth
        margin="dense"
      />
    </FormDialog>
  );
}
