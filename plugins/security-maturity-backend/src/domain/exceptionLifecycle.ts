import {
  BaselineControl,
  DAY_MS,
  ExceptionRecord,
  ExceptionStatus,
  normalizeEntityRef,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { conflict, forbidden, invalid } from './RuleViolation';

/** What a person may do to an exception; `expire` is the clock's. */
export type ExceptionAction = 'approve' | 'reject' | 'revoke' | 'close';
export type ExceptionTransition = ExceptionAction | 'expire';

/** The whole lifecycle: which transition moves which status where. */
export const EXCEPTION_TRANSITIONS: Record<
  ExceptionTransition,
  { from: ExceptionStatus[]; to: ExceptionStatus }
> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  revoke: { from: ['approved'], to: 'revoked' },
  close: { from: ['requested', 'approved'], to: 'closed' },
  expire: { from: ['approved'], to: 'expired' },
};

/** Actions only security leads may take; `close` is for owners too. */
export const LEAD_ACTIONS: ReadonlyArray<ExceptionAction> = [
  'approve',
  'reject',
  'revoke',
];

export const isLeadAction = (action: ExceptionAction) =>
  LEAD_ACTIONS.includes(action);

/** Checks a new request: a configured control, an expiry within the limit. */
export function checkExceptionRequest(
  workflow: WorkflowConfig,
  input: { controlId: string; expiresAt: string },
  now: Date,
): { control: BaselineControl; expiresAt: Date } {
  const control = workflow.baselineControls.find(c => c.id === input.controlId);
  if (!control) {
    throw invalid(
      `Unknown baseline control '${
        input.controlId
      }'; use one of ${workflow.baselineControls.map(c => c.id).join(', ')}`,
    );
  }
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) {
    throw invalid('The expiry must be in the future');
  }
  if (
    expiresAt.getTime() >
    now.getTime() + workflow.exceptionMaxDays * DAY_MS
  ) {
    throw invalid(
      `An exception may last at most ${workflow.exceptionMaxDays} days`,
    );
  }
  return { control, expiresAt };
}

/**
 * Checks a transition of a stored exception and returns the new status.
 * `readVersion` is the version the caller read: when it is stale, the
 * versioned write answers with who changed it instead.
 */
export function checkExceptionTransition(options: {
  exception: Pick<
    ExceptionRecord,
    'status' | 'requestedBy' | 'expiresAt' | 'version'
  >;
  transition: ExceptionTransition;
  actor: string;
  readVersion: number;
  now: Date;
}): ExceptionStatus {
  const { exception, transition, actor, readVersion, now } = options;
  const { from, to } = EXCEPTION_TRANSITIONS[transition];
  if (
    (transition === 'approve' || transition === 'reject') &&
    normalizeEntityRef(exception.requestedBy) === normalizeEntityRef(actor)
  ) {
    // Segregation of duties.
    throw forbidden('Nobody may approve or reject their own exception request');
  }
  if (exception.version === readVersion && !from.includes(exception.status)) {
    throw conflict(`An exception that is ${exception.status} cannot be ${to}`);
  }
  const expired = new Date(exception.expiresAt).getTime() <= now.getTime();
  if (transition === 'approve' && expired) {
    throw conflict(
      'The exception has already passed its expiry; request a new one',
    );
  }
  if (transition === 'expire' && !expired) {
    throw conflict('The exception has not reached its expiry yet');
  }
  return to;
}
