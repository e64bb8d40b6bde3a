import {
  ContainmentAction,
  WorksheetContent,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import { toWorksheet } from '../../database/mappers';
import { EntityAccess } from '../access';
import { diff, RecordContext, resolvePeopleRefs } from './context';
import { findStage, reopenStage } from './stages';

type Body = WorksheetContent;

/** Containment owners default from the Accountable of these RASI activities. */
const CONTAINMENT_ACTIVITIES: Record<ContainmentAction, string> = {
  isolate: 'incident-isolate',
  revoke: 'incident-revoke',
  freeze: 'incident-freeze',
  recover: 'incident-recover',
};

const bodyOf = (w: WorksheetRecord): Body => ({
  readiness: w.readiness,
  containmentOwners: w.containmentOwners,
  timeline: w.timeline,
  actions: w.actions,
  findings: w.findings,
  lessons: w.lessons,
});

export async function startWorksheet(
  ctx: RecordContext,
  access: EntityAccess,
  body: { kind: 'incident' | 'drill'; title: string },
): Promise<WorksheetRecord> {
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const rasi = await uow
      .tx('rasi_assignments')
      .where({ entity_ref: uow.entityRef })
      .whereIn('activity_id', Object.values(CONTAINMENT_ACTIVITIES))
      .select('activity_id', 'accountable');
    const accountableFor = (activity: string) =>
      rasi.find(r => r.activity_id === activity)?.accountable ?? null;
    const content: Body = {
      readiness: { baselineControlsPresent: false, runtimeVisibility: false },
      containmentOwners: {
        isolate: accountableFor(CONTAINMENT_ACTIVITIES.isolate),
        revoke: accountableFor(CONTAINMENT_ACTIVITIES.revoke),
        freeze: accountableFor(CONTAINMENT_ACTIVITIES.freeze),
        recover: accountableFor(CONTAINMENT_ACTIVITIES.recover),
      },
      timeline: [
        {
          at: uow.now.toISOString(),
          entry: `${body.kind === 'drill' ? 'Drill' : 'Incident'} started`,
          by: access.actor,
        },
      ],
      actions: [],
      findings: [],
      lessons: [],
    };
    const id = randomUUID();
    const row = {
      id,
      entity_ref: uow.entityRef,
      kind: body.kind,
      title: body.title,
      status: 'open',
      started_at: uow.now,
      body: JSON.stringify(content),
      ...uow.stamp(1),
    };
    await uow.tx('worksheets').insert(row);
    await uow.history('worksheet', id, 'start', {
      kind: body.kind,
      title: body.title,
    });
    return toWorksheet(row);
  });
}

export async function updateWorksheet(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  body: Omit<Body, 'lessons'> & {
    version: number;
    title: string;
    status: 'open' | 'closed';
    containedAt?: string;
  },
): Promise<WorksheetRecord> {
  const owners = body.containmentOwners;
  const named = (Object.keys(owners) as ContainmentAction[]).filter(
    k => owners[k],
  );
  const resolved = await resolvePeopleRefs(
    ctx,
    access.credentials,
    named.map(k => owners[k]!),
    'containmentOwners',
  );
  const containmentOwners = { ...owners };
  named.forEach((k, i) => {
    containmentOwners[k] = resolved[i];
  });

  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const before = toWorksheet(
      await uow.get('worksheets', { id }, 'The worksheet'),
    );
    // New timeline entries are the caller's: who wrote one comes from the
    // token, never from the request; entries already stored stay as they are.
    const key = (t: { at: string; entry: string; by: string }) =>
      `${t.at}|${t.entry}|${t.by}`;
    const stored = new Set(before.timeline.map(key));
    const content: Body = {
      readiness: body.readiness,
      containmentOwners,
      timeline: body.timeline.map(t =>
        stored.has(key(t)) ? t : { ...t, by: access.actor },
      ),
      actions: body.actions,
      findings: body.findings,
      lessons: before.lessons, // lessons are added one by one, never rewritten
    };
    const closing = body.status === 'closed' && before.status !== 'closed';
    const closedAt =
      closing || !before.closedAt ? uow.now : new Date(before.closedAt);
    const updated = await uow.updateVersioned(
      'worksheets',
      { id },
      body.version,
      {
        title: body.title,
        status: body.status,
        contained_at: body.containedAt ? new Date(body.containedAt) : null,
        // Re-opening clears the close time; closing again sets a new one.
        closed_at: body.status === 'closed' ? closedAt : null,
        body: JSON.stringify(content),
      },
      'The worksheet',
    );
    const after = toWorksheet(updated);
    await uow.history(
      'worksheet',
      id,
      closing ? 'close' : 'update',
      diff({ ...before, ...bodyOf(before) }, after),
    );
    return after;
  });
}

export async function addLesson(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  body: { version: number; lesson: string; reopensStageId?: string },
): Promise<WorksheetRecord> {
  const stage = body.reopensStageId
    ? findStage(ctx.workflow, body.reopensStageId)
    : undefined;
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const before = toWorksheet(
      await uow.get('worksheets', { id }, 'The worksheet'),
    );
    const lesson = {
      lesson: body.lesson,
      ...(stage ? { reopensStageId: stage.id } : {}),
      by: access.actor,
      at: uow.now.toISOString(),
    };
    const updated = await uow.updateVersioned(
      'worksheets',
      { id },
      body.version,
      {
        body: JSON.stringify({
          ...bodyOf(before),
          lessons: [...before.lessons, lesson],
        }),
      },
      'The worksheet',
    );
    await uow.history('worksheet', id, 'lesson', {
      lesson: body.lesson,
      reopensStageId: stage?.id ?? null,
    });
    if (stage) {
      // Runtime lessons feed the next planning cycle.
      await reopenStage(
        uow,
        stage.id,
        `Lesson from "${before.title}": ${body.lesson}`,
      );
    }
    return toWorksheet(updated);
  });
}
