import {
  ActivityScore,
  EntityRecords,
  EntityScore,
  SAMM_ACTIVITY_IDS,
  SAMM_ANSWER_VALUES,
  scoreSamm,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  EvidenceAnswer,
  SecurityMaturityScorer,
} from '@secmat/backstage-plugin-security-maturity-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

const DAY_MS = 86_400_000;

export const NO_EVIDENCE =
  'No evidence in the records and no self-assessment answer.';

const unanswered = (id: string): ActivityScore => ({
  id,
  value: 0,
  source: 'none',
  rationale: NO_EVIDENCE,
  links: [],
});

/** Drops the plain unanswered activities, which are implied, to keep rows small. */
export const compactActivities = (activities: ActivityScore[]) =>
  activities.filter(a => a.source !== 'none' || a.rationale !== NO_EVIDENCE);

/** Restores the 90 activities from a compact list. */
export function expandActivities(stored: ActivityScore[]): ActivityScore[] {
  const byId = new Map(stored.map(a => [a.id, a]));
  return SAMM_ACTIVITY_IDS.map(id => byId.get(id) ?? unanswered(id));
}
const valid = (a: EvidenceAnswer) =>
  SAMM_ACTIVITY_IDS.includes(a.id) &&
  (SAMM_ANSWER_VALUES as readonly number[]).includes(a.value);

/**
 * Scores one entity: for each of the 90 activities, the strongest evidence
 * answer any scorer gives; else the owner's attested answer while it is fresh;
 * else none (counts 0). Then the OWASP SAMM toolbox formula.
 */
export function computeScore(options: {
  entity: Entity;
  records: EntityRecords;
  scorers: SecurityMaturityScorer[];
  workflow: WorkflowConfig;
  attestedMaxAgeDays: number;
  now: Date;
}): EntityScore {
  const { entity, records, scorers, workflow, attestedMaxAgeDays, now } =
    options;
  const evidence = new Map<string, EvidenceAnswer>();
  for (const scorer of scorers) {
    for (const answer of scorer.score({ entity, records, workflow, now })) {
      const current = evidence.get(answer.id);
      if (valid(answer) && (!current || answer.value > current.value)) {
        evidence.set(answer.id, { ruleId: scorer.id, ...answer });
      }
    }
  }
  const attested = new Map(records.assessment.map(a => [a.activityId, a]));

  const activities: ActivityScore[] = SAMM_ACTIVITY_IDS.map(id => {
    const found = evidence.get(id);
    if (found) {
      return { ...found, source: 'evidence' };
    }
    const answer = attested.get(id);
    if (answer) {
      const age = Math.floor(
        (now.getTime() - new Date(answer.answeredAt).getTime()) / DAY_MS,
      );
      if (age <= attestedMaxAgeDays) {
        return {
          id,
          value: answer.value,
          source: 'attested',
          rationale: `Attested by ${answer.answeredBy} ${age} days ago${
            answer.notes ? `: ${answer.notes}` : ''
          }.`,
          links: [],
        };
      }
      return {
        id,
        value: 0,
        source: 'none',
        rationale: `The self-assessment answer by ${answer.answeredBy} is ${age} days old, past the ${attestedMaxAgeDays}-day limit; answer it again.`,
        links: [],
      };
    }
    return unanswered(id);
  });

  const scores = scoreSamm(
    Object.fromEntries(activities.map(a => [a.id, a.value])),
  );
  const tier = records.intake?.tier ?? null;
  const target = workflow.tiers.find(t => t.id === tier)?.targetScore ?? null;
  return {
    entityRef: stringifyEntityRef(entity),
    ...scores,
    tier,
    target,
    percentToTarget: target
      ? Math.min(100, (scores.overall / target) * 100)
      : null,
    activities,
    computedAt: now.toISOString(),
  };
}
