import { hash } from 'crypto';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  EntityScore,
  normalizeEntityRef,
  SAMM_PRACTICES,
  summarizeRecords,
} from '@secmat/backstage-plugin-security-maturity-common';
import { StoredRecords } from '../database/records/RecordsStore';
import {
  practiceColumn,
  practiceGapColumn,
  practiceTargetColumn,
  ScoreRow,
} from '../database/scores/ScoreRow';
import { decodeActivities, encodeActivities } from './computeScore';

/** Score rows and the API's score, one from the other. */

const PRACTICE_COLUMNS = SAMM_PRACTICES.map(p => ({
  id: p.id,
  column: practiceColumn(p.id),
  target: practiceTargetColumn(p.id),
  gap: practiceGapColumn(p.id),
}));

const relation = (entity: Entity, type: string) =>
  entity.relations?.find(r => r.type === type)?.targetRef ?? null;

/**
 * The stored row of a computed score, with the summary columns the org views
 * aggregate and a fingerprint of the stored values.
 */
export function toScoreRow(
  entity: Entity,
  ref: string,
  score: EntityScore,
  records: StoredRecords,
  required: string[],
  about: { day: string; inputs: string; validUntil: number | null },
): ScoreRow {
  const summary = summarizeRecords({ ...records, requiredStageIds: required });
  const content: Omit<
    ScoreRow,
    'computed_at' | 'fingerprint' | 'snapshot_day' | 'inputs_fingerprint'
  > = {
    entity_ref: ref,
    kind: normalizeEntityRef(entity.kind),
    type: (entity.spec?.type as string | undefined) ?? null,
    lifecycle: (entity.spec?.lifecycle as string | undefined) ?? null,
    owner_ref: relation(entity, RELATION_OWNED_BY),
    system_ref: relation(entity, RELATION_PART_OF),
    tier: score.tier,
    target: score.target,
    overall: score.overall,
    percent_to_target: score.percentToTarget,
    fn_g: score.functions.G,
    fn_d: score.functions.D,
    fn_i: score.functions.I,
    fn_v: score.functions.V,
    fn_o: score.functions.O,
    practices: JSON.stringify(score.practices),
    levels: JSON.stringify(score.levels),
    // Unanswered activities are implied, which keeps rows small.
    activities: encodeActivities(score.activities),
    gates_required: summary.requiredGates,
    gates_cleared: summary.clearedGates,
    exceptions_open: summary.openExceptions,
    exceptions_expired: summary.expiredExceptions,
    valid_until: about.validUntil === null ? null : new Date(about.validUntil),
    targets: score.practiceTargets && JSON.stringify(score.practiceTargets),
  };
  for (const p of PRACTICE_COLUMNS) {
    content[p.column] = score.practices[p.id];
    content[p.target] = score.practiceTargets?.[p.id].target ?? null;
    content[p.gap] = score.practiceTargets?.[p.id].gap ?? null;
  }
  // The stored values in order, hashed in one call: hashing them one by one
  // cost more than computing the score.
  const fingerprint = hash(
    'sha1',
    Object.values(content)
      .map(value => (value instanceof Date ? value.getTime() : value ?? ''))
      .join('\u001f'),
  );
  return {
    ...content,
    computed_at: new Date(score.computedAt),
    fingerprint,
    snapshot_day: about.day,
    inputs_fingerprint: about.inputs,
  };
}

/** Reads a stored score row back into the API shape. */
export function scoreFromRow(row: ScoreRow): EntityScore {
  return {
    entityRef: row.entity_ref,
    overall: Number(row.overall),
    functions: {
      G: Number(row.fn_g),
      D: Number(row.fn_d),
      I: Number(row.fn_i),
      V: Number(row.fn_v),
      O: Number(row.fn_o),
    },
    practices: JSON.parse(row.practices),
    levels: JSON.parse(row.levels),
    tier: row.tier,
    target: row.target === null ? null : Number(row.target),
    percentToTarget:
      row.percent_to_target === null ? null : Number(row.percent_to_target),
    // Rows from before target profiles have none until they are rescored.
    practiceTargets: row.targets ? JSON.parse(row.targets) : null,
    activities: decodeActivities(row.activities),
    computedAt: new Date(row.computed_at).toISOString(),
  };
}
