import { ConflictError } from '@backstage/errors';
import {
  DecisionRecord,
  RecordMeta,
  ReleaseEvidence,
  ReleaseRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import { toDecision, toRelease } from '../../database/mappers';
import { EntityAccess } from '../access';
import { diff, RecordContext, resolvePeopleRefs } from './context';

type DecisionInput = Omit<DecisionRecord, 'id' | keyof RecordMeta>;

async function decisionColumns(
  ctx: RecordContext,
  access: EntityAccess,
  body: DecisionInput,
) {
  const [ownerRef] = await resolvePeopleRefs(
    ctx,
    access.credentials,
    [body.ownerRef],
    'ownerRef',
  );
  return {
    trigger: body.trigger,
    decision: body.decision,
    rationale: body.rationale,
    owner_ref: ownerRef,
    backlog_url: body.backlogUrl ?? null,
    status: body.status,
    re_review_at: body.reReviewAt ? new Date(body.reReviewAt) : null,
    re_review_trigger: body.reReviewTrigger ?? null,
  };
}

export async function createDecision(
  ctx: RecordContext,
  access: EntityAccess,
  body: DecisionInput,
): Promise<DecisionRecord> {
  const columns = await decisionColumns(ctx, access, body);
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const id = randomUUID();
    const row = {
      id,
      entity_ref: uow.entityRef,
      ...columns,
      created_at: uow.now,
      ...uow.stamp(1),
    };
    await uow.tx('decisions').insert(row);
    const after = toDecision(row);
    await uow.history('decision', id, 'create', diff(undefined, after));
    return after;
  });
}

export async function updateDecision(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  body: DecisionInput & { version: number },
): Promise<DecisionRecord> {
  const columns = await decisionColumns(ctx, access, body);
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const before = toDecision(
      await uow.get('decisions', { id }, 'The decision'),
    );
    const after = toDecision(
      await uow.updateVersioned(
        'decisions',
        { id },
        body.version,
        columns,
        'The decision',
      ),
    );
    await uow.history('decision', id, 'update', diff(before, after));
    return after;
  });
}

export async function createRelease(
  ctx: RecordContext,
  access: EntityAccess,
  body: { release: string },
): Promise<ReleaseRecord> {
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    if (await uow.find('releases', { release: body.release })) {
      throw new ConflictError(
        `Release ${body.release} already has a decision record`,
      );
    }
    const id = randomUUID();
    const row = {
      id,
      entity_ref: uow.entityRef,
      release: body.release,
      decision: 'pending',
      evidence: '[]',
      created_at: uow.now,
      ...uow.stamp(1),
    };
    await uow.tx('releases').insert(row);
    await uow.history('release', id, 'create', { release: body.release });
    return toRelease(row);
  });
}

/** Evidence is appended (CI does not know versions), only while undecided. */
export async function pushReleaseEvidence(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  body: Omit<ReleaseEvidence, 'pushedBy' | 'pushedAt'>,
): Promise<ReleaseRecord> {
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const before = toRelease(await uow.get('releases', { id }, 'The release'));
    if (before.decision !== 'pending') {
      throw new ConflictError(
        `Release ${before.release} was already decided (${before.decision}); evidence can no longer be added`,
      );
    }
    const evidence: ReleaseEvidence = {
      ...body,
      pushedBy: access.actor,
      pushedAt: uow.now.toISOString(),
    };
    const updated = await uow.updateVersioned(
      'releases',
      { id },
      before.version,
      { evidence: JSON.stringify([...before.evidence, evidence]) },
      'The release',
    );
    await uow.history('release', id, 'evidence', {
      kind: body.kind,
      title: body.title,
      url: body.url,
    });
    return toRelease(updated);
  });
}

export async function decideRelease(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  body: { version: number; decision: 'go' | 'no_go'; note?: string },
): Promise<ReleaseRecord> {
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const before = toRelease(await uow.get('releases', { id }, 'The release'));
    if (before.version === body.version && before.decision !== 'pending') {
      throw new ConflictError(
        `Release ${before.release} was already decided (${before.decision})`,
      );
    }
    const updated = await uow.updateVersioned(
      'releases',
      { id },
      body.version,
      {
        decision: body.decision,
        decision_note: body.note ?? null,
        decided_by: access.actor,
        decided_at: uow.now,
      },
      'The release',
    );
    await uow.history('release', id, 'decide', {
      decision: { from: 'pending', to: body.decision },
    });
    return toRelease(updated);
  });
}
