// @ts-check

const PRACTICES = [
  'g_sm', 'g_pc', 'g_eg', 'd_ta', 'd_sr', 'd_sa', 'i_sb', 'i_sd',
  'i_dm', 'v_aa', 'v_rt', 'v_st', 'o_im', 'o_em', 'o_om',
]; // prettier-ignore

/**
 * Target profiles and SAMM's relative metrics. Each score row gets its
 * practices' targets and gaps (as JSON for the Security tab, and a column
 * each for the org views' gap to target, summed in SQL), and each daily
 * snapshot a column per practice, so that "progress since a day" sums the
 * practices of that day's snapshots in SQL. Existing snapshots get theirs
 * from the JSON they hold, in one statement; existing score rows get their
 * targets when they are next rescored (the score format changed).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_scores', table => {
    table
      .text('targets')
      .comment('JSON: practice ID to target, gap and percent to target');
    for (const p of PRACTICES) {
      table.float(`target_${p}`);
      table.float(`gap_${p}`);
    }
  });
  await knex.schema.alterTable('score_snapshots', table => {
    for (const p of PRACTICES) table.float(`p_${p}`);
  });
  const postgres = knex.client.dialect === 'postgresql';
  const fromJson = (/** @type {string} */ p) => {
    const id = p.replace('_', '-').toUpperCase();
    // The IDs are the fixed list below, never input.
    return postgres
      ? `CAST(CAST(practices AS json) ->> '${id}' AS double precision)`
      : `json_extract(practices, '$."${id}"')`;
  };
  await knex.raw(
    `UPDATE score_snapshots SET ${PRACTICES.map(
      p => `p_${p} = ${fromJson(p)}`,
    ).join(', ')}`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('score_snapshots', table => {
    for (const p of PRACTICES) table.dropColumn(`p_${p}`);
  });
  await knex.schema.alterTable('entity_scores', table => {
    table.dropColumn('targets');
    for (const p of PRACTICES) {
      table.dropColumn(`target_${p}`);
      table.dropColumn(`gap_${p}`);
    }
  });
};
