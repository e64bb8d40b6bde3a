import { InputError } from '@backstage/errors';
import {
  AssessmentAnswer,
  normalizeSammActivityId,
  RasiAssignment,
} from '@secmat/backstage-plugin-security-maturity-common';
import { toAnswer, toRasi } from '../../database/mappers';
import { EntityAccess } from '../access';
import { diff, RecordContext, resolvePeopleRefs } from './context';

export async function putRasi(
  ctx: RecordContext,
  access: EntityAccess,
  activityId: string,
  body: {
    version: number;
    responsible: string[];
    accountable: string;
    supportive: string[];
    informed: string[];
  },
): Promise<RasiAssignment> {
  const activity = ctx.workflow.rasiActivities.find(a => a.id === activityId);
  if (!activity) {
    throw new InputError(
      `Unknown RASI activity '${activityId}'; use one of ${ctx.workflow.rasiActivities
        .map(a => a.id)
        .join(', ')}`,
    );
  }
  const resolve = (refs: string[], field: string) =>
    resolvePeopleRefs(ctx, access.credentials, refs, field);
  const [accountable] = await resolve([body.accountable], 'accountable');
  const responsible = await resolve(body.responsible, 'responsible');
  const supportive = await resolve(body.supportive, 'supportive');
  const informed = await resolve(body.informed, 'informed');

  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const beforeRow = await uow.find('rasi_assignments', {
      activity_id: activityId,
    });
    const before = beforeRow ? toRasi(beforeRow) : undefined;
    const row = await uow.saveVersioned(
      'rasi_assignments',
      { activity_id: activityId },
      body.version,
      {
        responsible: JSON.stringify([...new Set(responsible)]),
        accountable,
        supportive: JSON.stringify([...new Set(supportive)]),
        informed: JSON.stringify([...new Set(informed)]),
      },
      `RASI for '${activity.title}'`,
    );
    const after = toRasi(row);
    await uow.history(
      'rasi',
      activityId,
      before ? 'update' : 'create',
      diff(before, after),
    );
    return after;
  });
}

export async function putAssessmentAnswer(
  ctx: RecordContext,
  access: EntityAccess,
  rawActivityId: string,
  body: { version: number; value: number; notes?: string },
): Promise<AssessmentAnswer> {
  const activityId = normalizeSammActivityId(rawActivityId);
  if (!activityId) {
    throw new InputError(`Unknown SAMM activity '${rawActivityId}'`);
  }
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const beforeRow = await uow.find('assessment_answers', {
      activity_id: activityId,
    });
    const row = await uow.saveVersioned(
      'assessment_answers',
      { activity_id: activityId },
      body.version,
      { value: body.value, notes: body.notes ?? null },
      `The self-assessment answer for ${activityId}`,
    );
    const after = toAnswer(row);
    await uow.history(
      'assessment',
      activityId,
      beforeRow ? 'update' : 'create',
      diff(beforeRow ? toAnswer(beforeRow) : undefined, after),
    );
    return after;
  });
}
