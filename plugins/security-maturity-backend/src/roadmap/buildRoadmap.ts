import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityRoadmap,
  EntityScore,
  phaseDueOn,
  projectRoadmap,
  RasiAssignment,
  RoadmapPhase,
  RoadmapPhaseProgress,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { SnapshotOverall } from '../database/roadmap/DatabaseRoadmapStore';
import { roadmapItemOwner } from './roadmapRules';

/**
 * Below this, a difference of scores is noise: snapshots are single-precision
 * floats on PostgreSQL (about 7 digits), projections are doubles.
 */
const EPSILON = 1e-6;

/** The component's owner as a full entity ref, from the catalog. */
export function componentOwnerOf(entity: Entity): string | undefined {
  const related = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (related) return related.targetRef;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * An entity's roadmap as the tab shows it: each phase's items with their
 * owners and whether they are done (current answer at least the planned
 * one), the projected score after the phase (scoreSamm over the current
 * answers raised by phases 1..n, percent to target by the tier's profile),
 * and the plan against the snapshots: the projected overall of each phase
 * against the actual overall on its due day (latest snapshot on or before
 * it; the latest one while the day is ahead).
 */
export function buildRoadmap(options: {
  entity: Entity;
  score: EntityScore;
  phases: RoadmapPhase[];
  rasi: ReadonlyArray<RasiAssignment>;
  workflow: WorkflowConfig;
  /** Snapshot on or before each due day, and on or before today. */
  snapshots: Map<string, SnapshotOverall | undefined>;
  today: string;
  canEdit: boolean;
}): EntityRoadmap {
  const { entity, score, phases, rasi, workflow, snapshots, today } = options;
  const tier = workflow.tiers.find(t => t.id === score.tier);
  const projections = projectRoadmap(
    score.activities,
    phases,
    tier?.targetProfile,
  );
  const current = new Map(score.activities.map(a => [a.id, a.value]));
  const owner = componentOwnerOf(entity);
  const latest = snapshots.get(today);
  return {
    entityRef: stringifyEntityRef(entity),
    tier: score.tier,
    target: tier?.targetScore ?? null,
    current: projections[0],
    canEdit: options.canEdit,
    phases: phases.map((phase, i) => {
      const items = phase.items.map(item => {
        const currentAnswer = current.get(item.activityId) ?? 0;
        const done = currentAnswer >= item.plannedAnswer;
        return {
          ...item,
          ...roadmapItemOwner(item, workflow, rasi, owner),
          currentAnswer,
          done,
          overdue: !done && item.dueOn < today,
        };
      });
      const projected = projections[i + 1];
      const dueOn = phaseDueOn(phase.items);
      const ahead = dueOn === null || dueOn >= today;
      const actual = ahead ? latest : snapshots.get(dueOn);
      let status: RoadmapPhaseProgress['status'];
      if (ahead) status = 'upcoming';
      else if (!actual) status = 'unknown';
      else
        status =
          actual.overall + EPSILON >= projected.overall ? 'met' : 'missed';
      return {
        ...phase,
        items,
        projected,
        progress: {
          dueOn,
          plannedOverall: projected.overall,
          actualOverall: actual?.overall ?? null,
          actualDay: actual?.day ?? null,
          itemsDone: items.filter(x => x.done).length,
          itemsTotal: items.length,
          status,
        },
      };
    }),
  };
}
