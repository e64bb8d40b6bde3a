import {
  DAY_MS,
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

/**
 * The moment `iso` becomes more than `days` days old (daysSince passes
 * `days`): an answer given for "at most `days` days old" holds until then.
 */
export const olderThanFrom = (iso: string, days: number) =>
  new Date(new Date(iso).getTime() + (days + 1) * DAY_MS).toISOString();

/**
 * The UTC date of a time, for rationales. A date, unlike "N days ago", does
 * not change from one day to the next, so the stored explanation stays true
 * for as long as the answer does.
 */
export const dayOf = (iso: string) =>
  // Records hold UTC ISO strings; anything else is converted first.
  iso.length === 24 && iso.endsWith('Z')
    ? iso.slice(0, 10)
    : new Date(iso).toISOString().slice(0, 10);

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
  validUntil?: string,
) => ({ value, rationale, links, ...(validUntil ? { validUntil } : {}) });

/** Full credit for a cleared gate, with its status and checklist evidence. */
export const clearedGate = (s: StageRecord, label: string) =>
  answer(
    1,
    `${label} ${s.status.replace('_', ' ')}.`,
    evidenceOf(...s.checklist),
  );
