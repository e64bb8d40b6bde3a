import {
  phaseDueOn,
  RoadmapPhase,
  RoadmapPhaseInput,
} from '@secmat/backstage-plugin-security-maturity-common';
import * as families from '../../database/records/tables';
import { diff } from '../../domain/diff';
import { EntityAccess } from '../../access/AccessControl';
import {
  checkRoadmapEntity,
  checkRoadmapPhase,
} from '../../roadmap/roadmapRules';
import { change, RecordContext, resolvePeopleRefs } from './RecordContext';

/**
 * Creates (version 0) or replaces one phase of the entity's roadmap: every
 * item checked and every named owner looked up in the catalog before
 * anything is written.
 */
export async function putRoadmapPhase(
  ctx: RecordContext,
  access: EntityAccess,
  phase: number,
  input: RoadmapPhaseInput,
): Promise<RoadmapPhase> {
  checkRoadmapEntity(access.entity);
  const checked = checkRoadmapPhase(phase, input);
  const owners = checked.items.map(i => i.ownerRef).filter(Boolean) as string[];
  // One batched lookup; each item keeps its owner, normalized.
  const resolved = await resolvePeopleRefs(
    ctx,
    access.credentials,
    owners,
    'items[].ownerRef',
  );
  let next = 0;
  const items = checked.items.map(i =>
    i.ownerRef ? { ...i, ownerRef: resolved[next++] } : i,
  );
  return change(ctx, access, async tx => {
    const { after } = await tx.saveRecorded(
      families.roadmapPhases,
      phase,
      input.version,
      { name: checked.name, items, dueOn: phaseDueOn(items) },
      {
        what: `Roadmap phase ${phase}`,
        recordType: 'roadmap',
        recordId: String(phase),
      },
    );
    return after;
  });
}

/** Removes one phase of the roadmap, at the version read. */
export async function deleteRoadmapPhase(
  ctx: RecordContext,
  access: EntityAccess,
  phase: number,
  version: number,
): Promise<RoadmapPhase> {
  return change(ctx, access, async tx => {
    const before = await tx.remove(
      families.roadmapPhases,
      phase,
      version,
      `Roadmap phase ${phase}`,
    );
    const changes = diff(undefined, before);
    for (const c of Object.values(changes)) [c.from, c.to] = [c.to, null];
    await tx.history('roadmap', String(phase), 'delete', changes);
    return before;
  });
}
