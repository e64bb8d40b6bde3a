import { SAMM_QUESTIONS } from './samm/questions';
import { scoreSamm } from './samm/score';
import {
  normalizeSammActivityId,
  SAMM_ACTIVITY_IDS,
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_PRACTICES,
} from './samm/structure';
import { EntityScore, SecurityMaturityRecord } from './types';
import { DAY_MS } from './vocabulary/time';
import { WorkflowConfig } from './workflow';

/** The section of the Security tab where a step is done. @public */
export type NextStepSection =
  | 'intake'
  | 'stages'
  | 'rasi'
  | 'exceptions'
  | 'worksheets'
  | 'decisions'
  | 'releases'
  | 'score';

/** What a step would add to the score, computed with the toolbox formula. @public */
export type ScoreGain = {
  overall: number;
  functionId: string;
  functionName: string;
  function: number;
};

/**
 * One thing to do next on a component: a blocker (work that is due or
 * missing, whatever the score) or a score step (an activity to raise, with
 * what it would add).
 *
 * @public
 */
export type NextStep = {
  id: string;
  kind: 'blocker' | 'score';
  title: string;
  detail?: string;
  section: NextStepSection;
  /**
   * The element of the Security tab that does it: the section
   * (`security-intake`), or for a self-assessment step the activity's
   * question (`samm-G-SM-1-A`).
   */
  anchor: string;
  /** Score steps only: the gain if the activity's answer reached 1. */
  gain?: ScoreGain;
};

/**
 * Where the evidence of each practice is recorded, so a score step links to
 * the form that raises it (the evidence map of the SAMM module).
 */
const PRACTICE_SECTIONS: Record<string, NextStepSection> = {
  'G-SM': 'stages',
  'G-PC': 'intake',
  'G-EG': 'rasi',
  'D-TA': 'decisions',
  'D-SR': 'stages',
  'D-SA': 'stages',
  'I-SB': 'releases',
  'I-SD': 'releases',
  'I-DM': 'exceptions',
  'V-AA': 'stages',
  'V-RT': 'stages',
  'V-ST': 'stages',
  'O-IM': 'worksheets',
  'O-EM': 'exceptions',
  'O-OM': 'stages',
};

/** Approved exceptions expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 14;

/**
 * What each activity's answer reaching `value` would add, from the current
 * answers, with the same formula as the score itself.
 *
 * @public
 */
export function scoreGain(
  activities: ReadonlyArray<{ id: string; value: number }>,
  activityId: string,
  value: number,
): ScoreGain {
  const answers = Object.fromEntries(activities.map(a => [a.id, a.value]));
  const before = scoreSamm(answers);
  const after = scoreSamm({ ...answers, [activityId]: value });
  const functionId = activityId.split('-')[0];
  return {
    overall: after.overall - before.overall,
    functionId,
    functionName:
      SAMM_BUSINESS_FUNCTIONS.find(f => f.id === functionId)?.name ??
      functionId,
    function: after.functions[functionId] - before.functions[functionId],
  };
}

function blockers(
  record: SecurityMaturityRecord,
  config: WorkflowConfig,
  now: Date,
): NextStep[] {
  const steps: NextStep[] = [];
  if (!record.intake) {
    steps.push({
      id: 'intake',
      kind: 'blocker',
      title: 'Classify this component',
      detail:
        'Intake sets the risk tier, which decides the stage gates it needs and its target score.',
      section: 'intake',
      anchor: 'security-intake',
    });
  }
  const stageTitle = (id: string) =>
    config.stages.find(s => s.id === id)?.title ?? id;
  for (const stage of record.stages) {
    if (stage.status === 'in_progress' && stage.reopenedReason) {
      steps.push({
        id: `reopened-${stage.stageId}`,
        kind: 'blocker',
        title: `${stageTitle(stage.stageId)} was re-opened`,
        detail: stage.reopenedReason,
        section: 'stages',
        anchor: 'security-stages',
      });
    }
  }
  for (const e of record.exceptions) {
    const days = Math.ceil((Date.parse(e.expiresAt) - now.getTime()) / DAY_MS);
    if (e.status === 'expired') {
      steps.push({
        id: `expired-${e.id}`,
        kind: 'blocker',
        title: `The exception for ${e.controlId} has expired`,
        detail:
          'Expired exceptions count against the component: meet the control, or request a new exception.',
        section: 'exceptions',
        anchor: 'security-exceptions',
      });
    } else if (e.status === 'approved' && days <= EXPIRY_WARNING_DAYS) {
      steps.push({
        id: `expiring-${e.id}`,
        kind: 'blocker',
        title: `The exception for ${e.controlId} expires in ${days} day${
          days === 1 ? '' : 's'
        }`,
        detail: 'Meet the control before then, or request a new exception.',
        section: 'exceptions',
        anchor: 'security-exceptions',
      });
    }
  }
  const accountable = new Set(record.rasi.map(r => r.activityId));
  const required = new Set(record.requiredStageIds);
  const unowned = new Set(
    config.stages
      .filter(s => required.has(s.id) && !accountable.has(s.signOffActivityId))
      .map(s => s.signOffActivityId),
  );
  for (const activityId of unowned) {
    const activity = config.rasiActivities.find(a => a.id === activityId);
    steps.push({
      id: `accountable-${activityId}`,
      kind: 'blocker',
      title: `Nobody is Accountable for ${activity?.title ?? activityId}`,
      detail: 'Without an Accountable, only a security lead can sign off.',
      section: 'rasi',
      anchor: 'security-rasi',
    });
  }
  return steps;
}

