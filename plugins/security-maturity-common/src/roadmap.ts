import { scoreSamm, SammAnswerValue } from './samm/score';
import { normalizeSammActivityId, SAMM_ACTIVITY_IDS } from './samm/structure';
import { TargetProfile, targetFigures } from './samm/targets';

/** One planned improvement: an activity raised to an answer by a day. @public */
export type RoadmapItem = {
  /** SAMM activity ID, stored in the model spelling (`D-TA-1-A`). */
  activityId: string;
  /** The answer the activity is planned to reach: 0, 0.25, 0.5 or 1. */
  plannedAnswer: SammAnswerValue;
  /** The day it is due, `YYYY-MM-DD`. */
  dueOn: string;
  /**
   * Who does it; absent: the RASI Responsible of the matching security
   * activity, else the component's owner (worked out when read).
   */
  ownerRef?: string;
};

/** A phase as written: its name and its items, at the version read. @public */
export type RoadmapPhaseInput = {
  /** 0 to create the phase; else the version read (a stale one gets 409). */
  version: number;
  name: string;
  items: RoadmapItem[];
};

/** A stored phase of a roadmap. @public */
export type RoadmapPhase = {
  /** 1, 2, 3…: phases apply in this order. */
  phase: number;
  name: string;
  items: RoadmapItem[];
  version: number;
  updatedAt: string;
  updatedBy: string;
};

/** Where a roadmap item's owner comes from. @public */
export type RoadmapOwnerSource = 'set' | 'rasi' | 'owner' | 'none';

/** An item as the roadmap shows it: its owner resolved, and whether done. @public */
export type RoadmapItemView = RoadmapItem & {
  owner: string | null;
  ownerSource: RoadmapOwnerSource;
  /** The activity's answer in the current score. */
  currentAnswer: number;
  /** The current answer is at least the planned one. */
  done: boolean;
  /** Due before today and not done. */
  overdue: boolean;
};

/** The score once phases 1..n are done. @public */
export type RoadmapProjection = {
  overall: number;
  functions: Record<string, number>;
  practices: Record<string, number>;
  /** OWASP SAMM's percent to target after the phase; null without a tier. */
  percentToTarget: number | null;
  /** Per practice, percent to target after the phase; null without a tier. */
  practicePercentToTarget: Record<string, number> | null;
};

/** The plan against the daily snapshots, for one phase. @public */
export type RoadmapPhaseProgress = {
  /** The phase's due day: its latest item's. */
  dueOn: string | null;
  /** The projected overall once the phase is done. */
  plannedOverall: number;
  /**
   * The actual overall on the due day (the latest snapshot on or before it),
   * or the latest snapshot while the due day is still ahead; null without one.
   */
  actualOverall: number | null;
  /** The day of that snapshot. */
  actualDay: string | null;
  itemsDone: number;
  itemsTotal: number;
  /**
   * `upcoming`: due day ahead; `met`: the actual overall reached the plan on
   * the due day; `missed`: it did not; `unknown`: no snapshot to tell.
   */
  status: 'upcoming' | 'met' | 'missed' | 'unknown';
};

/** A phase with its items, projection and progress. @public */
export type RoadmapPhaseView = Omit<RoadmapPhase, 'items'> & {
  items: RoadmapItemView[];
  projected: RoadmapProjection;
  progress: RoadmapPhaseProgress;
};

/** An entity's roadmap, as GET …/roadmap returns it. @public */
export type EntityRoadmap = {
  entityRef: string;
  tier: string | null;
  /** The tier's target overall; null until intake sets a tier. */
  target: number | null;
  /** The score now, as the projections start from it. */
  current: RoadmapProjection;
  phases: RoadmapPhaseView[];
  canEdit: boolean;
};

/** The most phases a roadmap has, and items a phase has. @public */
export const ROADMAP_LIMITS = { phases: 12, items: 50 } as const;

/** The phase's due day: its latest item's, or null without items. @public */
export function phaseDueOn(items: ReadonlyArray<RoadmapItem>): string | null {
  return items.reduce<string | null>(
    (latest, i) => (latest === null || i.dueOn > latest ? i.dueOn : latest),
    null,
  );
}

/**
 * The score after each phase of a roadmap, by the OWASP SAMM toolbox formula
 * (scoreSamm): phases 1..n applied on top of the current answers, each
 * activity taking the higher of its current and planned answers (a plan never
 * lowers a score). With a target profile, SAMM's percent to target after
 * each phase too. The first element is the score now.
 *
 * @param current - the current answers (either ID spelling)
 * @param phases - in order; only their items are read
 * @public
 */
export function projectRoadmap(
  current: ReadonlyArray<{ id: string; value: number }>,
  phases: ReadonlyArray<{ items: ReadonlyArray<RoadmapItem> }>,
  profile?: TargetProfile,
): RoadmapProjection[] {
  const answers: Record<string, number> = Object.fromEntries(
    SAMM_ACTIVITY_IDS.map(id => [id, 0]),
  );
  for (const a of current) {
    const id = normalizeSammActivityId(a.id);
    if (id) answers[id] = a.value;
  }
  const project = (): RoadmapProjection => {
    const scores = scoreSamm(answers);
    const figures = profile
      ? targetFigures(profile, {
          practices: scores.practices,
          activities: SAMM_ACTIVITY_IDS.map(id => ({ id, value: answers[id] })),
        })
      : undefined;
    return {
      overall: scores.overall,
      functions: scores.functions,
      practices: scores.practices,
      percentToTarget: figures?.percentToTarget ?? null,
      practicePercentToTarget: figures
        ? Object.fromEntries(
            Object.entries(figures.practices).map(([p, f]) => [
              p,
              f.percentToTarget,
            ]),
          )
        : null,
    };
  };
  const result = [project()];
  for (const phase of phases) {
    for (const item of phase.items) {
      const id = normalizeSammActivityId(item.activityId);
      if (!id)
        throw new TypeError(`Unknown SAMM activity ID '${item.activityId}'`);
      answers[id] = Math.max(answers[id], item.plannedAnswer);
    }
    result.push(project());
  }
  return result;
}
