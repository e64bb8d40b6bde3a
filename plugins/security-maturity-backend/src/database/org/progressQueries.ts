import { SAMM_PRACTICES } from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { isPostgres } from '../engine';
import { practiceColumn } from '../scores/ScoreRow';
import { ProgressSums } from './OrgReadModel';
import { DbNumber, num, perPractice } from './scoreQueries';

const PRACTICE_COLUMNS = SAMM_PRACTICES.map(p => practiceColumn(p.id));
const baselineColumn = (practiceId: string) =>
  `b_${practiceColumn(practiceId)}`;

/** One row of the progress query: an owner and system, and their sums. */
export type ProgressRow = {
  owner_ref: string | null;
  system_ref: string | null;
  components: DbNumber;
  b_overall: DbNumber;
  overall: DbNumber;
  t_target: DbNumber;
  t_baseline: DbNumber;
  t_current: DbNumber;
} & Partial<Record<`p_${string}` | `b_p_${string}`, DbNumber>>;

/** The day of a component's baseline snapshot, by the snapshots' key. */
const BASELINE_DAY = `COALESCE(
  (SELECT max(x.day) FROM score_snapshots x
    WHERE x.entity_ref = e.entity_ref AND x.day <= ?),
  (SELECT min(x.day) FROM score_snapshots x
    WHERE x.entity_ref = e.entity_ref AND x.day > ?))`;

/**
 * The progress of the filtered components since a day, summed per owner and
 * system (a few rows, from which the owner and the system rollups both
 * follow), in one statement: each component with its baseline
 * snapshot (that day's, else the latest before it, else its first after it)
 * and its stored score now. Each baseline is found through the snapshots'
 * primary key (entity, day): the statement reads one snapshot per
 * component, never a whole day or history. On PostgreSQL the lookup is a
 * LATERAL subquery with LIMIT 1, which the planner cannot turn into a join:
 * as a plain join it hashed every snapshot of every component (measured:
 * 140,000 snapshots hashed for a team of 3,334 components, 290 ms, growing
 * with the history). SQLite looks rows up by key in any case.
 *
 * @param scores - entity_scores as `e`, filtered to the view
 */
export function progressQuery(
  db: Knex,
  scores: Knex.QueryBuilder,
  sinceDay: string,
) {
  const q = isPostgres(db)
    ? scores.joinRaw(
        `CROSS JOIN LATERAL (
           SELECT ${['overall', ...PRACTICE_COLUMNS].join(', ')}
           FROM score_snapshots s
           WHERE s.entity_ref = e.entity_ref AND s.day = ${BASELINE_DAY}
           LIMIT 1) b`,
        [sinceDay, sinceDay],
      )
    : scores.joinRaw(
        `JOIN score_snapshots b
           ON b.entity_ref = e.entity_ref AND b.day = ${BASELINE_DAY}`,
        [sinceDay, sinceDay],
      );
  q.select(
    'e.owner_ref',
    'e.system_ref',
    db.raw('count(*) as components'),
    db.raw('sum(b.overall) as b_overall'),
    db.raw('sum(e.overall) as overall'),
    ...PRACTICE_COLUMNS.flatMap(column => [
      db.raw('sum(??) as ??', [`b.${column}`, `b_${column}`]),
      db.raw('sum(??) as ??', [`e.${column}`, column]),
    ]),
    db.raw('sum(e.target) as t_target'),
    db.raw(
      'sum(CASE WHEN e.target IS NOT NULL THEN b.overall END) as t_baseline',
    ),
    db.raw(
      'sum(CASE WHEN e.target IS NOT NULL THEN e.overall END) as t_current',
    ),
  );
  return q.groupBy('e.owner_ref', 'e.system_ref');
}

export function toProgressSums(r: ProgressRow): ProgressSums {
  return {
    components: num(r.components),
    baseline: {
      overall: num(r.b_overall),
      practices: perPractice(baselineColumn, r),
    },
    current: {
      overall: num(r.overall),
      practices: perPractice(practiceColumn, r),
    },
    withTarget: {
      target: num(r.t_target),
      baseline: num(r.t_baseline),
      current: num(r.t_current),
    },
  };
}
