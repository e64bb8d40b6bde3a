import {
  FunctionScores,
  OrgSort,
  SAMM_FUNCTION_IDS,
  SAMM_PRACTICES,
  SammFunctionId,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import {
  practiceColumn,
  practiceGapColumn,
  practiceTargetColumn,
  ScoreRow,
} from '../scores/ScoreRow';
import { OrgComponentRow, ResolvedFilter, ScoreSums } from './OrgReadModel';

/**
 * A number as the drivers return it: PostgreSQL sends counts, sums and
 * averages as text, SQLite as numbers; an aggregate over no rows is null.
 */
export type DbNumber = number | string | null;

export const num = (v: DbNumber | undefined): number =>
  v === null || v === undefined ? 0 : Number(v);

/** The rows a query returns, typed where they leave SQL. */
export async function rowsOf<T>(query: Knex.QueryBuilder): Promise<T[]> {
  return query;
}

/** The one row of a query ending in first(), typed where it leaves SQL. */
export async function firstOf<T>(
  query: Knex.QueryBuilder,
): Promise<T | undefined> {
  return query;
}

export type FunctionColumn = Extract<keyof ScoreRow, `fn_${string}`>;

/** The score-row column of each SAMM business function. */
export const FUNCTION_COLUMNS: Record<SammFunctionId, FunctionColumn> = {
  G: 'fn_g',
  D: 'fn_d',
  I: 'fn_i',
  V: 'fn_v',
  O: 'fn_o',
};

/** The function columns in SAMM order (G, D, I, V, O). */
export const functionColumns = () =>
  SAMM_FUNCTION_IDS.map(id => FUNCTION_COLUMNS[id]);

/** The five function scores, each from a function of its ID. */
export const perFunction = (
  value: (id: SammFunctionId) => number,
): FunctionScores =>
  Object.fromEntries(
    SAMM_FUNCTION_IDS.map(id => [id, value(id)]),
  ) as FunctionScores;

/** Applies the filter to a query over entity_scores aliased as `e`. */
export function applyFilter(q: Knex.QueryBuilder, f: ResolvedFilter) {
  q.where('e.kind', 'component');
  if (f.owners) q.whereIn('e.owner_ref', f.owners);
  if (f.systems) q.whereIn('e.system_ref', f.systems);
  if (f.tier) q.where('e.tier', f.tier);
  if (f.lifecycle) q.where('e.lifecycle', f.lifecycle);
  if (f.type) q.where('e.type', f.type);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, c => `\\${c}`)}%`;
    q.whereRaw(`?? LIKE ? ESCAPE '\\'`, ['e.entity_ref', pattern]);
  }
  return q;
}

/** The columns of each sort; only percent_to_target may be null. */
export const SORT_COLUMNS: Record<OrgSort, string[]> = {
  overall: ['overall'],
  percentToTarget: ['percent_to_target'],
  name: ['entity_ref'],
  openGates: ['(gates_required - gates_cleared)'],
  exceptions: ['exceptions_expired', 'exceptions_open'],
};

/**
 * ORDER BY for a sort, nulls last in both directions, then by ref. Columns are
 * qualified with the query's alias (`e` for entity_scores).
 */
export function applySort(
  q: Knex.QueryBuilder,
  sort: OrgSort,
  order: 'asc' | 'desc',
  alias = 'e',
) {
  for (const column of SORT_COLUMNS[sort]) {
    // Columns come from the fixed table above, never from the request.
    const qualified = column.replace(/[a-z_]+/g, c => `${alias}.${c}`);
    q.orderByRaw(
      `${qualified} ${order}${
        column === 'percent_to_target' ? ' NULLS LAST' : ''
      }`,
    );
  }
  return q.orderBy(`${alias}.entity_ref`, 'asc');
}

/** The score-row columns of the component list (not the JSON details). */
export const LIST_COLUMNS = [
  'entity_ref',
  'type',
  'lifecycle',
  'owner_ref',
  'system_ref',
  'tier',
  'target',
  'overall',
  'percent_to_target',
  ...SAMM_FUNCTION_IDS.map(id => FUNCTION_COLUMNS[id]),
  'gates_required',
  'gates_cleared',
  'exceptions_open',
  'exceptions_expired',
  'computed_at',
] as const;

/** A row of the component list as selected. */
export type ListRow = Pick<ScoreRow, (typeof LIST_COLUMNS)[number]>;

export function toComponentRow(r: ListRow): OrgComponentRow {
  return {
    entityRef: r.entity_ref,
    type: r.type,
    lifecycle: r.lifecycle,
    ownerRef: r.owner_ref,
    systemRef: r.system_ref,
    tier: r.tier,
    target: r.target === null ? null : Number(r.target),
    overall: Number(r.overall),
    percentToTarget:
      r.percent_to_target === null ? null : Number(r.percent_to_target),
    functions: perFunction(fn => Number(r[FUNCTION_COLUMNS[fn]])),
    gatesRequired: num(r.gates_required),
    gatesCleared: num(r.gates_cleared),
    exceptionsOpen: num(r.exceptions_open),
    exceptionsExpired: num(r.exceptions_expired),
    computedAt: new Date(r.computed_at).toISOString(),
  };
}

/** One row of a sums query: a group's key and its aggregates. */
export type SumsRow = {
  key?: string | null;
  components: DbNumber;
  overall: DbNumber;
  with_target: DbNumber;
  below: DbNumber;
} & Partial<
  Record<
    FunctionColumn | `p_${string}` | `target_${string}` | `gap_${string}`,
    DbNumber
  >
>;

/** `sum(e.<column>) as <column>` for each column. */
const sumsOf = (db: Knex, columns: string[], from = 'e') =>
  columns.map(column => db.raw(`sum(??) as ??`, [`${from}.${column}`, column]));

/** Practice ID to a number per practice column of a row. */
export const perPractice = (
  column: (practiceId: string) => string,
  row: Partial<Record<string, DbNumber>>,
): Record<string, number> =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, num(row[column(p.id)])]));

const practiceIds = SAMM_PRACTICES.map(p => p.id);

/** The aggregates of a sums query, one per SumsRow field. */
export function sumsColumns(db: Knex) {
  return [
    db.raw('count(*) as components'),
    db.raw('sum(e.overall) as overall'),
    // Scored against a profile: rows from before target profiles have a
    // target but no profile until they are rescored.
    db.raw('count(e.targets) as with_target'),
    db.raw(
      'sum(CASE WHEN e.target IS NOT NULL AND e.overall < e.target THEN 1 ELSE 0 END) as below',
    ),
    ...sumsOf(db, functionColumns()),
    ...sumsOf(db, practiceIds.map(practiceColumn)),
    ...sumsOf(db, practiceIds.map(practiceTargetColumn)),
    ...sumsOf(db, practiceIds.map(practiceGapColumn)),
  ];
}

export function toSums(r: SumsRow): ScoreSums {
  return {
    components: num(r.components),
    overall: num(r.overall),
    withTarget: num(r.with_target),
    belowTarget: num(r.below),
    functions: perFunction(fn => num(r[FUNCTION_COLUMNS[fn]])),
    practices: perPractice(practiceColumn, r),
    targets: perPractice(practiceTargetColumn, r),
    gaps: perPractice(practiceGapColumn, r),
  };
}