// Activity IDs read `D-TA-1-A`: practice `D-TA`, level 1, stream A.
const practiceOf = (stepOrActivityId: string) =>
  stepOrActivityId
    .replace(/^activity-/, '')
    .split('-')
    .slice(0, 2)
    .join('-');
const levelOf = (stepOrActivityId: string) =>
  Number(stepOrActivityId.replace(/^activity-/, '').split('-')[2]);

const ACTIVITY_ORDER = new Map(SAMM_ACTIVITY_IDS.map((id, i) => [id, i]));
const modelOrder = (stepId: string) =>
  ACTIVITY_ORDER.get(stepId.replace(/^activity-/, '')) ?? 0;
/** Scores compared without the float noise of sums of quarters. */
const compare = (a: number, b: number) => (Math.abs(a - b) < 1e-9 ? 0 : a - b);

function scoreSteps(score: EntityScore, limit: number): NextStep[] {
  const candidates = score.activities.filter(a => a.value < 1);
  // 1 for an activity of a practice below its target in the tier's profile.
  const belowTarget = (stepId: string) =>
    (score.practiceTargets?.[practiceOf(stepId)]?.gap ?? 0) > 0 ? 1 : 0;
  return (
    candidates
      .map(a => {
        const id = normalizeSammActivityId(a.id) ?? a.id;
        const practiceId = practiceOf(id);
        const practice = SAMM_PRACTICES.find(p => p.id === practiceId);
        // Evidence answers say what is missing; the others are answered by
        // recording the evidence or, failing that, in the self-assessment.
        const byEvidence = a.source === 'evidence';
        const step: NextStep = {
          id: `activity-${id}`,
          kind: 'score',
          title: `${practice?.name ?? practiceId} (${id})`,
          detail: byEvidence ? a.rationale : SAMM_QUESTIONS[id] ?? a.rationale,
          section: byEvidence
            ? PRACTICE_SECTIONS[practiceId] ?? 'score'
            : 'score',
          anchor: byEvidence
            ? `security-${PRACTICE_SECTIONS[practiceId] ?? 'score'}`
            : `samm-${id}`,
          gain: scoreGain(score.activities, id, 1),
        };
        return step;
      })
      // Practices below their target come first: work on a practice at its
      // target moves the score but not the percent to target. Every activity
      // weighs the same in the toolbox formula, so the gain differs only by
      // the current answer; among equal gains, lower levels come first
      // (maturity builds level on level), then the weaker practice, then the
      // model's order.
      .sort(
        (x, y) =>
          belowTarget(y.id) - belowTarget(x.id) ||
          compare(y.gain!.overall, x.gain!.overall) ||
          levelOf(x.id) - levelOf(y.id) ||
          compare(
            score.practices[practiceOf(x.id)] ?? 0,
            score.practices[practiceOf(y.id)] ?? 0,
          ) ||
          modelOrder(x.id) - modelOrder(y.id),
      )
      .slice(0, limit)
  );
}

/**
 * The next steps of a component, blockers first, then the activities whose
 * answer would add most to the score, ranked by that gain.
 *
 * @public
 */
export function nextSteps(options: {
  record: SecurityMaturityRecord;
  score: EntityScore;
  config: WorkflowConfig;
  now?: Date;
  /** How many score steps at most. */
  limit?: number;
}): NextStep[] {
  const { record, score, config, now = new Date(), limit = 5 } = options;
  return [...blockers(record, config, now), ...scoreSteps(score, limit)];
}
