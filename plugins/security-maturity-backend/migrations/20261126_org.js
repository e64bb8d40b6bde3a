// @ts-check

/**
 * What the org-wide scorecard aggregates in SQL: a column per SAMM practice and
 * the gate and exception counts on each entity's score row, the function scores
 * on each daily snapshot, and since when each stage has had its status (time in
 * stage).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const practices = [
    'g_sm', 'g_pc', 'g_eg', 'd_ta', 'd_sr', 'd_sa', 'i_sb', 'i_sd',
    'i_dm', 'v_aa', 'v_rt', 'v_st', 'o_im', 'o_em', 'o_om',
  ]; // prettier-ignore
  await knex.schema.alterTable('entity_scores', table => {
    for (const p of practices) {
      table.float(`p_${p}`).notNullable().defaultTo(0);
    }
    table
      .string('inputs_fingerprint', 64)
      .comment(
        'Hash of what the score was computed from (entity, records version, config, day): unchanged inputs are not rescored',
      );
    table.integer('gates_required').notNullable().defaultTo(0);
    table.integer('gates_cleared').notNullable().defaultTo(0);
    table.integer('exceptions_open').notNullable().defaultTo(0);
    table.integer('exceptions_expired').notNullable().defaultTo(0);
    table.index(['system_ref', 'overall'], 'entity_scores_system_overall_idx');
    table.index(
      ['percent_to_target', 'entity_ref'],
      'entity_scores_percent_idx',
    );
    // The first page of a team sorted by score is read straight off this
    // index, and counting a team's components needs only the index.
    table.index(
      ['owner_ref', 'overall', 'entity_ref'],
      'entity_scores_owner_overall_ref_idx',
    );
    table.dropIndex(
      ['owner_ref', 'overall'],
      'entity_scores_owner_overall_idx',
    );
  });
  // Existing rows get their practice columns from the JSON they already hold,
  // and a fresh fingerprint so the next rescoring fills in the counts.
  const rows = await knex('entity_scores').select('entity_ref', 'practices');
  for (const row of rows) {
    const parsed = JSON.parse(row.practices);
    /** @type {Record<string, number | string>} */
    const values = { fingerprint: 'migrated' };
    for (const p of practices) {
      values[`p_${p}`] = Number(parsed[p.replace('_', '-').toUpperCase()] ?? 0);
    }
    await knex('entity_scores')
      .where({ entity_ref: row.entity_ref })
      .update(values);
  }

  await knex.schema.alterTable('score_snapshots', table => {
    for (const fn of ['g', 'd', 'i', 'v', 'o']) {
      table.float(`fn_${fn}`);
    }
  });
  const snapshots = await knex('score_snapshots').select(
    'entity_ref',
    'day',
    'functions',
  );
  for (const s of snapshots) {
    const f = JSON.parse(s.functions);
    await knex('score_snapshots')
      .where({ entity_ref: s.entity_ref, day: s.day })
      .update({ fn_g: f.G, fn_d: f.D, fn_i: f.I, fn_v: f.V, fn_o: f.O });
  }

  await knex.schema.alterTable('stages', table => {
    table
      .timestamp('status_since', { useTz: true })
      .comment('When the stage took its current status');
  });
  await knex('stages').update({ status_since: knex.ref('updated_at') });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('stages', table => {
    table.dropColumn('status_since');
  });
  await knex.schema.alterTable('score_snapshots', table => {
    for (const fn of ['g', 'd', 'i', 'v', 'o']) table.dropColumn(`fn_${fn}`);
  });
  await knex.schema.alterTable('entity_scores', table => {
    table.index(['owner_ref', 'overall'], 'entity_scores_owner_overall_idx');
    table.dropIndex([], 'entity_scores_owner_overall_ref_idx');
    table.dropIndex([], 'entity_scores_system_overall_idx');
    table.dropIndex([], 'entity_scores_percent_idx');
    for (const c of [
      'inputs_fingerprint',
      'gates_required',
      'gates_cleared',
      'exceptions_open',
      'exceptions_expired',
    ]) {
      table.dropColumn(c);
    }
  });
  const practices = [
    'g_sm', 'g_pc', 'g_eg', 'd_ta', 'd_sr', 'd_sa', 'i_sb', 'i_sd',
    'i_dm', 'v_aa', 'v_rt', 'v_st', 'o_im', 'o_em', 'o_om',
  ]; // prettier-ignore
  await knex.schema.alterTable('entity_scores', table => {
    for (const p of practices) table.dropColumn(`p_${p}`);
  });
};
