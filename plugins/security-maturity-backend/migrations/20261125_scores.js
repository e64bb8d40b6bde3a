// @ts-check

/**
 * Persisted SAMM scores, one row per entity, with the catalog facts the org
 * views filter and sort by; and a daily snapshot per entity for trends.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_scores', table => {
    table.comment('Latest SAMM score per catalog entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 64).notNullable();
    table.string('type', 64);
    table.string('lifecycle', 64);
    table.string('owner_ref', 255);
    table.string('system_ref', 255);
    table.string('tier', 64);
    table.float('target');
    table.float('overall').notNullable();
    table.float('percent_to_target');
    for (const fn of ['g', 'd', 'i', 'v', 'o']) {
      table.float(`fn_${fn}`).notNullable();
    }
    table.text('practices').notNullable().comment('JSON: practice ID to score');
    table.text('levels').notNullable().comment('JSON: practice-level to score');
    table
      .text('activities')
      .notNullable()
      .comment('JSON: answers with source and rationale');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table
      .string('fingerprint', 64)
      .notNullable()
      .comment(
        'Hash of the stored content: an unchanged score is not rewritten',
      );
    table
      .string('snapshot_day', 10)
      .notNullable()
      .comment('Day of the latest snapshot');
    table.index(['overall'], 'entity_scores_overall_idx');
    table.index(['owner_ref', 'overall'], 'entity_scores_owner_overall_idx');
  });

  await knex.schema.createTable('score_snapshots', table => {
    table.comment('Daily SAMM score per entity, for trends');
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('UTC date, YYYY-MM-DD');
    table.float('overall').notNullable();
    table.text('functions').notNullable();
    table.text('practices').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'score_snapshots_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('score_snapshots');
  await knex.schema.dropTable('entity_scores');
};
