// @ts-check

/**
 * Roadmaps: an entity's planned SAMM improvements in phases. One row per
 * phase (1, 2, 3…, applied in that order) with its name and its items as
 * JSON (activity, planned answer, due day, owner), read and written whole
 * with their row like the other nested lists. Versioned like every record
 * table: a stale version gets 409.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('roadmap_phases', table => {
    table.comment('Roadmap phases of planned SAMM improvements per entity');
    table.string('entity_ref', 255).notNullable();
    table
      .integer('phase')
      .notNullable()
      .comment('1, 2, 3…: order of the phases');
    table.string('name', 200).notNullable();
    table
      .text('items')
      .notNullable()
      .comment('JSON array: activityId, plannedAnswer, dueOn, ownerRef');
    table
      .string('due_on', 10)
      .comment('YYYY-MM-DD: the latest due day of its items; null without');
    table.integer('version').notNullable().defaultTo(1);
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.primary(['entity_ref', 'phase']);
    table.index(['due_on'], 'roadmap_phases_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('roadmap_phases');
};
