import {
  normalizeSammActivityId,
  RasiAssignment,
  ROADMAP_LIMITS,
  RoadmapItem,
  RoadmapOwnerSource,
  SAMM_ANSWER_VALUES,
  SammAnswerValue,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { invalid } from '../domain/RuleViolation';
import { SCORED_KINDS } from '../scoring/ScoringService';
import { isIsoDate } from '../domain/inputRules';

/**
 * The security activity (RASI) whose Responsible does the work of each SAMM
 * practice by default, as DESIGN §3 maps practices to the records that
 * evidence them: threat assessment and requirements are threat modeling,
 * architecture is the design review, build is implementation, deployment
 * the release sign-off, verification the validation stage, incident
 * management containment, environment management the baseline's exceptions,
 * governance and operations the periodic control review.
 */
export const PRACTICE_RASI_ACTIVITY: Readonly<Record<string, string>> = {
  'G-SM': 'governance-review',
  'G-PC': 'governance-review',
  'G-EG': 'governance-review',
  'D-TA': 'threat-modeling',
  'D-SR': 'threat-modeling',
  'D-SA': 'design-review',
  'I-SB': 'implementation-review',
  'I-SD': 'release-sign-off',
  'I-DM': 'validation',
  'V-AA': 'validation',
  'V-RT': 'validation',
  'V-ST': 'validation',
  'O-IM': 'incident-isolate',
  'O-EM': 'exception-approval',
  'O-OM': 'governance-review',
};

const answers = new Set<number>(SAMM_ANSWER_VALUES);

/**
 * Roadmaps plan a component's SAMM answers: the kinds that are scored. A
 * team's roadmap (a group's) is not built yet.
 */
export function checkRoadmapEntity(entity: Entity) {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (!SCORED_KINDS.some(k => k.toLocaleLowerCase('en-US') === kind)) {
    throw invalid(
      `A roadmap plans a component's SAMM answers; ${stringifyEntityRef(
        entity,
      )} is a ${entity.kind}`,
    );
  }
}

/**
 * A phase's number, name and items checked (known activity, answer 0, 0.25,
 * 0.5 or 1, a real calendar day, each activity once), with activity IDs in
 * the model spelling. The errors name the field, and nothing is written.
 */
export function checkRoadmapPhase(
  phase: number,
  input: { name: string; items: RoadmapItem[] },
): { name: string; items: RoadmapItem[] } {
  if (!Number.isInteger(phase) || phase < 1 || phase > ROADMAP_LIMITS.phases) {
    throw invalid(
      `phase: must be a whole number from 1 to ${ROADMAP_LIMITS.phases}`,
    );
  }
  const name = input.name.trim();
  if (!name) throw invalid('name: must not be empty');
  if (input.items.length > ROADMAP_LIMITS.items) {
    throw invalid(`items: at most ${ROADMAP_LIMITS.items} per phase`);
  }
  const seen = new Set<string>();
  const items = input.items.map((item, i) => {
    const field = (f: string) => `items[${i}].${f}`;
    const activityId = normalizeSammActivityId(String(item.activityId));
    if (!activityId) {
      throw invalid(
        `${field('activityId')}: unknown SAMM activity '${item.activityId}'`,
      );
    }
    if (seen.has(activityId)) {
      throw invalid(
        `${field('activityId')}: ${activityId} is planned twice in this phase`,
      );
    }
    seen.add(activityId);
    if (!answers.has(item.plannedAnswer)) {
      throw invalid(
        `${field('plannedAnswer')}: must be 0, 0.25, 0.5 or 1, got ${
          item.plannedAnswer
        }`,
      );
    }
    if (typeof item.dueOn !== 'string' || !isIsoDate(item.dueOn)) {
      throw invalid(
        `${field('dueOn')}: '${
          item.dueOn
        }' is not a calendar date (YYYY-MM-DD)`,
      );
    }
    const checked: RoadmapItem = {
      activityId,
      plannedAnswer: item.plannedAnswer as SammAnswerValue,
      dueOn: item.dueOn,
    };
    if (item.ownerRef) checked.ownerRef = item.ownerRef;
    return checked;
  });
  return { name, items };
}

/**
 * Who does an item: its own owner; else the Responsible (first named) of the
 * security activity its practice maps to, where the workflow has it and RASI
 * names one; else the component's owner.
 */
export function roadmapItemOwner(
  item: RoadmapItem,
  workflow: WorkflowConfig,
  rasi: ReadonlyArray<RasiAssignment>,
  componentOwner: string | undefined,
): { owner: string | null; ownerSource: RoadmapOwnerSource } {
  if (item.ownerRef) return { owner: item.ownerRef, ownerSource: 'set' };
  const practice = item.activityId.split('-').slice(0, 2).join('-');
  const activity = PRACTICE_RASI_ACTIVITY[practice];
  if (activity && workflow.rasiActivities.some(a => a.id === activity)) {
    const responsible = rasi.find(a => a.activityId === activity)
      ?.responsible[0];
    if (responsible) return { owner: responsible, ownerSource: 'rasi' };
  }
  if (componentOwner) return { owner: componentOwner, ownerSource: 'owner' };
  return { owner: null, ownerSource: 'none' };
}
