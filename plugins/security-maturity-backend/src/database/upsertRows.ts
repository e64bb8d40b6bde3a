import { Knex } from 'knex';

/** The SQL type of each column of a table, e.g. `real`, `text`. */
export type ColumnTypes = Map<string, string>;

/** Reads a PostgreSQL table's column types, resolved as the insert will be. */
export async function readColumnTypes(
  db: Knex,
  table: string,
): Promise<ColumnTypes> {
  const { rows } = await db.raw(
    `SELECT attname AS name, format_type(atttypid, NULL) AS type
       FROM pg_attribute
      WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
    [table],
  );
  return new Map(
    rows.map((r: { name: string; type: string }) => [r.name, r.type]),
  );
}

export type UpsertOptions = {
  /** Replace an existing row only where this column is not newer. */
  newerThan?: string;
  /** PostgreSQL only: the table's column types (see readColumnTypes). */
  columnTypes?: ColumnTypes;
};

/**
 * Inserts rows that all have the same columns, replacing the rows whose key
 * exists.
 *
 * On PostgreSQL each column travels as one array, unnested in the database:
 * a VALUES list of 250 score rows binds over 10,000 parameters, and
 * PostgreSQL took four times as long to parse and plan it as to execute it.
 * Other engines get a multi-row insert, in chunks under their bind-parameter
 * limits (SQLite's is 32,766).
 */
export async function upsertRows(
  tx: Knex | Knex.Transaction,
  table: string,
  key: string[],
  rows: Record<string, unknown>[],
  options: UpsertOptions = {},
): Promise<void> {
  if (!rows.length) return;
  const { newerThan, columnTypes } = options;
  if (!columnTypes) {
    const size = Math.floor(30000 / Object.keys(rows[0]).length);
    for (let i = 0; i < rows.length; i += size) {
      const merge = tx(table)
        .insert(rows.slice(i, i + size))
        .onConflict(key)
        .merge();
      await (newerThan
        ? merge.where(
            `${table}.${newerThan}`,
            '<=',
            tx.ref(`excluded.${newerThan}`),
          )
        : merge);
    }
    return;
  }
  const columns = Object.keys(rows[0]);
  const selects: string[] = [];
  const bindings: Knex.RawBinding[] = [];
  for (const column of columns) {
    const type = columnTypes.get(column);
    if (!type) throw new Error(`Unknown column ${table}.${column}`);
    const values = rows.map(r => r[column]);
    if (type === 'text') {
      // Kilobytes of JSON each: one parameter apiece, as sent, rather than
      // quoted and escaped into an array literal.
      selects.push(`ARRAY[${values.map(() => '?').join(', ')}]::text[]`);
      bindings.push(...(values as Knex.Value[]));
    } else {
      selects.push(`?::${type}[]`);
      bindings.push(values as Knex.Value);
    }
  }
  const quoted = (c: string) => `"${c}"`;
  const updates = columns
    .filter(c => !key.includes(c))
    .map(c => `${quoted(c)} = excluded.${quoted(c)}`);
  await tx.raw(
    `INSERT INTO ${quoted(table)} AS t (${columns.map(quoted).join(', ')})
     SELECT * FROM unnest(${selects.join(', ')})
     ON CONFLICT (${key.map(quoted).join(', ')}) DO UPDATE SET ${updates.join(
      ', ',
    )}${
      newerThan
        ? ` WHERE t.${quoted(newerThan)} <= excluded.${quoted(newerThan)}`
        : ''
    }`,
    bindings,
  );
}
