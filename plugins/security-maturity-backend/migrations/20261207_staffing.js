// @ts-check

/**
 * Staffing: each security partner's capacity per quarter, as the staffing
 * workbook's "Staffing" sheet or the org page's capacity view sets it. The
 * unit (components or hours) is the portal's configuration; a row holds the
 * number. Edits carry a version (a stale one gets 409).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('partner_capacity', table => {
    table.comment('Capacity of each security partner per quarter');
    table
      .string('partner_ref', 255)
      .notNullable()
      .comment('A catalog user or group ref, lower-cased');
    table.string('quarter', 7).notNullable().comment('YYYY-Qn');
    table
      .float('capacity')
      .notNullable()
      .comment('Components or hours, as configured');
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment('Incremented on every change; a stale version gets 409');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.primary(['partner_ref', 'quarter']);
    table.index(['quarter'], 'partner_capacity_quarter_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('partner_capacity');
};
