import {
  DecisionInput,
  DecisionRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import * as families from '../../database/records/tables';
import { diff } from '../../domain/diff';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext, resolvePeopleRefs } from './RecordContext';

/** A threat-model decision's stored values; its owner must be in the catalog. */
async function decisionValues(
  ctx: RecordContext,
  access: EntityAccess,
  input: DecisionInput,
): Promise<families.DecisionValues> {
  const [ownerRef] = await resolvePeopleRefs(
    ctx,
    access.credentials,
    [input.ownerRef],
    'ownerRef',
  );
  return {
    trigger: input.trigger,
    decision: input.decision,
    rationale: input.rationale,
    ownerRef,
    backlogUrl: input.backlogUrl ?? null,
    status: input.status,
    reReviewAt: input.reReviewAt ? new Date(input.reReviewAt) : null,
    reReviewTrigger: input.reReviewTrigger ?? null,
  };
}

export async function createDecision(
  ctx: RecordContext,
  access: EntityAccess,
  input: DecisionInput,
): Promise<DecisionRecord> {
  const values = await decisionValues(ctx, access, input);
  return change(ctx, access, async tx => {
    const id = randomUUID();
    const after = await tx.insert(families.decisions, id, {
      ...values,
      createdAt: tx.now,
    });
    await tx.history('decision', id, 'create', diff(undefined, after));
    return after;
  });
}

export async function updateDecision(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: DecisionInput & { version: number },
): Promise<DecisionRecord> {
  const values = await decisionValues(ctx, access, input);
  return change(ctx, access, async tx => {
    const before = await tx.get(families.decisions, id, 'The decision');
    const after = await tx.update(
      families.decisions,
      id,
      input.version,
      values,
      'The decision',
    );
    await tx.history('decision', id, 'update', diff(before, after));
    return after;
  });
}
