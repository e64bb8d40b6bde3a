import TextField from '@material-ui/core/TextField';
import {
  RasiActivityDefinition,
  RasiAssignment,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useDialogChange } from '../../hooks/useDialogChange';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { FormDialog } from '../common';

const ROLES = ['responsible', 'accountable', 'supportive', 'informed'] as const;
const refsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map(r => r.trim())
    .filter(Boolean);

/**
 * Edits who is Responsible, Accountable, Supportive and Informed for one
 * activity, with exactly one Accountable. Saved with the version it was read
 * at; on failure it stays open with the reason.
 */
export function RasiEditDialog(props: {
  activity: RasiActivityDefinition;
  current?: RasiAssignment;
  onClose: () => void;
}) {
  const { activity, current, onClose } = props;
  const { api, entityRef } = useSecurityTab();
  const { busy, save: saveChange, dialogProps } = useDialogChange(onClose);
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

  const save = async () => {
    const update = {
      version: current?.version ?? 0,
      responsible: refsOf(values.responsible),
      accountable: accountable[0],
      supportive: refsOf(values.supportive),
      informed: refsOf(values.informed),
    };
    await saveChange(() =>
      api.putRasiAssignment(entityRef, activity.id, update),
    );
  };

  return (
    <FormDialog
      id="rasi-edit"
      title={`RASI for ${activity.title}`}
      submitLabel="Save"
      canSubmit={!accountableError && !busy}
      {...dialogProps}
      onSubmit={save}
    >
      {ROLES.map(role => (
        <TextField
          key={role}
          id={`rasi-${role}`}
          fullWidth
          margin="dense"
          label={role.charAt(0).toUpperCase() + role.slice(1)}
          helperText={
            role === 'accountable'
              ? accountableError ?? 'The one person or group who answers for it'
              : 'Catalog users or groups, comma-separated'
          }
          error={role === 'accountable' && Boolean(accountableError)}
          value={values[role]}
          onChange={e => setValues(v => ({ ...v, [role]: e.target.value }))}
        />
      ))}
    </FormDialog>
  );
}
