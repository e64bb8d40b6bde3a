import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { waitForOtherReplicas } from './waitForOtherReplicas';

const migrationsDir = resolvePackagePath(
  '@secmat/backstage-plugin-security-maturity-backend',
  'migrations',
);

/**
 * knex inserts its migration lock row when it finds the lock table empty, so
 * replicas starting together on an empty database can each insert one. With
 * two rows nobody can ever take the lock (knex requires its update to lock
 * exactly one row) and every replica waits in vain; with two rows nobody
 * holds it either, so keeping the first row alone is safe.
 */
export async function removeDuplicateLockRows(client: Knex): Promise<void> {
  const rows = await client('knex_migrations_lock')
    .select('index')
    .orderBy('index');
  if (rows.length > 1) {
    await client('knex_migrations_lock')
      .whereIn(
        'index',
        rows.slice(1).map(r => r.index),
      )
      .delete();
  }
}

/**
 * The plugin's database, migrated to the latest schema. Replicas that start
 * while another holds the migration lock wait for it instead of failing.
 */
export async function migratedDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await waitForOtherReplicas(
      () => client.migrate.latest({ directory: migrationsDir }),
      60_000,
      () => removeDuplicateLockRows(client),
    );
  }
  return client;
}
