import {
  DAY_MS,
  ActivityScore,
  EntityRecords,
  EntityScore,
  EvidenceSignal,
  isSammActivityId,
  SAMM_ACTIVITY_IDS,
  SAMM_ANSWER_VALUES,
  scoreSammValues,
  targetFigures,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  EvidenceAnswer,
  SecurityMaturityScorer,
} from '@secmat/backstage-plugin-security-maturity-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

const answerValues = new Set<number>(SAMM_ANSWER_VALUES);
const valid = (a: EvidenceAnswer) =>
  isSammActivityId(a.id) && answerValues.has(a.value);

export const NO_EVIDENCE =
  'No evidence in the records and no self-assessment answer.';

// One shared, frozen answer per unanswered activity: most of the 90 are
// unanswered, and a catalog's worth of copies was a large share of the garbage
// a full rescoring makes.
const UNANSWERED = new Map<string, ActivityScore>(
  SAMM_ACTIVITY_IDS.map(id => [
    id,
    Object.freeze({
      id,
      value: 0,
      source: 'none',
      rationale: NO_EVIDENCE,
      links: Object.freeze([]) as unknown as ActivityScore['links'],
    }),
  ]),
);
const unanswered = (id: string): ActivityScore => UNANSWERED.get(id)!;

type EncodedActivity = [
  string,
  number,
  'e' | 'a' | 'n',
  string,
  Array<[string, string]>?,
  string?,
];
const SOURCE_CODE = { evidence: 'e', attested: 'a', none: 'n' } as const;
const SOURCE_NAME = { e: 'evidence', a: 'attested', n: 'none' } as const;

/**
 * Stores answers as compact tuples and leaves out the plain unanswered ones,
 * which are implied: a row stays a few kilobytes even with rationales.
 */
export function encodeActivities(activities: ActivityScore[]): string {
  const encoded: EncodedActivity[] = [];
  for (const a of activities) {
    if (a === UNANSWERED.get(a.id)) continue;
    if (a.source === 'none' && a.rationale === NO_EVIDENCE) continue;
    const row: EncodedActivity = [
      a.id,
      a.value,
      SOURCE_CODE[a.source],
      a.rationale,
    ];
    if (a.links.length || a.ruleId)
      row.push(a.links.map(l => [l.title, l.url]));
    if (a.ruleId) row.push(a.ruleId);
    encoded.push(row);
  }
  return JSON.stringify(encoded);
}

/** Restores the 90 activities from their stored form. */
export function decodeActivities(stored: string): ActivityScore[] {
  const byId = new Map<string, ActivityScore>();
  for (const [id, value, source, rationale, links, ruleId] of JSON.parse(
    stored,
  ) as EncodedActivity[]) {
    byId.set(id, {
      id,
      value,
      source: SOURCE_NAME[source],
      rationale,
      links: (links ?? []).map(([title, url]) => ({ title, url })),
      ...(ruleId ? { ruleId } : {}),
    });
  }
  return SAMM_ACTIVITY_IDS.map(id => byId.get(id) ?? unanswered(id));
}

/** A score, and until when it holds if nothing it reads changes. */
export type ComputedScore = {
  score: EntityScore;
  /** Epoch ms from which the score may differ, or null: no time limit. */
  validUntil: number | null;
};

/** The next UTC midnight: daily rescoring, for scorers that do not say. */
const nextDay = (now: Date) =>
  Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);

/**
 * Scores one entity: for each of the 90 activities, the strongest evidence
 * answer any scorer gives; else the owner's attested answer while it is fresh;
 * else none (counts 0). Then the OWASP SAMM toolbox formula. Also works out
 * when the score stops holding with time alone: the earliest validUntil of any
 * answer, an attested answer going stale, or tomorrow where a scorer does not
 * declare its answers' validity.
 */
export function computeScore(options: {
  entity: Entity;
  records: EntityRecords;
  /** The entity's current signals from tools. */
  signals?: ReadonlyArray<EvidenceSignal>;
  scorers: SecurityMaturityScorer[];
  workflow: WorkflowConfig;
  attestedMaxAgeDays: number;
  now: Date;
}): ComputedScore {
  const { entity, records, scorers, workflow, attestedMaxAgeDays, now } =
    options;
  const signals = options.signals ?? [];
  let validUntil: number | null = null;
  const holdsUntil = (time: number) => {
    if (validUntil === null || time < validUntil) validUntil = time;
  };
  const evidence = new Map<string, EvidenceAnswer>();
  for (const scorer of scorers) {
    if (!scorer.declaresValidity) holdsUntil(nextDay(now));
    for (const answer of scorer.score({
      entity,
      records,
      workflow,
      now,
      signals,
    })) {
      if (!valid(answer)) continue;
      // Any answer's change may change the strongest one.
      if (answer.validUntil) holdsUntil(Date.parse(answer.validUntil));
      const current = evidence.get(answer.id);
      if (!current || answer.value > current.value) {
        evidence.set(
          answer.id,
          answer.ruleId ? answer : { ...answer, ruleId: scorer.id },
        );
      }
    }
  }
  const attested = new Map(records.assessment.map(a => [a.activityId, a]));

  const activities: ActivityScore[] = SAMM_ACTIVITY_IDS.map(id => {
    const found = evidence.get(id);
    if (found) {
      const activity: ActivityScore = {
        id,
        value: found.value,
        source: 'evidence',
        rationale: found.rationale,
        links: found.links,
      };
      if (found.ruleId) activity.ruleId = found.ruleId;
      return activity;
    }
    const answer = attested.get(id);
    if (answer) {
      const answeredAt = new Date(answer.answeredAt).getTime();
      const age = Math.floor((now.getTime() - answeredAt) / DAY_MS);
      const on = new Date(answeredAt).toISOString().slice(0, 10);
      if (age <= attestedMaxAgeDays) {
        holdsUntil(answeredAt + (attestedMaxAgeDays + 1) * DAY_MS);
        return {
          id,
          value: answer.value,
          source: 'attested',
          rationale: `Attested by ${answer.answeredBy} on ${on}${
            answer.notes ? `: ${answer.notes}` : ''
          }.`,
          links: [],
        };
      }
      return {
        id,
        value: 0,
        source: 'none',
        rationale: `The self-assessment answer by ${answer.answeredBy} from ${on} is older than the ${attestedMaxAgeDays}-day limit; answer it again.`,
        links: [],
      };
    }
    return unanswered(id);
  });

  // Activities are in SAMM_ACTIVITY_IDS order and already validated.
  const scores = scoreSammValues(activities.map(a => a.value));
  const tier = records.intake?.tier ?? null;
  const defined = workflow.tiers.find(t => t.id === tier);
  // SAMM's relative metrics against the tier's profile: a strong practice
  // does not make up for a weak one in the percent to target.
  const figures = defined
    ? targetFigures(defined.targetProfile, {
        practices: scores.practices,
        activities,
      })
    : undefined;
  return {
    score: {
      entityRef: stringifyEntityRef(entity),
      ...scores,
      tier,
      target: defined?.targetScore ?? null,
      percentToTarget: figures?.percentToTarget ?? null,
      practiceTargets: figures?.practices ?? null,
      activities,
      computedAt: now.toISOString(),
    },
    validUntil,
  };
}
