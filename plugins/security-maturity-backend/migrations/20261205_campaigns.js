// @ts-check

/**
 * Campaigns: a security lead's goal over a scope of components by a date.
 * - campaigns: the definition (scope and goal as JSON), versioned edits,
 *   archived flag;
 * - campaign_days: each campaign's count of components meeting its goal per
 *   day, written by the daily rescoring from the day the campaign exists (the
 *   burn-up of goals the score snapshots cannot answer: stages, RASI,
 *   expired exceptions);
 * - campaign_reminders: when each person was last reminded of each campaign.
 *   The reminder task claims a row (insert, or update when the cadence has
 *   passed) before it sends, so a person gets at most one reminder per
 *   campaign and cadence, whichever replica runs the task.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Campaigns: a goal over a scope of components by a date');
    table.string('id', 64).primary().notNullable();
    table.string('title', 200).notNullable();
    table.text('scope').notNullable().comment('JSON: the org filter');
    table.text('goal').notNullable().comment('JSON: { all: conditions }');
    table.string('start_day', 10).notNullable().comment('YYYY-MM-DD');
    table.string('target_day', 10).notNullable().comment('YYYY-MM-DD');
    table.string('owner_ref', 255).notNullable();
    table
      .integer('reminder_cadence_days')
      .comment('Days between reminders to each person; null: none');
    table.boolean('archived').notNullable().defaultTo(false);
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment('Incremented on every change; a stale version gets 409');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.index(['archived', 'target_day'], 'campaigns_archived_idx');
  });

  await knex.schema.createTable('campaign_days', table => {
    table.comment('Components meeting each campaign goal per day');
    table.string('campaign_id', 64).notNullable();
    table.string('day', 10).notNullable().comment('UTC date, YYYY-MM-DD');
    table.integer('meeting').notNullable();
    table.integer('total').notNullable();
    table.primary(['campaign_id', 'day']);
  });

  await knex.schema.createTable('campaign_reminders', table => {
    table.comment('When each person was last reminded of each campaign');
    table.string('campaign_id', 64).notNullable();
    table.string('recipient_ref', 255).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table
      .timestamp('previous_sent_at', { useTz: true })
      .comment('The claim before, restored when a send fails');
    table.primary(['campaign_id', 'recipient_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_reminders');
  await knex.schema.dropTable('campaign_days');
  await knex.schema.dropTable('campaigns');
};
