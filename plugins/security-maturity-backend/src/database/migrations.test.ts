import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@secmat/backstage-plugin-security-maturity-backend',
  'migrations',
);

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'creates and drops the entity_records table on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });

      const now = new Date();
      await knex('entity_records').insert({
        entity_ref: 'component:default/payments-api',
        created_at: now,
        updated_at: now,
        updated_by: 'user:default/alex.rivera',
      });
      const row = await knex('entity_records').first();
      expect(row.version).toBe(1);

      // A second entity with the same ref is refused by the primary key.
      const duplicate = await knex('entity_records')
        .insert({
          entity_ref: 'component:default/payments-api',
          created_at: now,
          updated_at: now,
          updated_by: 'user:default/alex.rivera',
        })
        .then(
          () => 'inserted',
          (error: Error) => error.message,
        );
      expect(duplicate).toMatch(/unique|duplicate/i);

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await knex.schema.hasTable('entity_records')).toBe(false);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'gives existing snapshots their practice columns from their JSON on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const targets = { directory: migrationsDir, name: '20261203_targets.js' };
      await knex.migrate.down(targets);
      await knex('score_snapshots').insert({
        entity_ref: 'component:default/payments-api',
        day: '2026-06-30',
        overall: 0.1,
        functions: '{"G":0.33,"D":0.17,"I":0,"V":0,"O":0}',
        practices: '{"G-SM":1,"D-TA":0.5,"I-SB":0.125}',
      });
      await knex.migrate.up(targets);
      const row = await knex('score_snapshots').first();
      expect([row.p_g_sm, row.p_d_ta, row.p_i_sb]).toEqual([1, 0.5, 0.125]);
      // A practice the JSON lacks has no value rather than a made-up 0.
      expect(row.p_o_om).toBeNull();
      expect(await knex.schema.hasColumn('entity_scores', 'gap_d_ta')).toBe(true);
      await knex.migrate.down(targets);
      expect(await knex.schema.hasColumn('score_snapshots', 'p_d_ta')).toBe(false);
      await knex.destroy();
    },
  ); // prettier-ignore

  it('compresses score explanations with lz4 on PostgreSQL, and undoes it', async () => {
    if (!databases.eachSupportedId().flat().includes('POSTGRES_15')) return;
    const knex = await databases.init('POSTGRES_15');
    const compression = async () =>
      (
        await knex.raw(
          `SELECT attname, attcompression FROM pg_attribute
           WHERE attrelid = 'entity_scores'::regclass
             AND attname IN ('activities', 'levels') ORDER BY attname`,
        )
      ).rows.map((r: { attcompression: string }) => r.attcompression);
    await knex.migrate.latest({ directory: migrationsDir });
    // 'l' is lz4; Debian's and the official PostgreSQL 15 builds have it.
    expect(await compression()).toEqual(['l', 'l']);
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261127_score_compression.js',
    });
    expect(await compression()).toEqual(['', '']);
    await knex.destroy();
  });
});
