// @ts-check

/**
 * The security records of an entity. Every table carries a version column for
 * optimistic concurrency and who/when of the last change; nested lists
 * (checklists, evidence, timelines) are JSON text, read and written whole with
 * their row. `history` is append-only.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const meta = table => {
    table.integer('version').notNullable().defaultTo(1);
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
  };

  await knex.schema.createTable('intakes', table => {
    table.comment('Intake classification and the risk tier it yields');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('data_classification', 64).notNullable();
    table.boolean('new_integrations').notNullable();
    table.boolean('auth_flow_changes').notNullable();
    table.boolean('internet_exposure').notNullable();
    table.text('regulatory_obligations').notNullable().comment('JSON array');
    table.text('notes');
    table.string('tier', 64).notNullable();
    table.string('tier_reason', 255).notNullable();
    meta(table);
  });

  await knex.schema.createTable('stages', table => {
    table.comment('Stage gate status, checklist and sign-off per entity');
    table.string('entity_ref', 255).notNullable();
    table.string('stage_id', 64).notNullable();
    table.string('status', 32).notNullable();
    table
      .text('checklist')
      .notNullable()
      .comment('JSON array of ChecklistItem');
    table.text('notes');
    table.text('reason');
    table.string('signed_off_by', 255);
    table.timestamp('signed_off_at', { useTz: true });
    table.text('reopened_reason');
    meta(table);
    table.primary(['entity_ref', 'stage_id']);
  });

  await knex.schema.createTable('rasi_assignments', table => {
    table.comment('RASI per entity and security activity');
    table.string('entity_ref', 255).notNullable();
    table.string('activity_id', 64).notNullable();
    table
      .text('responsible')
      .notNullable()
      .comment('JSON array of entity refs');
    table.string('accountable', 255).notNullable();
    table.text('supportive').notNullable().comment('JSON array of entity refs');
    table.text('informed').notNullable().comment('JSON array of entity refs');
    meta(table);
    table.primary(['entity_ref', 'activity_id']);
    table.index('accountable', 'rasi_assignments_accountable_idx');
  });

  await knex.schema.createTable('exceptions', table => {
    table.comment('Baseline exception register');
    table.uuid('id').primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('control_id', 64).notNullable();
    table.text('justification').notNullable();
    table.text('compensating_controls').notNullable();
    table.string('risk_rating', 16).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('status', 16).notNullable();
    table.string('requested_by', 255).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('decided_by', 255);
    table.timestamp('decided_at', { useTz: true });
    table.text('decision_note');
    meta(table);
    table.index(['entity_ref', 'status'], 'exceptions_entity_status_idx');
    table.index(['status', 'expires_at'], 'exceptions_status_expiry_idx');
  });

  await knex.schema.createTable('worksheets', table => {
    table.comment('Runtime investigation worksheets (incidents and drills)');
    table.uuid('id').primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('kind', 16).notNullable();
    table.string('title', 200).notNullable();
    table.string('status', 16).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('contained_at', { useTz: true });
    table.timestamp('closed_at', { useTz: true });
    table
      .text('body')
      .notNullable()
      .comment(
        'JSON: readiness, containment owners, timeline, actions, findings, lessons',
      );
    meta(table);
    table.index('entity_ref', 'worksheets_entity_idx');
  });

  await knex.schema.createTable('decisions', table => {
    table.comment('Threat-model decision log');
    table.uuid('id').primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.text('trigger').notNullable();
    table.text('decision').notNullable();
    table.text('rationale').notNullable();
    table.string('owner_ref', 255).notNullable();
    table.text('backlog_url');
    table.string('status', 16).notNullable();
    table.timestamp('re_review_at', { useTz: true });
    table.text('re_review_trigger');
    table.timestamp('created_at', { useTz: true }).notNullable();
    meta(table);
    table.index('entity_ref', 'decisions_entity_idx');
  });

  await knex.schema.createTable('releases', table => {
    table.comment('Release decision records');
    table.uuid('id').primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('release', 100).notNullable();
    table.string('decision', 16).notNullable();
    table.text('decision_note');
    table.string('decided_by', 255);
    table.timestamp('decided_at', { useTz: true });
    table
      .text('evidence')
      .notNullable()
      .comment('JSON array of ReleaseEvidence');
    table.timestamp('created_at', { useTz: true }).notNullable();
    meta(table);
    table.unique(['entity_ref', 'release'], {
      indexName: 'releases_entity_release_uq',
    });
  });

  await knex.schema.createTable('assessment_answers', table => {
    table.comment('Attested SAMM self-assessment answers');
    table.string('entity_ref', 255).notNullable();
    table.string('activity_id', 16).notNullable();
    table.float('value').notNullable();
    table.text('notes');
    meta(table);
    table.primary(['entity_ref', 'activity_id']);
  });

  await knex.schema.createTable('history', table => {
    table.comment('Append-only history of every change to every record');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('record_type', 32).notNullable();
    table.string('record_id', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table
      .text('changes')
      .notNullable()
      .comment('JSON object of changed fields');
    table.index(['entity_ref', 'id'], 'history_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'history',
    'assessment_answers',
    'releases',
    'decisions',
    'worksheets',
    'exceptions',
    'rasi_assignments',
    'stages',
    'intakes',
  ]) {
    await knex.schema.dropTable(table);
  }
};
