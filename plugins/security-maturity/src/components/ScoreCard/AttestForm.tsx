import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { useState } from 'react';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';

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
export function AttestForm(props: {
  activityId: string;
  section: SectionProps;
}) {
  const { activityId, section } = props;
  const current = section.record.assessment.find(
    a => a.activityId === activityId,
  );
  const [value, setValue] = useState<number | ''>(current?.value ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const id = `attest-${activityId}`;

  const save = async () => {
    if (value === '') return;
    setSaving(true);
    setError(undefined);
    try {
      await section.api.putAssessmentAnswer(section.entityRef, activityId, {
        version: current?.version ?? 0,
        value,
      });
      section.onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div
      style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}
    >
      <FormControl size="small" style={{ minWidth: 220 }}>
        <InputLabel id={`${id}-label`}>Your answer for {activityId}</InputLabel>
        <Select
          labelId={`${id}-label`}
          id={id}
          value={value}
          onChange={e => setValue(e.target.value as number)}
        >
          {ANSWERS.map(a => (
            <MenuItem key={a.value} value={a.value}>
              {a.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Button
        size="small"
        variant="outlined"
        disabled={saving || value === '' || value === current?.value}
        onClick={save}
      >
        Save answer
      </Button>
      {error && <ChangeErrorAlert error={error} onReload={section.onChanged} />}
    </div>
  );
}
