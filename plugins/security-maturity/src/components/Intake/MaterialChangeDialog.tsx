import { MaterialChangeKind } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useDialogChange } from '../../hooks/useDialogChange';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { FormDialog, LongTextField, SelectField } from '../common';

// Every kind the API takes, so a new one fails to compile until it has a label.
const KIND_LABELS: Record<MaterialChangeKind, string> = {
  'new-integration': 'New integration',
  'auth-change': 'Authentication or authorization flow change',
  'new-sensitive-data': 'More sensitive data',
  other: 'Other',
};
const KINDS = Object.entries(KIND_LABELS).map(([value, label]) => ({
  value: value as MaterialChangeKind,
  label,
}));

/**
 * Records a material change of the component. The backend re-opens threat
 * modeling with the change as the reason, and the tab reloads to show it.
 */
export function MaterialChangeDialog(props: { onClose: () => void }) {
  const { api, entityRef } = useSecurityTab();
  const { busy, save, dialogProps } = useDialogChange(props.onClose);
  const [kind, setKind] = useState<MaterialChangeKind>('new-integration');
  const [description, setDescription] = useState('');
  const text = description.trim();
  const change = { kind, description: text };

  return (
    <FormDialog
      id="material-change"
      title="Record a material change"
      submitLabel="Record"
      canSubmit={Boolean(text) && !busy}
      {...dialogProps}
      onSubmit={() => save(() => api.recordMaterialChange(entityRef, change))}
    >
      <SelectField
        fullWidth
        margin="dense"
        id="material-change-kind"
        label="Kind of change"
        value={kind}
        options={KINDS}
        onChange={setKind}
      />
      <LongTextField
        required
        maxLength={2000}
        id="material-change-description"
        label="What changed"
        helperText="Recording it re-opens threat modeling with this as the reason."
        value={description}
        onChange={setDescription}
      />
    </FormDialog>
  );
}
