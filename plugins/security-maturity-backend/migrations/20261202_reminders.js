// @ts-check

/**
 * The exception expiry reminders already sent: one row per exception and
 * threshold (days before expiry; 0 = on expiry). The reminder task claims a
 * row before it sends, so each reminder goes out once, whichever replica runs
 * the task and however often it restarts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reminders_sent', table => {
    table.comment('Exception expiry reminders already sent, one per threshold');
    table.string('entity_ref', 255).notNullable();
    table.string('exception_id', 64).notNullable();
    table
      .integer('days_before')
      .notNullable()
      .comment('The threshold reminded of: days before expiry, 0 on expiry');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'exception_id', 'days_before']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reminders_sent');
};
