// @ts-check

/**
 * One counter of changes to the data the org views aggregate. Every write to
 * records or scores adds one after it commits; the org views cache their
 * answers under the count they read before computing, so a cached answer is
 * dropped by the next change on any replica.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('data_version', table => {
    table.comment('Changes to records and scores so far (one row)');
    table.integer('id').primary();
    table.bigInteger('version').notNullable().defaultTo(0);
  });
  await knex('data_version').insert({ id: 1, version: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('data_version');
};
