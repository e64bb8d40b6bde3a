import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  DecisionInput,
  DecisionStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';

const STATUSES: DecisionStatus[] = [
  'proposed',
  'accepted',
  'implemented',
  'superseded',
];
const ENTITY_REF = /^(user|group):[a-z0-9._-]+\/[a-z0-9._-]+$/i;

/** What is wrong with a decision, field by field; empty when it can be sent. */
export function decisionProblems(d: DecisionInput) {
  const problems: Partial<Record<keyof DecisionInput, string>> = {};
  for (const key of ['trigger', 'decision', 'rationale'] as const) {
    if (!d[key].trim()) problems[key] = 'Required';
  }
  if (!ENTITY_REF.test(d.ownerRef)) {
    problems.ownerRef = 'A user or group, e.g. user:default/mei.chen';
  }
  if (d.backlogUrl && !/^https?:\/\/\S+$/.test(d.backlogUrl)) {
    problems.backlogUrl = 'An http(s) link';
  }
  return problems;
}

/** Logs or edits a threat-model decision; checked before it is sent. */
export function DecisionForm(props: {
  title: string;
  initial: DecisionInput;
  busy: boolean;
  onCancel: () => void;
  onSave: (decision: DecisionInput) => void;
}) {
  const { title, initial, busy, onCancel, onSave } = props;
  const [d, setD] = useState<DecisionInput>(initial);
  const [tried, setTried] = useState(false);
  const problems = decisionProblems(d);
  const field = (
    key: keyof DecisionInput,
    label: string,
    multiline = false,
  ) => (
    <TextField
      id={`decision-${key}`}
      label={label}
      fullWidth
      margin="dense"
      multiline={multiline}
      value={(d[key] as string | undefined) ?? ''}
      onChange={e => setD({ ...d, [key]: e.target.value })}
      error={tried && Boolean(problems[key])}
      helperText={tried ? problems[key] : undefined}
    />
  );
  return (
    <Dialog open onClose={onCancel} aria-labelledby="decision-title">
      <form
        onSubmit={e => {
          e.preventDefault();
          setTried(true);
          if (Object.keys(problems).length > 0) return;
          onSave({
            ...d,
            backlogUrl: d.backlogUrl || undefined,
            reReviewAt: d.reReviewAt
              ? new Date(d.reReviewAt).toISOString()
              : undefined,
            reReviewTrigger: d.reReviewTrigger || undefined,
          });
        }}
      >
        <DialogTitle id="decision-title">{title}</DialogTitle>
        <DialogContent>
          {field('trigger', 'Trigger (the material change)')}
          {field('decision', 'Decision')}
          {field('rationale', 'Rationale', true)}
          {field('ownerRef', 'Owner')}
          {field('backlogUrl', 'Backlog item (link)')}
          <TextField
            id="decision-status"
            select
            label="Status"
            fullWidth
            margin="dense"
            value={d.status}
            onChange={e =>
              setD({ ...d, status: e.target.value as DecisionStatus })
            }
          >
            {STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="decision-reReviewAt"
            type="date"
            label="Re-review on"
            fullWidth
            margin="dense"
            InputLabelProps={{ shrink: true }}
            value={d.reReviewAt?.slice(0, 10) ?? ''}
            onChange={e => setD({ ...d, reReviewAt: e.target.value })}
          />
          {field('reReviewTrigger', 'Re-review when')}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" color="primary" disabled={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
