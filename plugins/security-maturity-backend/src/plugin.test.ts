import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import { securityMaturityPlugin } from './plugin';

jest.setTimeout(60_000);

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments-team',
    lifecycle: 'production',
  },
};

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

describe('security-maturity backend plugin', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          securityMaturityPlugin,
          scannerModule,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [component] }),
        ],
      });
      return { server, knex };
    }

    it('runs its migrations at start and serves an empty record for a catalog entity', async () => {
      const { server, knex } = await start();
      expect(await knex.schema.hasTable('entity_records')).toBe(true);

      const res = await request(server).get(
        '/api/security-maturity/entities/component/default/payments-api',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        entityRef: 'component:default/payments-api',
        version: 0,
        intake: null,
        requiredStageIds: [
          'intake',
          'threat-modeling',
          'design',
          'implementation',
          'validation',
          'launch',
          'governance',
        ],
        stages: [],
        rasi: [],
        exceptions: [],
        worksheets: [],
        decisions: [],
        releases: [],
        assessment: [],
        // The default mock user owns nothing and leads nothing.
        permissions: { canEdit: false, isSecurityLead: false },
        scorers: [
          {
            id: 'test-scanner',
            title: 'Test scanner',
            description: 'Reads scanner results.',
          },
        ],
      });
    });

    it('reads the stored record header from the database', async () => {
      const { server, knex } = await start();
      await knex('entity_records').insert({
        entity_ref: 'component:default/payments-api',
        version: 3,
        created_at: new Date('2026-11-01T10:00:00Z'),
        updated_at: new Date('2026-11-20T09:30:00Z'),
        updated_by: 'user:default/alex.rivera',
      });

      // Refs are case-insensitive, as in the catalog.
      const res = await request(server).get(
        '/api/security-maturity/entities/Component/default/Payments-API',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: 'component:default/payments-api',
        version: 3,
        updatedAt: '2026-11-20T09:30:00.000Z',
        updatedBy: 'user:default/alex.rivera',
      });
    });

    it('refuses callers without credentials (401)', async () => {
      const { server } = await start();
      const res = await request(server)
        .get('/api/security-maturity/entities/component/default/payments-api')
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const { server } = await start();
      const res = await request(server).get(
        '/api/security-maturity/entities/component/default/no-such-service',
      );
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({
        name: 'NotFoundError',
        message: 'Entity component:default/no-such-service was not found',
      });
    });

    it('answers 400 for a malformed entity name, before touching the catalog', async () => {
      const { server } = await start();
      const res = await request(server).get(
        `/api/security-maturity/entities/component/default/${encodeURIComponent(
          'bad name;drop',
        )}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
    });

    it('lists the installed scorers', async () => {
      const { server } = await start();
      const res = await request(server).get('/api/security-maturity/scorers');
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([
        'test-scanner',
      ]);
    });
  });
});
