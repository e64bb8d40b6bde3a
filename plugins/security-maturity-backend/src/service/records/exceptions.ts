import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  ExceptionRecord,
  ExceptionStatus,
  RiskRating,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import { toException } from '../../database/mappers';
import { EntityAccess } from '../access';
import { RecordContext } from './context';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ExceptionAction = 'approve' | 'reject' | 'revoke' | 'close';

/** The lifecycle: which action moves which status where. */
const TRANSITIONS: Record<
  ExceptionAction,
  { from: ExceptionStatus[]; to: ExceptionStatus }
> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  revoke: { from: ['approved'], to: 'revoked' },
  close: { from: ['requested', 'approved'], to: 'closed' },
};

/** Actions only security leads may take; the others are for owners too. */
export const LEAD_ACTIONS: ExceptionAction[] = ['approve', 'reject', 'revoke'];

export async function requestException(
  ctx: RecordContext,
  access: EntityAccess,
  body: {
    controlId: string;
    justification: string;
    compensatingControls: string;
    riskRating: RiskRating;
    expiresAt: string;
  },
): Promise<ExceptionRecord> {
  const control = ctx.workflow.baselineControls.find(
    c => c.id === body.controlId,
  );
  if (!control) {
    throw new InputError(
      `Unknown baseline control '${
        body.controlId
      }'; use one of ${ctx.workflow.baselineControls
        .map(c => c.id)
        .join(', ')}`,
    );
  }
  const now = Date.now();
  const expiresAt = new Date(body.expiresAt);
  if (expiresAt.getTime() <= now) {
    throw new InputError('The expiry must be in the future');
  }
  if (expiresAt.getTime() > now + ctx.workflow.exceptionMaxDays * DAY_MS) {
    throw new InputError(
      `An exception may last at most ${ctx.workflow.exceptionMaxDays} days`,
    );
  }
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const id = randomUUID();
    const row = {
      id,
      entity_ref: uow.entityRef,
      control_id: control.id,
      justification: body.justification,
      compensating_controls: body.compensatingControls,
      risk_rating: body.riskRating,
      expires_at: expiresAt,
      status: 'requested',
      requested_by: access.actor,
      requested_at: uow.now,
      ...uow.stamp(1),
    };
    await uow.tx('exceptions').insert(row);
    await uow.history('exception', id, 'request', {
      controlId: control.id,
      riskRating: body.riskRating,
      expiresAt: expiresAt.toISOString(),
    });
    return toException(row);
  });
}

export async function transitionException(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  body: { version: number; action: ExceptionAction; note?: string },
): Promise<ExceptionRecord> {
  const { from, to } = TRANSITIONS[body.action];
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const row = await uow.get('exceptions', { id }, 'The exception');
    if (
      (body.action === 'approve' || body.action === 'reject') &&
      row.requested_by.toLocaleLowerCase('en-US') ===
        access.actor.toLocaleLowerCase('en-US')
    ) {
      // Segregation of duties.
      throw new NotAllowedError(
        'Nobody may approve or reject their own exception request',
      );
    }
    if (Number(row.version) === body.version && !from.includes(row.status)) {
      throw new ConflictError(
        `An exception that is ${row.status} cannot be ${to}`,
      );
    }
    if (
      body.action === 'approve' &&
      new Date(row.expires_at).getTime() <= uow.now.getTime()
    ) {
      throw new ConflictError(
        'The exception has already passed its expiry; request a new one',
      );
    }
    const decision =
      body.action === 'close'
        ? {}
        : { decided_by: access.actor, decided_at: uow.now };
    const updated = await uow.updateVersioned(
      'exceptions',
      { id },
      body.version,
      {
        status: to,
        ...decision,
        decision_note: body.note ?? row.decision_note ?? null,
      },
      'The exception',
    );
    await uow.history('exception', id, body.action, {
      status: { from: row.status, to },
    });
    return toException(updated);
  });
}
