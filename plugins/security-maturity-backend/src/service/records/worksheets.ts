import {
  ContainmentAction,
  WorksheetRecord,
  WorksheetUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import * as families from '../../database/records/tables';
import { diff } from '../../domain/diff';
import { findStage } from '../../domain/stageRules';
import {
  closedAt,
  CONTAINMENT_ACTIVITIES,
  contentOf,
  newWorksheetContent,
  stampTimeline,
} from '../../domain/worksheetRules';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext, resolvePeopleRefs } from './RecordContext';
import { reopenStage } from './stages';

export async function startWorksheet(
  ctx: RecordContext,
  access: EntityAccess,
  input: { kind: 'incident' | 'drill'; title: string },
): Promise<WorksheetRecord> {
  return change(ctx, access, async tx => {
    const rasi = await tx.findMany(
      families.rasiAssignments,
      Object.values(CONTAINMENT_ACTIVITIES),
    );
    const content = newWorksheetContent({
      kind: input.kind,
      accountableFor: activity =>
        rasi.find(r => r.activityId === activity)?.accountable ?? null,
      actor: access.actor,
      now: tx.now,
    });
    const id = randomUUID();
    const created = await tx.insert(families.worksheets, id, {
      kind: input.kind,
      title: input.title,
      status: 'open',
      startedAt: tx.now,
      content,
    });
    await tx.history('worksheet', id, 'start', {
      kind: input.kind,
      title: input.title,
    });
    return created;
  });
}

/** Containment owners named in an update must be users or groups in the catalog. */
async function resolveContainmentOwners(
  ctx: RecordContext,
  access: EntityAccess,
  owners: WorksheetRecord['containmentOwners'],
) {
  const named = (Object.keys(owners) as ContainmentAction[]).filter(
    k => owners[k],
  );
  const resolved = await resolvePeopleRefs(
    ctx,
    access.credentials,
    named.map(k => owners[k]!),
    'containmentOwners',
  );
  const result = { ...owners };
  named.forEach((k, i) => {
    result[k] = resolved[i];
  });
  return result;
}

export async function updateWorksheet(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: WorksheetUpdate,
): Promise<WorksheetRecord> {
  const containmentOwners = await resolveContainmentOwners(
    ctx,
    access,
    input.containmentOwners,
  );
  return change(ctx, access, async tx => {
    const before = await tx.get(families.worksheets, id, 'The worksheet');
    const closing = input.status === 'closed' && before.status !== 'closed';
    const after = await tx.update(
      families.worksheets,
      id,
      input.version,
      {
        title: input.title,
        status: input.status,
        containedAt: input.containedAt ? new Date(input.containedAt) : null,
        closedAt: closedAt(before, input.status, tx.now),
        content: {
          readiness: input.readiness,
          containmentOwners,
          timeline: stampTimeline(before.timeline, input.timeline, tx.actor),
          actions: input.actions,
          findings: input.findings,
          // Lessons are added one by one, never rewritten.
          lessons: before.lessons,
        },
      },
      'The worksheet',
    );
    await tx.history(
      'worksheet',
      id,
      closing ? 'close' : 'update',
      diff(before, after),
    );
    return after;
  });
}

export async function addLesson(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: { version: number; lesson: string; reopensStageId?: string },
): Promise<WorksheetRecord> {
  const stage = input.reopensStageId
    ? findStage(ctx.workflow, input.reopensStageId)
    : undefined;
  return change(ctx, access, async tx => {
    const before = await tx.get(families.worksheets, id, 'The worksheet');
    const lesson = {
      lesson: input.lesson,
      ...(stage ? { reopensStageId: stage.id } : {}),
      by: tx.actor,
      at: tx.now.toISOString(),
    };
    const after = await tx.update(
      families.worksheets,
      id,
      input.version,
      {
        content: { ...contentOf(before), lessons: [...before.lessons, lesson] },
      },
      'The worksheet',
    );
    await tx.history('worksheet', id, 'lesson', {
      lesson: input.lesson,
      reopensStageId: stage?.id ?? null,
    });
    if (stage) {
      // Runtime lessons feed the next planning cycle. The reason names the
      // worksheet, not the lesson: stage reasons, their history and the
      // re-open notification reach every reader, the lesson's text is for
      // the component's insiders (see domain/confidentiality.ts).
      await reopenStage(
        tx,
        stage.id,
        `Lesson from "${before.title}": read it in the worksheet`,
      );
    }
    return after;
  });
}
