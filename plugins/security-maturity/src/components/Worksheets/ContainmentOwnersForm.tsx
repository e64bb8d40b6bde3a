import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { WorksheetRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { ACTION_LABEL } from './labels';

type Owners = WorksheetRecord['containmentOwners'];
const REF = /^(user|group):[a-z0-9._-]+\/[a-z0-9._-]+$/i;

/**
 * Who may isolate traffic, revoke access, freeze rollout and approve recovery
 * during this incident (they start from RASI); refs are checked before saving,
 * and the backend checks that they exist in the catalog.
 */
export function ContainmentOwnersForm(props: {
  worksheet: WorksheetRecord;
  busy: boolean;
  onSave: (owners: Owners) => void;
}) {
  const { worksheet, busy, onSave } = props;
  const [owners, setOwners] = useState<Record<string, string>>(
    Object.fromEntries(
      Object.entries(worksheet.containmentOwners).map(([k, v]) => [k, v ?? '']),
    ),
  );
  const bad = Object.entries(owners).filter(
    ([, v]) => v.trim() !== '' && !REF.test(v.trim()),
  );
  return (
    <Box
      component="form"
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      mt={1}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        if (bad.length) return;
        onSave(
          Object.fromEntries(
            Object.entries(owners).map(([k, v]) => [k, v.trim() || null]),
          ) as Owners,
        );
      }}
    >
      {Object.keys(owners).map(action => {
        const invalid = bad.some(([k]) => k === action);
        return (
          <TextField
            key={action}
            id={`owner-${worksheet.id}-${action}`}
            size="small"
            label={`Who may ${ACTION_LABEL[action] ?? action}`}
            value={owners[action]}
            onChange={e => setOwners({ ...owners, [action]: e.target.value })}
            error={invalid}
            helperText={invalid ? 'user:… or group:…' : undefined}
          />
        );
      })}
      <Button type="submit" size="small" variant="outlined" disabled={busy}>
        Save owners
      </Button>
    </Box>
  );
}
