import { StageStatus } from '@secmat/backstage-plugin-security-maturity-common';
import {
  SecurityMaturityEvent,
  SecurityMaturityEventKind,
} from '@secmat/backstage-plugin-security-maturity-node';
import { WrittenChange } from '../database/records/RecordsTransaction';
import { SIGNABLE_STATUSES } from '../domain/stageRules';

const EXCEPTION_DECISIONS: Record<string, SecurityMaturityEventKind> = {
  approve: 'exception.approved',
  reject: 'exception.rejected',
  revoke: 'exception.revoked',
};

const transitionTo = (changes: Record<string, unknown>, field: string) =>
  (changes[field] as { to?: unknown } | undefined)?.to;

/**
 * The moments in one committed change, read from the history rows it wrote:
 * the history is the one account of what happened, so the moments cannot
 * disagree with it. Stage moments name the stage; exception moments the
 * exception. Reminders and score moments come from elsewhere.
 */
export function deriveEvents(options: {
  entityRef: string;
  actor: string;
  at: Date;
  written: WrittenChange[];
}): SecurityMaturityEvent[] {
  const { entityRef, actor, written } = options;
  const at = options.at.toISOString();
  const event = (
    kind: SecurityMaturityEventKind,
    record: SecurityMaturityEvent['record'],
    details: SecurityMaturityEvent['details'] = {},
  ): SecurityMaturityEvent => ({ kind, entityRef, record, actor, at, details });

  const events: SecurityMaturityEvent[] = [];
  for (const { recordType, recordId, action, changes } of written) {
    const record = { id: recordId };
    if (recordType === 'exception') {
      if (action === 'request') {
        events.push(
          event(
            'exception.requested',
            { type: 'exception', ...record },
            {
              controlId: String(changes.controlId),
              requestedBy: actor,
              expiresAt: String(changes.expiresAt),
            },
          ),
        );
      } else if (EXCEPTION_DECISIONS[action]) {
        events.push(
          event(EXCEPTION_DECISIONS[action], { type: 'exception', ...record }),
        );
      }
    } else if (recordType === 'stage') {
      const status = transitionTo(changes, 'status');
      if (action === 'reopen') {
        events.push(
          event(
            'stage.reopened',
            { type: 'stage', ...record },
            { stageId: recordId, reason: String(changes.reason ?? '') },
          ),
        );
      } else if (
        (action === 'create' || action === 'update') &&
        SIGNABLE_STATUSES.includes(status as StageStatus)
      ) {
        events.push(
          event(
            'stage.ready-for-sign-off',
            { type: 'stage', ...record },
            { stageId: recordId, status: String(status) },
          ),
        );
      }
    } else if (
      recordType === 'release' &&
      action === 'decide' &&
      transitionTo(changes, 'decision') === 'no_go'
    ) {
      events.push(event('release.no-go', { type: 'release', ...record }));
    }
  }
  return events;
}
