import {
  ExceptionRecord,
  ExceptionRequest,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import * as families from '../../database/records/tables';
import { RecordsTransaction } from '../../database/records/RecordsTransaction';
import {
  checkExceptionRequest,
  checkExceptionTransition,
  ExceptionAction,
  ExceptionTransition,
} from '../../domain/exceptionLifecycle';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext } from './RecordContext';

export async function requestException(
  ctx: RecordContext,
  access: EntityAccess,
  input: ExceptionRequest,
): Promise<ExceptionRecord> {
  const { control, expiresAt } = checkExceptionRequest(
    ctx.workflow,
    input,
    ctx.clock(),
  );
  return change(ctx, access, async tx => {
    const id = randomUUID();
    const created = await tx.insert(families.exceptions, id, {
      controlId: control.id,
      justification: input.justification,
      compensatingControls: input.compensatingControls,
      riskRating: input.riskRating,
      expiresAt,
      status: 'requested',
      requestedBy: access.actor,
      requestedAt: tx.now,
    });
    await tx.history('exception', id, 'request', {
      controlId: control.id,
      riskRating: input.riskRating,
      expiresAt: expiresAt.toISOString(),
    });
    return created;
  });
}

/**
 * Moves one exception through its lifecycle inside a transaction: the rule
 * decides, the versioned write guards, the history row says what happened.
 * People's actions and the clock's expiry both come through here.
 */
export async function applyExceptionTransition(
  tx: RecordsTransaction,
  id: string,
  transition: ExceptionTransition,
  readVersion: number | undefined,
  note?: string,
): Promise<ExceptionRecord> {
  const before = await tx.get(families.exceptions, id, 'The exception');
  const version = readVersion ?? before.version;
  const to = checkExceptionTransition({
    exception: before,
    transition,
    actor: tx.actor,
    readVersion: version,
    now: tx.now,
  });
  const decided =
    transition === 'close' || transition === 'expire'
      ? {}
      : { decidedBy: tx.actor, decidedAt: tx.now };
  const after = await tx.update(
    families.exceptions,
    id,
    version,
    {
      status: to,
      ...decided,
      decisionNote: note ?? before.decisionNote ?? null,
    },
    'The exception',
  );
  await tx.history('exception', id, transition, {
    status: { from: before.status, to },
  });
  return after;
}

export async function transitionException(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: { version: number; action: ExceptionAction; note?: string },
): Promise<ExceptionRecord> {
  return change(ctx, access, tx =>
    applyExceptionTransition(tx, id, input.action, input.version, input.note),
  );
}
