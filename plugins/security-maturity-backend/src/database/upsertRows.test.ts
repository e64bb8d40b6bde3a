import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { isPostgres } from './engine';
import { readColumnTypes, upsertRows } from './upsertRows';

jest.setTimeout(60_000);

// Values that break naive array literals or joins: quotes, backslashes,
// braces, commas, the word NULL, an empty string, a real null, non-Latin text.
const awkward = [
  'plain',
  'say "hi", {then} \\ leave',
  'NULL',
  '',
  'Tier 1 — kritisch ✓',
];

async function createTable(knex: Knex) {
  await knex.schema.createTable('things', table => {
    table.string('id', 64).primary();
    table.string('label', 255).nullable();
    table.text('doc').notNullable();
    table.float('score').nullable();
    table.integer('count').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
  });
}

const rowsAt = (at: Date, score: number) =>
  awkward.map((label, i) => ({
    id: `thing-${i}`,
    label: i === 0 ? null : label,
    doc: JSON.stringify({ label, nested: [label, i] }),
    score: i === 1 ? null : score + i / 4,
    count: i,
    at,
  }));

describe('upsertRows', () => {
  const databases = createTestDatabases();

  // A fresh table, and its column types where the store would read them.
  const thingsTable = async (databaseId: TestDatabaseId) => {
    const knex = await databases.init(databaseId);
    await createTable(knex);
    const columnTypes = isPostgres(knex)
      ? await readColumnTypes(knex, 'things')
      : undefined;
    return { knex, columnTypes };
  };

  it.each(databases.eachSupportedId())(
    'inserts, replaces and keeps newer rows with every kind of value on %s',
    async databaseId => {
      const { knex, columnTypes } = await thingsTable(databaseId);
      const upsert = (rows: Record<string, unknown>[]) =>
        upsertRows(knex, 'things', ['id'], rows, {
          newerThan: 'at',
          columnTypes,
        });
      const read = async () =>
        (await knex('things').orderBy('id')).map(r => ({
          id: r.id,
          label: r.label,
          doc: JSON.parse(r.doc),
          score: r.score === null ? null : Number(r.score),
          count: Number(r.count),
          at: new Date(r.at).toISOString(),
        }));

      const first = new Date('2026-12-01T10:00:00.000Z');
      await upsert(rowsAt(first, 1));
      const stored = await read();
      expect(stored).toEqual(
        rowsAt(first, 1).map(r => ({
          ...r,
          doc: JSON.parse(r.doc),
          at: first.toISOString(),
        })),
      );

      // An older write changes nothing; a newer one replaces every column.
      await upsert(rowsAt(new Date('2026-12-01T09:00:00.000Z'), 2));
      expect(await read()).toEqual(stored);
      const later = new Date('2026-12-01T11:00:00.000Z');
      await upsert([{ ...rowsAt(later, 2)[2], label: 'renamed' }]);
      const after = await read();
      expect(after[2]).toEqual({
        id: 'thing-2',
        label: 'renamed',
        doc: { label: 'NULL', nested: ['NULL', 2] },
        score: 2.5,
        count: 2,
        at: later.toISOString(),
      });
      expect(after.filter((_, i) => i !== 2)).toEqual(
        stored.filter((_, i) => i !== 2),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when a row does not fit on %s',
    async databaseId => {
      const { knex, columnTypes } = await thingsTable(databaseId);
      const rows: Record<string, unknown>[] = rowsAt(new Date(), 1);
      rows[3] = { ...rows[3], count: null };
      // The driver's error, by its message: errors thrown by a native driver
      // are not instances of the test's Error class.
      const outcome = await knex
        .transaction(tx =>
          upsertRows(tx, 'things', ['id'], rows, { columnTypes }),
        )
        .then(
          () => 'written',
          (error: Error) => error.message,
        );
      expect(outcome).toMatch(/not[- ]null/i);
      const [{ n }] = await knex('things').count({ n: '*' });
      expect(Number(n)).toBe(0);
    },
  );
});
