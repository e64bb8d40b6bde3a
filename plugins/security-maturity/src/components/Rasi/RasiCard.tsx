import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import WarningIcon from '@material-ui/icons/Warning';
import {
  RasiActivityDefinition,
  RasiAssignment,
} from '@secmat/backstage-plugin-security-maturity-common';
import { FormEvent, useState } from 'react';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';

const ROLES = ['responsible', 'accountable', 'supportive', 'informed'] as const;
const refsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map(r => r.trim())
    .filter(Boolean);

function EditDialog(props: {
  activity: RasiActivityDefinition;
  current?: RasiAssignment;
  onClose: () => void;
  onSave: (
    update: Omit<RasiAssignment, 'activityId' | 'updatedAt' | 'updatedBy'>,
  ) => Promise<void>;
}) {
  const { activity, current } = props;
  const [values, setValues] = useState({
    responsible: current?.responsible.join(', ') ?? '',
    accountable: current?.accountable ?? '',
    supportive: current?.supportive.join(', ') ?? '',
    informed: current?.informed.join(', ') ?? '',
  });
  const accountable = refsOf(values.accountable);
  const accountableError =
    accountable.length !== 1
      ? 'Exactly one user or group, e.g. user:default/alex.rivera'
      : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (accountableError) return;
    await props.onSave({
      version: current?.version ?? 0,
      responsible: refsOf(values.responsible),
      accountable: accountable[0],
      supportive: refsOf(values.supportive),
      informed: refsOf(values.informed),
    });
  };
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle>RASI for {activity.title}</DialogTitle>
        <DialogContent>
          {ROLES.map(role => (
            <TextField
              key={role}
              id={`rasi-${role}`}
              fullWidth
              margin="dense"
              label={role.charAt(0).toUpperCase() + role.slice(1)}
              helperText={
                role === 'accountable'
                  ? accountableError ??
                    'The one person or group who answers for it'
                  : 'Catalog users or groups, comma-separated'
              }
              error={role === 'accountable' && Boolean(accountableError)}
              value={values[role]}
              onChange={e => setValues(v => ({ ...v, [role]: e.target.value }))}
            />
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={Boolean(accountableError)}
          >
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * Who is Responsible, Accountable, Supportive and Informed for each security
 * activity, as links to their catalog pages; an activity without an
 * Accountable is flagged. Owners and security leads edit a row in place.
 */
export function RasiCard(props: SectionProps) {
  const { record, config, api, entityRef, onChanged } = props;
  const [editing, setEditing] = useState<RasiActivityDefinition>();
  const [error, setError] = useState<Error>();
  const byActivity = new Map(record.rasi.map(a => [a.activityId, a]));
  const missing = config.rasiActivities.filter(
    a => !byActivity.has(a.id),
  ).length;

  return (
    <InfoCard
      title="RASI ownership"
      subheader={
        missing
          ? `${missing} of ${config.rasiActivities.length} activities have no Accountable`
          : 'Every activity has an Accountable'
      }
    >
      {error && <ChangeErrorAlert error={error} onReload={onChanged} />}
      <Table size="small" aria-label="RASI matrix">
        <TableHead>
          <TableRow>
            <TableCell>Activity</TableCell>
            <TableCell>Responsible</TableCell>
            <TableCell>Accountable</TableCell>
            <TableCell>Supportive</TableCell>
            <TableCell>Informed</TableCell>
            {record.permissions.canEdit && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {config.rasiActivities.map(activity => {
            const a = byActivity.get(activity.id);
            return (
              <TableRow key={activity.id}>
                <TableCell>{activity.title}</TableCell>
                <TableCell>
                  {a && <EntityRefLinks entityRefs={a.responsible} />}
                </TableCell>
                <TableCell>
                  {a ? (
                    <EntityRefLinks entityRefs={[a.accountable]} />
                  ) : (
                    <Tooltip title="No Accountable: nobody answers for this activity">
                      <WarningIcon
                        color="error"
                        fontSize="small"
                        aria-label={`No Accountable for ${activity.title}`}
                      />
                    </Tooltip>
                  )}
                </TableCell>
                <TableCell>
                  {a && <EntityRefLinks entityRefs={a.supportive} />}
                </TableCell>
                <TableCell>
                  {a && <EntityRefLinks entityRefs={a.informed} />}
                </TableCell>
                {record.permissions.canEdit && (
                  <TableCell>
                    <Button
                      size="small"
                      aria-label={`Edit RASI for ${activity.title}`}
                      onClick={() => setEditing(activity)}
                    >
                      Edit
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editing && (
        <EditDialog
          activity={editing}
          current={byActivity.get(editing.id)}
          onClose={() => setEditing(undefined)}
          onSave={async update => {
            setError(undefined);
            try {
              await api.putRasiAssignment(entityRef, editing.id, update);
              setEditing(undefined);
              onChanged();
            } catch (e) {
              setEditing(undefined);
              setError(e as Error);
            }
          }}
        />
      )}
    </InfoCard>
  );
}
