// @ts-check

/**
 * Until when each stored score holds with time alone (an age in a rule
 * passing its threshold, an attested answer going stale). The scheduled
 * rescoring recomputes a score when that time has come or its inputs changed,
 * instead of recomputing every score on the first run of each day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_scores', table => {
    table
      .timestamp('valid_until', { useTz: true })
      .comment(
        'From when the score may differ with time alone; null: only when its inputs change',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_scores', table => {
    table.dropColumn('valid_until');
  });
};
