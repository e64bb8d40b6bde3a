import {
  BackendFeature,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { securityMaturityPlugin } from '../plugin';
import { recordingAnnouncements } from './announcements';

/** The demo cast of the authorization matrix. */
export const people = {
  owner: 'user:default/olivia', // Payments, owns payments-api
  otherTeam: 'user:default/tom', // Identity
  lead: 'user:default/lena', // Security Leads
  lead2: 'user:default/lars', // Security Leads
  manager: 'user:default/maria', // Product Engineering, above Payments and Identity
};

export const membership: Record<string, string[]> = {
  [people.owner]: ['group:default/payments-team'],
  [people.otherTeam]: ['group:default/identity-team'],
  [people.lead]: ['group:default/security-leads'],
  [people.lead2]: ['group:default/security-leads'],
  [people.manager]: ['group:default/product-engineering'],
};

const user = (ref: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: ref.split('/')[1], namespace: 'default' },
  spec: { memberOf: membership[ref] },
});
const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

export const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/payments-team',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
  },
  ...Object.values(people).map(user),
  group('payments-team'),
  group('identity-team'),
  group('security-leads'),
];

export const base =
  '/api/security-maturity/entities/component/default/payments-api';

export type AuditRecord = {
  actionType: string;
  severityLevel: string;
  meta: Record<string, unknown>;
  status?: 'success' | 'fail';
};

/** An auditor that keeps its events, with their outcome, for assertions. */
export function recordingAuditor() {
  const audits: AuditRecord[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const record: AuditRecord = {
        actionType: String(options.meta?.actionType),
        severityLevel: options.severityLevel ?? 'low',
        meta: (options.meta ?? {}) as Record<string, unknown>,
      };
      audits.push(record);
      return {
        success: async () => {
          record.status = 'success';
        },
        fail: async () => {
          record.status = 'fail';
        },
      };
    },
  });
  return { auditor, audits };
}

/** The cast's ownership: the user and the groups they are a member of. */
export const fakeUserInfo = {
  async getUserInfo(credentials: BackstageCredentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(membership[ref] ?? [])],
    };
  },
};

/** Starts the real plugin on a TestDatabases database, with the cast above. */
export async function startBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  extraFeatures: BackendFeature[] = [],
  catalogEntities: Entity[] = entities,
) {
  const knex = await databases.init(databaseId);
  const { auditor, audits } = recordingAuditor();
  const tasks: Array<Parameters<SchedulerService['scheduleTask']>[0]> = [];
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.push(task);
    },
  });
  const announcements = recordingAnnouncements();
  await announcements.subscribed;
  const userInfo = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => fakeUserInfo,
  });
  const { server } = await startTestBackend({
    features: [
      securityMaturityPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      auditor.factory,
      scheduler.factory,
      userInfo,
      ...announcements.factories,
      ...extraFeatures,
    ],
  });

  /** Requests as someone, to one entity's routes (payments-api by default). */
  const as = (who: string | 'service' | 'none', entityBase = base) => {
    let header: string;
    if (who === 'service') {
      header = mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('external:ci-pipeline'),
        targetPluginId: 'security-maturity',
      });
    } else if (who === 'none') {
      header = mockCredentials.none.header();
    } else {
      header = mockCredentials.user.header(who);
    }
    const agent = request(server);
    return {
      get: (path: string) =>
        agent.get(`${entityBase}${path}`).set('Authorization', header),
      put: (path: string, body: object) =>
        agent
          .put(`${entityBase}${path}`)
          .set('Authorization', header)
          .send(body),
      post: (path: string, body: object) =>
        agent
          .post(`${entityBase}${path}`)
          .set('Authorization', header)
          .send(body),
      /** A plugin route outside the entity, e.g. `/org/overview`. */
      plugin: (path: string) =>
        agent.get(`/api/security-maturity${path}`).set('Authorization', header),
    };
  };
  return { server, knex, audits, tasks, as, announcements };
}

export const inDays = (days: number) =>
  new Date(Date.now() + days * 86400_000).toISOString();
