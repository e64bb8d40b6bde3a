import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  ExceptionAction,
  ExceptionRecord,
  RiskRating,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { FormEvent, useState } from 'react';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';

const DAY = 86_400_000;
const daysLeft = (iso: string) =>
  Math.ceil((new Date(iso).getTime() - Date.now()) / DAY);

function RequestDialog(props: {
  open: boolean;
  config: WorkflowConfig;
  onClose: () => void;
  onSubmit: (request: {
    controlId: string;
    justification: string;
    compensatingControls: string;
    riskRating: RiskRating;
    expiresAt: string;
  }) => Promise<void>;
}) {
  const { config } = props;
  const [controlId, setControlId] = useState(
    config.baselineControls[0]?.id ?? '',
  );
  const [justification, setJustification] = useState('');
  const [compensating, setCompensating] = useState('');
  const [risk, setRisk] = useState<RiskRating>('medium');
  const [expiry, setExpiry] = useState(
    new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
  );
  const days = Math.ceil(
    (new Date(`${expiry}T23:59:59Z`).getTime() - Date.now()) / DAY,
  );
  const expiryError =
    days < 1
      ? 'Pick a future date'
      : days > config.exceptionMaxDays &&
        `At most ${config.exceptionMaxDays} days`;
  const valid =
    controlId && justification.trim() && compensating.trim() && !expiryError;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    await props.onSubmit({
      controlId,
      justification: justification.trim(),
      compensatingControls: compensating.trim(),
      riskRating: risk,
      expiresAt: new Date(`${expiry}T23:59:59Z`).toISOString(),
    });
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle>Request an exception</DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="dense"
            id="exception-control"
            label="Baseline control"
            value={controlId}
            onChange={e => setControlId(e.target.value)}
          >
            {config.baselineControls.map(c => (
              <MenuItem key={c.id} value={c.id}>
                {c.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            required
            id="exception-justification"
            label="Justification"
            value={justification}
            inputProps={{ maxLength: 4000 }}
            onChange={e => setJustification(e.target.value)}
          />
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            required
            id="exception-compensating"
            label="Compensating controls"
            value={compensating}
            inputProps={{ maxLength: 4000 }}
            onChange={e => setCompensating(e.target.value)}
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
            {['low', 'medium', 'high', 'critical'].map(r => (
              <MenuItem key={r} value={r}>
                {r}
              </MenuItem>
            ))}
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
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!valid}
          >
            Request
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * The component's exceptions to the platform baseline: request one, and (for
 * security leads) approve, reject or revoke; owners may close their own.
 */
export function ExceptionsCard(props: SectionProps) {
  const { record, config, api, entityRef, onChanged } = props;
  const identityApi = useApi(identityApiRef);
  const { value: me } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<Error>();
  const { canEdit, isSecurityLead } = record.permissions;

  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  const transition = (e: ExceptionRecord, action: ExceptionAction) =>
    act(() =>
      api.transitionException(entityRef, e.id, { version: e.version, action }),
    );
  const title = (id: string) =>
    config.baselineControls.find(c => c.id === id)?.title ?? id;

  return (
    <InfoCard
      title="Baseline exceptions"
      subheader="Platform baseline and exception register"
      action={
        canEdit ? (
          <Button variant="outlined" onClick={() => setOpen(true)}>
            Request exception
          </Button>
        ) : undefined
      }
    >
      {error && <ChangeErrorAlert error={error} onReload={onChanged} />}
      {record.exceptions.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No exceptions. Exceptions to platform baseline controls will appear
          here with their justification, compensating controls, risk rating and
          expiry.
          {canEdit ? ' Request one when a control cannot be met yet.' : ''}
        </Typography>
      ) : (
        <List dense disablePadding>
          {record.exceptions.map(e => {
            const left = daysLeft(e.expiresAt);
            const own =
              me &&
              me.toLocaleLowerCase('en-US') ===
                e.requestedBy.toLocaleLowerCase('en-US');
            return (
              <ListItem key={e.id} divider alignItems="flex-start">
                <ListItemText
                  primary={
                    <>
                      {title(e.controlId)}{' '}
                      <Chip size="small" label={e.status} />{' '}
                      {e.status === 'approved' && (
                        <Chip
                          size="small"
                          color={left <= 14 ? 'secondary' : 'default'}
                          label={`expires in ${left} days`}
                        />
                      )}
                    </>
                  }
                  secondary={`${e.justification} — compensating: ${e.compensatingControls} (risk ${e.riskRating}, requested by ${e.requestedBy})`}
                />
                <Box display="flex" style={{ gap: 4 }}>
                  {isSecurityLead && e.status === 'requested' && !own && (
                    <>
                      <Button
                        size="small"
                        color="primary"
                        onClick={() => transition(e, 'approve')}
                      >
                        Approve
                      </Button>
                      <Button
                        size="small"
                        onClick={() => transition(e, 'reject')}
                      >
                        Reject
                      </Button>
                    </>
                  )}
                  {isSecurityLead && e.status === 'approved' && (
                    <Button
                      size="small"
                      onClick={() => transition(e, 'revoke')}
                    >
                      Revoke
                    </Button>
                  )}
                  {canEdit &&
                    (e.status === 'requested' || e.status === 'approved') && (
                      <Button
                        size="small"
                        onClick={() => transition(e, 'close')}
                      >
                        Close
                      </Button>
                    )}
                </Box>
              </ListItem>
            );
          })}
        </List>
      )}
      {open && (
        <RequestDialog
          open
          config={config}
          onClose={() => setOpen(false)}
          onSubmit={request =>
            act(async () => {
              await api.requestException(entityRef, request);
              setOpen(false);
            })
          }
        />
      )}
    </InfoCard>
  );
}
