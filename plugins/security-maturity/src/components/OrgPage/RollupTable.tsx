import { Link as RouterLink } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { OrgRollup } from '@secmat/backstage-plugin-security-maturity-common';
import { change, percent, score } from './format';

/**
 * Components, mean score, percent to target and how many are below target,
 * and the change since a day when the overview has it, per group (nested
 * groups indented), system or domain. Choosing a row
 * filters the page to it (`onSelect`), or opens its page (`linkTo`).
 */
export function RollupTable(
  props: {
    label: string;
    rows: OrgRollup[];
  } & (
    | { onSelect: (ref: string) => void; linkTo?: never }
    | { linkTo: (ref: string) => string; onSelect?: never }
  ),
) {
  const { label, rows, onSelect, linkTo } = props;
  // Rollups carry their progress when the overview was asked for it.
  const since = rows.find(r => r.progress)?.progress?.since;
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing to roll up for these filters.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Scores by ${label.toLocaleLowerCase()}`}>
      <TableHead>
        <TableRow>
          <TableCell>{label}</TableCell>
          <TableCell align="right">Components</TableCell>
          <TableCell align="right">Mean score</TableCell>
          <TableCell align="right">To target</TableCell>
          <TableCell align="right">Below target</TableCell>
          {since && <TableCell align="right">Change since {since}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(r => (
          <TableRow key={r.ref} hover>
            <TableCell style={{ paddingLeft: 16 + r.depth * 20 }}>
              {linkTo ? (
                <RouterLink to={linkTo(r.ref)}>{r.title}</RouterLink>
              ) : (
                <Link
                  component="button"
                  variant="body2"
                  onClick={() => onSelect?.(r.ref)}
                  aria-label={`Filter by ${r.title}`}
                >
                  {r.title}
                </Link>
              )}
            </TableCell>
            <TableCell align="right">{r.components}</TableCell>
            <TableCell align="right">{score(r.overall)}</TableCell>
            <TableCell align="right">{percent(r.percentToTarget)}</TableCell>
            <TableCell align="right">{r.belowTarget}</TableCell>
            {since && (
              <TableCell align="right">
                {r.progress?.components
                  ? change(r.progress.overall.change)
                  : '–'}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
