import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import {
  ExceptionAction,
  ExceptionRecord,
  normalizeEntityRef,
  securityTabRecordAnchor,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useMutation } from '../../hooks/useMutation';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';
import { ChangeErrorAlert, daysUntil, Restricted } from '../common';
import { RequestExceptionDialog } from './RequestExceptionDialog';

/** The transitions the reader may make on one exception, as buttons. */
function Transitions(props: {
  exception: ExceptionRecord;
  busy: boolean;
  onTransition: (action: ExceptionAction) => void;
}) {
  const { exception: e, busy, onTransition } = props;
  const { record, userRef } = useSecurityTab();
  const { canEdit, isSecurityLead } = record.permissions;
  // Nobody approves their own request.
  const own =
    userRef !== undefined &&
    normalizeEntityRef(userRef) === normalizeEntityRef(e.requestedBy);
  const button = (action: ExceptionAction, label: string, primary = false) => (
    <Button
      size="small"
      color={primary ? 'primary' : 'default'}
      disabled={busy}
      onClick={() => onTransition(action)}
    >
      {label}
    </Button>
  );
  return (
    <Box display="flex" style={{ gap: 4 }}>
      {isSecurityLead && e.status === 'requested' && !own && (
        <>
          {button('approve', 'Approve', true)}
          {button('reject', 'Reject')}
        </>
      )}
      {isSecurityLead && e.status === 'approved' && button('revoke', 'Revoke')}
      {canEdit &&
        (e.status === 'requested' || e.status === 'approved') &&
        button('close', 'Close')}
    </Box>
  );
}

/**
 * The component's exceptions to the platform baseline: request one, and (for
 * security leads) approve, reject or revoke; owners may close their own.
 */
export function ExceptionsCard() {
  const { record, config, api, entityRef, onChanged } = useSecurityTab();
  const { busy, error, run } = useMutation(onChanged);
  const [requesting, setRequesting] = useState(false);
  const { canEdit } = record.permissions;
  const title = (id: string) =>
    config.baselineControls.find(c => c.id === id)?.title ?? id;

  return (
    <SectionCard
      title="Baseline exceptions"
      subheader="Platform baseline and exception register"
      count={record.exceptions.length}
      emptyText={`No exceptions. Exceptions to platform baseline controls will appear here with their justification, compensating controls, risk rating and expiry.${
        canEdit ? ' Request one when a control cannot be met yet.' : ''
      }`}
      action={
        canEdit ? (
          <Button variant="outlined" onClick={() => setRequesting(true)}>
            Request exception
          </Button>
        ) : undefined
      }
      alert={<ChangeErrorAlert error={error} onReload={onChanged} />}
      footer={
        requesting && (
          <RequestExceptionDialog onClose={() => setRequesting(false)} />
        )
      }
    >
      <List dense disablePadding>
        {record.exceptions.map(e => {
          const left = daysUntil(e.expiresAt);
          return (
            <ListItem
              key={e.id}
              id={securityTabRecordAnchor('exception', e.id)}
              divider
              alignItems="flex-start"
            >
              <ListItemText
                primary={
                  <>
                    {title(e.controlId)} <Chip size="small" label={e.status} />{' '}
                    {e.status === 'approved' && (
                      <Chip
                        size="small"
                        color={left <= 14 ? 'secondary' : 'default'}
                        label={`expires in ${left} days`}
                      />
                    )}
                  </>
                }
                secondary={
                  e.redacted ? (
                    <>
                      <Restricted what="Justification and compensating controls" />{' '}
                      {`(risk ${e.riskRating}, requested by ${e.requestedBy})`}
                    </>
                  ) : (
                    `${e.justification} — compensating: ${e.compensatingControls} (risk ${e.riskRating}, requested by ${e.requestedBy})`
                  )
                }
              />
              <Transitions
                exception={e}
                busy={busy}
                onTransition={action =>
                  run(() =>
                    api.transitionException(entityRef, e.id, {
                      version: e.version,
                      action,
                    }),
                  )
                }
              />
            </ListItem>
          );
        })}
      </List>
    </SectionCard>
  );
}
