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
});
