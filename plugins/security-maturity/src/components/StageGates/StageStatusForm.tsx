import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  StageDefinition,
  StageRecord,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { SelectField } from '../common';

// Read by screen readers, not shown: the stage's title is right above.
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

// Every status a stage can be in, so the select can always show the real one.
const STATUSES: Array<{ value: StageStatus; label: string }> = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'passed', label: 'Passed' },
  { value: 'waived', label: 'Waived' },
  { value: 'not_applicable', label: 'Not applicable' },
];

/** Why a status cannot be saved as it stands, or undefined when it can. */
export function statusProblem(
  status: StageStatus,
  reason: string,
  definition: StageDefinition,
  stage?: StageRecord,
) {
  if ((status === 'waived' || status === 'not_applicable') && !reason.trim()) {
    return 'A waived or not-applicable gate needs a reason';
  }
  if (status === 'passed') {
    const open = definition.exitCriteria.filter(
      c => !stage?.checklist.find(i => i.criterionId === c.id)?.done,
    );
    if (open.length > 0) {
      return `Tick every exit criterion first (${open.length} open)`;
    }
  }
  return undefined;
}

/**
 * Changes a gate's status, with the reason a waived or not-applicable gate
 * needs; checked here before anything is sent.
 */
export function StageStatusForm(props: {
  definition: StageDefinition;
  stage?: StageRecord;
  busy: boolean;
  onSave: (status: StageStatus, reason?: string) => void;
}) {
  const { definition, stage, busy, onSave } = props;
  // The stage's saved status (a stage without a record has not started); the
  // item re-mounts this form when the stage changes, so it never goes stale.
  const [status, setStatus] = useState<StageStatus>(
    stage?.status ?? 'not_started',
  );
  const [reason, setReason] = useState(stage?.reason ?? '');
  const [tried, setTried] = useState(false);
  const problem = statusProblem(status, reason, definition, stage);
  const needsReason = status === 'waived' || status === 'not_applicable';
  const id = `status-${definition.id}`;
  return (
    <form
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        marginTop: 8,
      }}
      onSubmit={e => {
        e.preventDefault();
        setTried(true);
        if (!problem) onSave(status, needsReason ? reason.trim() : undefined);
      }}
    >
      <SelectField
        id={id}
        label={
          <>
            Status <span style={visuallyHidden}>of {definition.title}</span>
          </>
        }
        value={status}
        options={STATUSES}
        onChange={setStatus}
        style={{ minWidth: 150 }}
      />
      {needsReason && (
        <TextField
          id={`${id}-reason`}
          size="small"
          label="Reason"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: 2000 }}
        />
      )}
      <Button type="submit" size="small" variant="outlined" disabled={busy}>
        Save status
      </Button>
      {tried && problem && (
        <span role="alert" style={{ color: '#b00020', alignSelf: 'center' }}>
          {problem}
        </span>
      )}
    </form>
  );
}
