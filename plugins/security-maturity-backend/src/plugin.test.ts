import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { people, startBackend } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/databases';
import { defaultWorkflow } from './config/defaults';
import { emptyStoredRecords } from './database/records/RecordsStore';

jest.setTimeout(60_000);

// A module of our own, as a third party would write one, to show that a scorer
// added through the extension point reaches the plugin.
const scannerModule = createBackendModule({
  pluginId: 'security-maturity',
  moduleId: 'test-scanner',
  register(reg) {
    reg.registerInit({
      deps: {
        scorers: securityMaturityScorersExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ scorers }) {
        scorers.addScorer({
          id: 'test-scanner',
          title: 'Test scanner',
          description: 'Reads scanner results.',
          score: () => [],
        });
      },
    });
  },
});

const entityBase = (name: string, kind = 'component') =>
  `/api/security-maturity/entities/${kind}/default/${name}`;

describe('security-maturity backend plugin', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    const start = () => startBackend(databases, databaseId, [scannerModule]);

    it('runs its migrations at start and serves an empty record for a catalog entity', async () => {
      const { as, knex } = await start();
      expect(await knex.schema.hasTable('entity_records')).toBe(true);

      // Someone of another team: may read, owns nothing, leads nothing.
      const res = await as(people.otherTeam).get('');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        entityRef: 'component:default/payments-api',
        version: 0,
        ...emptyStoredRecords(),
        requiredStageIds: defaultWorkflow.stages.map(s => s.id),
        permissions: {
          canEdit: false,
          canReadConfidential: false,
          isSecurityLead: false,
          accountableFor: [],
        },
        scorers: [
          {
            id: 'test-scanner',
            title: 'Test scanner',
            description: 'Reads scanner results.',
          },
        ],
      });
    });

    it('reads the stored record header, whatever the case of the ref', async () => {
      const { as, knex } = await start();
      await knex('entity_records').insert({
        entity_ref: 'component:default/payments-api',
        version: 3,
        created_at: new Date('2026-11-01T10:00:00Z'),
        updated_at: new Date('2026-11-20T09:30:00Z'),
        updated_by: 'user:default/alex.rivera',
      });

      // Refs are case-insensitive, as in the catalog.
      const res = await as(
        people.owner,
        entityBase('Payments-API', 'Component'),
      ).get('');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: 'component:default/payments-api',
        version: 3,
        updatedAt: '2026-11-20T09:30:00.000Z',
        updatedBy: 'user:default/alex.rivera',
      });
    });

    it.each([
      [
        401,
        'with no credentials',
        'none',
        'payments-api',
        'AuthenticationError',
      ],
      [
        404,
        'for an entity the catalog does not have',
        people.owner,
        'no-such-service',
        'NotFoundError',
      ],
      [
        400,
        'for a malformed entity name, before touching the catalog',
        people.owner,
        encodeURIComponent('bad name;drop'),
        'InputError',
      ],
    ])('answers %i %s', async (status, _, who, name, error) => {
      const { as } = await start();
      const res = await as(who, entityBase(name)).get('');
      expect(res.status).toBe(status);
      expect(res.body.error.name).toBe(error);
    });

    it('names the missing entity in its 404', async () => {
      const { as } = await start();
      const res = await as(people.owner, entityBase('no-such-service')).get('');
      expect(res.body.error.message).toBe(
        'Entity component:default/no-such-service was not found',
      );
    });

    it('lists the installed scorers', async () => {
      const { as } = await start();
      const res = await as(people.owner).plugin('/scorers');
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([
        'test-scanner',
      ]);
    });
  });
});
