import { Link } from '@backstage/core-components';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { OrgOverview } from '@secmat/backstage-plugin-security-maturity-common';
import { shortRef } from './format';
import { useSecurityTabLink } from './useSecurityTabLink';

const DAY_MS = 86_400_000;

/** Per stage: how many required gates are stuck, and for how long. */
export function BottlenecksPanel(props: { overview: OrgOverview }) {
  return (
    <Table size="small" aria-label="Gate bottlenecks">
      <TableHead>
        <TableRow>
          <TableCell>Stage</TableCell>
          <TableCell align="right">In progress</TableCell>
          <TableCell align="right">Blocked</TableCell>
          <TableCell align="right">Not started</TableCell>
          <TableCell align="right">Median days in status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.overview.bottlenecks.map(b => (
          <TableRow key={b.stageId}>
            <TableCell>{b.title}</TableCell>
            <TableCell align="right">{b.inProgress}</TableCell>
            <TableCell align="right">{b.blocked}</TableCell>
            <TableCell align="right">{b.notStarted}</TableCell>
            <TableCell align="right">
              {b.medianDaysInStatus === null
                ? '–'
                : b.medianDaysInStatus.toFixed(1)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Expired exceptions and approved ones expiring soon; never their text. */
export function ExceptionsPanel(props: {
  overview: OrgOverview;
  withinDays: number;
  onWithinDays: (days: number) => void;
}) {
  const { overview, withinDays, onWithinDays } = props;
  const linkTo = useSecurityTabLink();
  const now = Date.now();
  return (
    <>
      <FormControl size="small" style={{ minWidth: 160, marginBottom: 8 }}>
        <InputLabel id="within-label">Expiring within</InputLabel>
        <Select
          labelId="within-label"
          id="within"
          value={withinDays}
          onChange={e => onWithinDays(Number(e.target.value))}
        >
          {[14, 30, 60, 90].map(d => (
            <MenuItem key={d} value={d}>
              {d} days
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Typography variant="body2" gutterBottom>
        {overview.exceptions.expired} expired, {overview.exceptions.expiring}{' '}
        expiring within {withinDays} days
      </Typography>
      {overview.exceptions.items.length > 0 && (
        <Table size="small" aria-label="Exceptions expired or expiring">
          <TableHead>
            <TableRow>
              <TableCell>Component</TableCell>
              <TableCell>Control</TableCell>
              <TableCell>Risk</TableCell>
              <TableCell align="right">Expiry</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {overview.exceptions.items.map(x => {
              const days = Math.ceil(
                (new Date(x.expiresAt).getTime() - now) / DAY_MS,
              );
              return (
                <TableRow key={x.id}>
                  <TableCell>
                    <Link to={linkTo(x.entityRef)}>
                      {shortRef(x.entityRef)}
                    </Link>
                  </TableCell>
                  <TableCell>{x.controlId}</TableCell>
                  <TableCell>{x.riskRating}</TableCell>
                  <TableCell align="right">
                    {x.status === 'expired'
                      ? 'expired'
                      : `${x.expiresAt.slice(0, 10)} (${days} days)`}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/** Activities without an Accountable, and who supports how many components. */
export function RasiPanel(props: { overview: OrgOverview }) {
  const { rasi } = props.overview;
  return (
    <>
      <Table size="small" aria-label="RASI coverage">
        <TableHead>
          <TableRow>
            <TableCell>Activity</TableCell>
            <TableCell align="right">With an Accountable</TableCell>
            <TableCell align="right">Without</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rasi.activities.map(a => (
            <TableRow key={a.activityId}>
              <TableCell>{a.title}</TableCell>
              <TableCell align="right">{a.covered}</TableCell>
              <TableCell align="right">{a.missingAccountable}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Security partners (Supportive)
      </Typography>
      {rasi.partners.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nobody is Supportive for these components yet.
        </Typography>
      ) : (
        <Table size="small" aria-label="Security partners">
          <TableHead>
            <TableRow>
              <TableCell>Partner</TableCell>
              <TableCell align="right">Components</TableCell>
              <TableCell align="right">Assignments</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rasi.partners.map(p => (
              <TableRow key={p.ref}>
                <TableCell>{shortRef(p.ref)}</TableCell>
                <TableCell align="right">{p.components}</TableCell>
                <TableCell align="right">{p.assignments}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
