// @ts-check

/**
 * Score rows carry every activity's rationale (about 4 KB), which PostgreSQL
 * compresses out of line. Its default, pglz, is several times slower than lz4
 * and made compression a large part of writing a page of scores; lz4 is used
 * where the server has it (PostgreSQL 14 and later, built with lz4).
 * Other engines are unchanged.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!(await hasLz4(knex))) return;
  for (const column of ['activities', 'levels']) {
    await knex.raw('ALTER TABLE ?? ALTER COLUMN ?? SET COMPRESSION lz4', [
      'entity_scores',
      column,
    ]);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!(await hasLz4(knex))) return;
  for (const column of ['activities', 'levels']) {
    await knex.raw('ALTER TABLE ?? ALTER COLUMN ?? SET COMPRESSION DEFAULT', [
      'entity_scores',
      column,
    ]);
  }
};

/** @param {import('knex').Knex} knex */
async function hasLz4(knex) {
  if (knex.client.dialect !== 'postgresql') return false;
  const { rows } = await knex.raw(
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)",
  );
  return rows.length > 0;
}
