import TextField from '@material-ui/core/TextField';
import {
  DecisionInput,
  DecisionRecord,
  DecisionStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useDialogChange } from '../../hooks/useDialogChange';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { FormDialog, menuItems } from '../common';

const STATUSES: DecisionStatus[] = [
  'proposed',
  'accepted',
  'implemented',
  'superseded',
];
const ENTITY_REF = /^(user|group):[a-z0-9._-]+\/[a-z0-9._-]+$/i;
const EMPTY: DecisionInput = {
  trigger: '',
  decision: '',
  rationale: '',
  ownerRef: '',
  status: 'proposed',
};

const inputOf = (d: DecisionRecord): DecisionInput => ({
  trigger: d.trigger,
  decision: d.decision,
  rationale: d.rationale,
  ownerRef: d.ownerRef,
  status: d.status,
  backlogUrl: d.backlogUrl,
  reReviewAt: d.reReviewAt,
  reReviewTrigger: d.reReviewTrigger,
});

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

/**
 * Logs a threat-model decision, or edits `decision` with the version it was
 * read at. Checked before it is sent; on failure it stays open with the
 * reason.
 */
export function DecisionForm(props: {
  decision?: DecisionRecord;
  onClose: () => void;
}) {
  const { decision: editing, onClose } = props;
  const { api, entityRef } = useSecurityTab();
  const { busy, save: saveChange, dialogProps } = useDialogChange(onClose);
  const [d, setD] = useState<DecisionInput>(editing ? inputOf(editing) : EMPTY);
  const [tried, setTried] = useState(false);
  const problems = decisionProblems(d);

  const save = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    const input = {
      ...d,
      backlogUrl: d.backlogUrl || undefined,
      reReviewAt: d.reReviewAt
        ? new Date(d.reReviewAt).toISOString()
        : undefined,
      reReviewTrigger: d.reReviewTrigger || undefined,
    };
    await saveChange(() =>
      editing
        ? api.updateDecision(entityRef, editing.id, {
            ...input,
            version: editing.version,
          })
        : api.createDecision(entityRef, input),
    );
  };

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
    <FormDialog
      id="decision"
      title={editing ? 'Edit decision' : 'Log a decision'}
      submitLabel="Save"
      canSubmit={!busy}
      {...dialogProps}
      onSubmit={save}
    >
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
        onChange={e => setD({ ...d, status: e.target.value as DecisionStatus })}
      >
        {menuItems(STATUSES)}
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
    </FormDialog>
  );
}
