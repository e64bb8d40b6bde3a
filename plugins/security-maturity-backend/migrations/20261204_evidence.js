// @ts-check

/**
 * Evidence from the tools teams already run.
 *
 * `evidence_signals`: dated signals per entity (a summary of what a tool said,
 * when, until when, and where to see it), from files CI pushes and from
 * collectors. Rows are kept as history; the newest per entity, source and key
 * is the current one (the index serves that lookup). The content hash makes
 * writing the same signal twice a no-op.
 *
 * `evidence_uploads`: the files CI pushed, by their SHA-256, so that the same
 * file pushed again changes nothing; the raw file only up to a configured
 * size.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evidence_signals', table => {
    table.comment('Dated evidence signals from tools, per entity');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('source', 100)
      .notNullable()
      .comment('A pushed format (sarif, …) or a collector ID');
    table
      .string('key', 200)
      .notNullable()
      .comment('What it is about within the source, e.g. the SARIF tool');
    table.text('value').notNullable().comment('JSON summary');
    table
      .text('state')
      .comment('JSON the next ingestion compares with (e.g. fingerprints)');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.timestamp('valid_until', { useTz: true });
    table.string('link', 2048);
    table
      .string('hash', 64)
      .notNullable()
      .comment('SHA-256 of source, key, value, observed_at, valid_until, link');
    table.string('upload_id', 64).comment('The push it came from, if any');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.string('recorded_by', 255).notNullable();
    table.unique(['entity_ref', 'source', 'key', 'hash'], {
      indexName: 'evidence_signals_content_uniq',
    });
    table.index(
      ['entity_ref', 'source', 'key', 'observed_at'],
      'evidence_signals_current_idx',
    );
    table.index(['observed_at'], 'evidence_signals_observed_idx');
  });

  await knex.schema.createTable('evidence_uploads', table => {
    table.comment('Tool files pushed by CI, by content hash');
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('format', 32).notNullable();
    table.string('sha256', 64).notNullable();
    table.integer('size').notNullable();
    table.text('raw').comment('The file, only up to the configured size');
    table.text('summary').notNullable().comment('JSON: the signals it gave');
    table.string('link', 2048);
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('received_by', 255).notNullable();
    table.unique(['entity_ref', 'format', 'sha256'], {
      indexName: 'evidence_uploads_hash_uniq',
    });
    table.index(['received_at'], 'evidence_uploads_received_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('evidence_uploads');
  await knex.schema.dropTable('evidence_signals');
};
