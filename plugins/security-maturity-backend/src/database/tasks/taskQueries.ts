import { Knex } from 'knex';
import { isPostgres } from '../engine';
import { DbNumber, num, rowsOf } from '../org/scoreQueries';
import { TaskPageRequest, TaskRows } from './TasksReadModel';

/** A row as a list's statement selects it, with the window count. */
export type Counted = { total_count: DbNumber };

/**
 * One page of a list and the size of the whole list from the same
 * statement: `count(*) over ()` is computed before LIMIT and OFFSET, so every
 * row of the page carries the list's total (SQLite 3.25+ and PostgreSQL).
 * Only a page past the end has no row to carry it; then the first row is
 * read for it, which is the one case that costs a second statement.
 */
export async function pagedRows<R extends Counted>(
  db: Knex,
  build: () => Knex.QueryBuilder,
  page: TaskPageRequest,
): Promise<TaskRows<R>> {
  const counted = () =>
    build().select(db.raw('count(*) over () as total_count'));
  const rows = await rowsOf<R>(counted().limit(page.limit).offset(page.offset));
  if (rows.length > 0) {
    return { rows, totalCount: num(rows[0].total_count) };
  }
  if (page.offset === 0) return { rows, totalCount: 0 };
  const [first] = await rowsOf<R>(counted().limit(1));
  return { rows, totalCount: num(first?.total_count) };
}

/**
 * The given entity refs as a table `owned(entity_ref)`, bound as one
 * parameter (a text array on PostgreSQL, a JSON array on SQLite): a caller
 * may own thousands of components, more than a statement takes parameters.
 */
export function refsTable(db: Knex, refs: string[], alias: string) {
  return isPostgres(db)
    ? db.raw(`(SELECT unnest(?::text[]) AS entity_ref) AS ??`, [refs, alias])
    : db.raw(`(SELECT value AS entity_ref FROM json_each(?)) AS ??`, [
        JSON.stringify(refs),
        alias,
      ]);
}

/**
 * `lower(column) IN (…)`: the stored people refs keep the catalog's case
 * (`user:default/Alex.Rivera`), the caller's refs come lower-cased.
 */
export function whereLowerIn(
  q: Knex.QueryBuilder,
  column: string,
  values: string[],
) {
  return q.whereRaw(`lower(??) IN (${values.map(() => '?').join(', ')})`, [
    column,
    ...values,
  ]);
}

/**
 * A worksheet body's `containmentOwners` object as a JSON column `alias`,
 * which an outer query reads each action's owner from (see `jsonText`).
 */
export const containmentOwnersJson = (
  db: Knex,
  bodyColumn: string,
  alias: string,
) =>
  isPostgres(db)
    ? db.raw(`CAST(?? AS jsonb) -> 'containmentOwners' AS ??`, [
        bodyColumn,
        alias,
      ])
    : db.raw(`json_extract(??, '$.containmentOwners') AS ??`, [
        bodyColumn,
        alias,
      ]);

/** The text of one key of a JSON object column; `key` is a fixed name, never input. */
export const jsonText = (db: Knex, column: string, key: string) =>
  isPostgres(db)
    ? `(${column} ->> '${key}')`
    : `json_extract(${column}, '$.${key}')`;
