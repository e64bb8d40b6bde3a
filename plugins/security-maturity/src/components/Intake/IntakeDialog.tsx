import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useDialogChange } from '../../hooks/useDialogChange';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { FormDialog, LongTextField, SelectField } from '../common';
import { obligationsOf, obligationsProblem, QUESTIONS } from './questions';
import { TierPreview } from './TierPreview';

/**
 * Records or edits the intake classification. The resulting tier, its stages
 * and target are shown as the answers change; the change is saved with the
 * version it was read at, and on failure the dialog stays open with why.
 */
export function IntakeDialog(props: { onClose: () => void }) {
  const { record, config, api, entityRef } = useSecurityTab();
  const { busy, save, dialogProps } = useDialogChange(props.onClose);
  const current = record.intake;
  const [classification, setClassification] = useState(
    current?.dataClassification ?? '',
  );
  const [flags, setFlags] = useState({
    internetExposure: current?.internetExposure ?? false,
    newIntegrations: current?.newIntegrations ?? false,
    authFlowChanges: current?.authFlowChanges ?? false,
  });
  const [obligationsText, setObligationsText] = useState(
    current?.regulatoryObligations.join(', ') ?? '',
  );
  const [notes, setNotes] = useState(current?.notes ?? '');
  const regulatoryObligations = obligationsOf(obligationsText);
  const obligationsError = obligationsProblem(regulatoryObligations);
  const answers = {
    dataClassification: classification,
    ...flags,
    regulatoryObligations,
  };
  const update = {
    version: current?.version ?? 0,
    ...answers,
    notes: notes.trim() || undefined,
  };

  return (
    <FormDialog
      id="intake"
      title={current ? 'Edit intake' : 'Classify this component'}
      submitLabel="Save"
      canSubmit={Boolean(classification) && !obligationsError && !busy}
      {...dialogProps}
      onSubmit={() => save(() => api.putIntake(entityRef, update))}
    >
      <SelectField
        fullWidth
        required
        margin="dense"
        id="intake-classification"
        label="Data classification"
        helperText={
          classification
            ? 'The most sensitive data it stores or processes'
            : 'Required: choose the most sensitive data it stores or processes'
        }
        value={classification}
        options={config.dataClassifications.map(c => ({ value: c, label: c }))}
        onChange={setClassification}
      />
      <FormGroup>
        {QUESTIONS.map(q => (
          <FormControlLabel
            key={q.key}
            label={q.label}
            control={
              <Checkbox
                color="primary"
                checked={flags[q.key]}
                onChange={e =>
                  setFlags(f => ({ ...f, [q.key]: e.target.checked }))
                }
              />
            }
          />
        ))}
      </FormGroup>
      <TextField
        fullWidth
        margin="dense"
        id="intake-obligations"
        label="Regulatory obligations"
        helperText={
          obligationsError ??
          'Comma-separated, e.g. PCI DSS, GDPR; empty when none apply'
        }
        error={Boolean(obligationsError)}
        value={obligationsText}
        onChange={e => setObligationsText(e.target.value)}
      />
      <LongTextField
        maxLength={4000}
        id="intake-notes"
        label="Notes"
        value={notes}
        onChange={setNotes}
      />
      {classification ? (
        <TierPreview config={config} answers={answers} current={current} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          The resulting tier shows here once the data classification is chosen.
        </Typography>
      )}
    </FormDialog>
  );
}
