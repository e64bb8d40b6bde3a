import TextField from '@material-ui/core/TextField';
import {
  DAY_MS,
  RiskRating,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useDialogChange } from '../../hooks/useDialogChange';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { daysUntil, FormDialog, LongTextField, menuItems } from '../common';

const RISKS: RiskRating[] = ['low', 'medium', 'high', 'critical'];

/**
 * Requests an exception to a baseline control, with an expiry within the
 * configured maximum. Closes once the request is saved; on failure it stays
 * open with the reason.
 */
export function RequestExceptionDialog(props: { onClose: () => void }) {
  const { config, api, entityRef } = useSecurityTab();
  const { busy, save, dialogProps } = useDialogChange(props.onClose);
  const [controlId, setControlId] = useState(
    config.baselineControls[0]?.id ?? '',
  );
  const [justification, setJustification] = useState('');
  const [compensating, setCompensating] = useState('');
  const [risk, setRisk] = useState<RiskRating>('medium');
  const [expiry, setExpiry] = useState(
    new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10),
  );
  const expiresAt = `${expiry}T23:59:59Z`;
  const days = daysUntil(expiresAt);
  const expiryError =
    days < 1
      ? 'Pick a future date'
      : days > config.exceptionMaxDays &&
        `At most ${config.exceptionMaxDays} days`;
  const valid = Boolean(
    controlId && justification.trim() && compensating.trim() && !expiryError,
  );

  const submit = async () => {
    const request = {
      controlId,
      justification: justification.trim(),
      compensatingControls: compensating.trim(),
      riskRating: risk,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    await save(() => api.requestException(entityRef, request));
  };

  return (
    <FormDialog
      id="exception-request"
      title="Request an exception"
      submitLabel="Request"
      canSubmit={valid && !busy}
      {...dialogProps}
      onSubmit={submit}
    >
      <TextField
        select
        fullWidth
        margin="dense"
        id="exception-control"
        label="Baseline control"
        value={controlId}
        onChange={e => setControlId(e.target.value)}
      >
        {menuItems(config.baselineControls)}
      </TextField>
      <LongTextField
        required
        maxLength={4000}
        id="exception-justification"
        label="Justification"
        value={justification}
        onChange={setJustification}
      />
      <LongTextField
        required
        maxLength={4000}
        id="exception-compensating"
        label="Compensating controls"
        value={compensating}
        onChange={setCompensating}
      />
      <TextField
        select
        fullWidth
        margin="dense"
        id="exception-risk"
        label="Risk rating"
        value={risk}
        onChange={e => setRisk(e.target.value as RiskRating)}
      >
        {menuItems(RISKS)}
      </TextField>
      <TextField
        fullWidth
        margin="dense"
        type="date"
        id="exception-expiry"
        label="Expires on"
        InputLabelProps={{ shrink: true }}
        value={expiry}
        onChange={e => setExpiry(e.target.value)}
        error={Boolean(expiryError)}
        helperText={expiryError || `${days} days`}
      />
    </FormDialog>
  );
}
