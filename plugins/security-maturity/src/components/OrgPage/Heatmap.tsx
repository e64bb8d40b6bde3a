import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  OrgRollup,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';

// Red (0) through amber to green (3); the number is always shown as well, so
// the colour is never the only cue.
export function heatColor(value: number) {
  const hue = Math.round((Math.max(0, Math.min(3, value)) / 3) * 120);
  return `hsl(${hue}, 70%, 82%)`;
}

/** Practice × group: the mean practice score of each group's components. */
export function Heatmap(props: {
  groups: OrgRollup[];
  onSelect: (ref: string) => void;
}) {
  const { groups, onSelect } = props;
  if (groups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scored components owned by a group match the filters.
      </Typography>
    );
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Practice scores by group">
        <TableHead>
          <TableRow>
            <TableCell>Group</TableCell>
            {SAMM_PRACTICES.map(p => (
              <TableCell key={p.id} align="center">
                <Tooltip title={p.name}>
                  <span>{p.id}</span>
                </Tooltip>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map(g => (
            <TableRow key={g.ref} hover>
              <TableCell
                style={{ paddingLeft: 16 + g.depth * 20, cursor: 'pointer' }}
                onClick={() => onSelect(g.ref)}
              >
                {g.title}
              </TableCell>
              {SAMM_PRACTICES.map(p => {
                const value = g.practices[p.id] ?? 0;
                return (
                  <TableCell
                    key={p.id}
                    align="center"
                    style={{ background: heatColor(value) }}
                    aria-label={`${g.title}, ${p.name}: ${value.toFixed(2)}`}
                  >
                    {value.toFixed(1)}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
