// @ts-check

/**
 * One row per catalog entity that has security-maturity records. The version
 * column carries optimistic concurrency: every edit names the version it read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_records', table => {
    table.comment(
      'Security-maturity record header, one row per catalog entity',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment(
        'Lower-cased catalog entity ref, e.g. component:default/payments-api',
      );
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment('Incremented on every change; a stale version gets 409');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .string('updated_by', 255)
      .notNullable()
      .comment('Entity ref of the user or service that made the last change');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_records');
};
