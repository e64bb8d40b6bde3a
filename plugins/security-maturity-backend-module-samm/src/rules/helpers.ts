import {
  CLEARED_STATUSES,
  EntityRecords,
  EvidenceLink,
  StageRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  EvidenceAnswer,
  ScorerInput,
} from '@secmat/backstage-plugin-security-maturity-node';

/**
 * An evidence rule answers one SAMM activity from an entity's records and
 * catalog data, or returns undefined when it has nothing to go on (then an
 * attested answer may count).
 */
export type SammRule = {
  activityId: string;
  /** Why this evidence supports this activity, for the rule catalogue. */
  why: string;
  evaluate(
    input: ScorerInput,
  ): Omit<EvidenceAnswer, 'id' | 'ruleId'> | undefined;
};

const DAY_MS = 86_400_000;

export const stage = (
  records: EntityRecords,
  id: string,
): StageRecord | undefined => records.stages.find(s => s.stageId === id);

export const isCleared = (s?: StageRecord) =>
  Boolean(s && CLEARED_STATUSES.has(s.status));

export const criterion = (s: StageRecord | undefined, id: string) =>
  s?.checklist.find(c => c.criterionId === id);

export const daysSince = (iso: string, now: Date) =>
  Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);

/** Evidence links of checklist items, for the answer's links. */
export const evidenceOf = (
  ...items: Array<{ evidence: EvidenceLink[] } | undefined>
) => items.flatMap(i => i?.evidence ?? []).slice(0, 5);

/** Maps a share (0..1) onto the answer scale. */
export function shareToValue(share: number): number {
  if (share >= 1) return 1;
  if (share >= 0.5) return 0.5;
  if (share > 0) return 0.25;
  return 0;
}

export const answer = (
  value: number,
  rationale: string,
  links: EvidenceLink[] = [],
) => ({ value, rationale, links });

/** Full credit for a cleared gate, with its status and checklist evidence. */
export const clearedGate = (s: StageRecord, label: string) =>
  answer(
    1,
    `${label} ${s.status.replace('_', ' ')}.`,
    evidenceOf(...s.checklist),
  );
