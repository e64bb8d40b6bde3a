import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { entities } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/databases';
import { securityMaturityPlugin } from './plugin';
import { ScoringService } from './scoring/ScoringService';
import { migratedDatabase } from './database/migrate';
import { readdirSync } from 'fs';
import { resolve } from 'path';

/** Every migration the plugin ships, in the order knex runs them. */
const migrationFiles = readdirSync(resolve(__dirname, '../migrations'))
  .filter(name => name.endsWith('.js'))
  .sort();

jest.setTimeout(120_000);

// Several replicas only make sense on a shared server database.
const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

describe.each(postgres)(
  'two backend replicas on one %s database',
  databaseId => {
    afterEach(() => jest.restoreAllMocks());

    it('runs the migrations once when replicas start at the same moment', async () => {
      const knex = await databases.init(databaseId);
      const database = {
        getClient: async () => knex,
        migrations: { skip: false },
      };
      // Four at once against an empty database: the losers wait for the lock.
      await Promise.all([1, 2, 3, 4].map(() => migratedDatabase(database)));
      expect((await knex('knex_migrations')).map(m => m.name)).toEqual(
        migrationFiles,
      );
    });

    it('starts when replicas racing on an empty database left two migration lock rows', async () => {
      // What knex leaves when two replicas both find its lock table empty and
      // both insert the lock row: its lock can then never be taken.
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('knex_migrations_lock', table => {
        table.increments('index').primary();
        table.integer('is_locked');
      });
      await knex('knex_migrations_lock').insert([
        { is_locked: 0 },
        { is_locked: 0 },
      ]);
      await migratedDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      });
      expect(await knex('knex_migrations')).toHaveLength(migrationFiles.length);
      expect(await knex('knex_migrations_lock')).toEqual([
        { index: 1, is_locked: 0 },
      ]);
    });

    it('serves from both replicas and runs a scheduled job on one only', async () => {
      const knex = await databases.init(databaseId);
      const rescoreAll = jest.spyOn(ScoringService.prototype, 'rescoreAll');
      const replica = () =>
        startTestBackend({
          features: [
            securityMaturityPlugin,
            // The real, database-backed scheduler, shared through the database.
            schedulerServiceFactory,
            mockServices.database.factory({ knex }),
            catalogServiceMock.factory({ entities }),
            mockServices.rootConfig.factory({
              data: {
                securityMaturity: {
                  scoring: {
                    schedule: {
                      frequency: { minutes: 30 },
                      timeout: { minutes: 1 },
                      // Long enough for both replicas to register the task before its first
                      // run: the scheduler applies initialDelay per registering worker.
                      initialDelay: { seconds: 5 },
                    },
                  },
                },
              },
            }),
          ],
        });

      // One after the other: Backstage's scheduler runs its own migrations
      // when a plugin first schedules a task, and replicas racing there can
      // still fail (upstream; this plugin's migrations wait, see above).
      const a = await replica();
      const b = await replica();
      for (const { server } of [a, b]) {
        const res = await request(server).get(
          '/api/security-maturity/entities/component/default/payments-api',
        );
        expect(res.status).toBe(200);
      }
      // Both replicas registered the global rescoring task; one run happens.
      const deadline = Date.now() + 30_000;
      while (rescoreAll.mock.calls.length === 0 && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 250));
      }
      await new Promise(r => setTimeout(r, 4000));
      expect(rescoreAll).toHaveBeenCalledTimes(1);
      expect(await knex('entity_scores')).toHaveLength(1);

      await Promise.all([a.stop(), b.stop()]);
    });
  },
);
