import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { useMutation } from '../../hooks/useMutation';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { ChangeErrorAlert, SelectField } from '../common';

const ANSWERS = [
  { value: 0, label: 'No (0)' },
  { value: 0.25, label: 'Yes, for some (0.25)' },
  { value: 0.5, label: 'Yes, for at least half (0.5)' },
  { value: 1, label: 'Yes, for most or all (1)' },
];

/**
 * The self-assessment answer to one SAMM question, for activities no evidence
 * rule answers. Saved with the version it was read at: a 409 is shown, never
 * overwritten.
 */
export function AttestForm(props: { activityId: string }) {
  const { activityId } = props;
  const { record, api, entityRef, onChanged } = useSecurityTab();
  const { busy, error, run } = useMutation(onChanged);
  const current = record.assessment.find(a => a.activityId === activityId);
  const [value, setValue] = useState<number | ''>(current?.value ?? '');

  const save = (answer: number) =>
    run(() =>
      api.putAssessmentAnswer(entityRef, activityId, {
        version: current?.version ?? 0,
        value: answer,
      }),
    );

  return (
    <div
      style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}
    >
      <SelectField
        id={`attest-${activityId}`}
        label={`Your answer for ${activityId}`}
        value={value}
        options={ANSWERS}
        onChange={setValue}
        style={{ minWidth: 220 }}
      />
      <Button
        size="small"
        variant="outlined"
        disabled={busy || value === '' || value === current?.value}
        onClick={() => value !== '' && save(value)}
      >
        Save answer
      </Button>
      <ChangeErrorAlert error={error} onReload={onChanged} />
    </div>
  );
}
