// The example policy with the real plugin, catalog and demo organisation
// (examples/org.yaml, examples/entities.yaml): what a non-lead, a manager and
// a security lead see of the org views. The policy runs in-process as the
// permission backend would run it; the backend test utilities' mock tokens
// carry no actor, which the real permission backend requires of a plugin's
// request without a resource.
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import securityMaturityPlugin from '@secmat/backstage-plugin-security-maturity-backend';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SecurityMaturityPolicy } from './securityMaturityPolicy';

jest.setTimeout(120_000);

const examples = resolve(__dirname, '../../../../examples');
const LEADS = 'group:default/security-leads';

// The ownership refs the sign-in resolver puts into each user's token: the
// user and their groups in examples/org.yaml.
const memberOf: Record<string, string[]> = {
  'user:default/mei.chen': ['group:default/identity-team'],
  'user:default/nora.lindqvist': ['group:default/product-engineering'],
  'user:default/priya.nair': [LEADS],
};
const userInfo = {
  async getUserInfo(credentials: any) {
    const ref = credentials.principal.userEntityRef as string;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(memberOf[ref] ?? [])],
    };
  },
};

/** Every decision from the example policy, for the user who asks. */
const policyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    const policy = new SecurityMaturityPolicy([LEADS]);
    const decide = async (permission: any, options?: { credentials: any }) => {
      const credentials = options?.credentials;
      const user =
        credentials?.principal.type === 'user'
          ? { credentials, info: await userInfo.getUserInfo(credentials) }
          : undefined;
      return policy.handle({ permission }, user);
    };
    return {
      authorizeConditional: (queries, options) =>
        Promise.all(queries.map(q => decide(q.permission, options))) as any,
      async authorize(requests, options) {
        const decisions = await Promise.all(
          requests.map(r => decide(r.permission, options)),
        );
        // These tests only read; evaluating another plugin's conditions
        // (such as the catalog's owner condition on edits) is not needed.
        if (decisions.some(d => d.result === AuthorizeResult.CONDITIONAL)) {
          throw new Error('Conditional decisions are not evaluated here');
        }
        return decisions as any;
      },
    };
  },
});

async function startPortal() {
  const tasks: Array<Parameters<SchedulerService['scheduleTask']>[0]> = [];
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      securityMaturityPlugin,
      policyPermissions,
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => userInfo,
      }),
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'System', 'Domain'] }],
            locations: [
              { type: 'file', target: `${examples}/entities.yaml` },
              {
                type: 'file',
                target: `${examples}/org.yaml`,
                rules: [{ allow: ['User', 'Group'] }],
              },
            ],
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const get = async (who: string, path: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { Authorization: mockCredentials.user.header(who) },
    });
    return { status: response.status, body: await response.json() };
  };

  // Wait for the catalog to process the demo organisation, then score it.
  for (let i = 0; ; i++) {
    const groups = await get(
      'user:default/priya.nair',
      '/api/catalog/entities/by-query?filter=kind=group&limit=100',
    );
    const components = await get(
      'user:default/priya.nair',
      '/api/catalog/entities/by-query?filter=kind=component&limit=100',
    );
    if (groups.body.items?.length === 7 && components.body.items?.length === 14)
      break;
    if (i > 200) throw new Error('The catalog did not process the examples');
    await new Promise(r => setTimeout(r, 250));
  }
  await tasks
    .find(t => t.id === 'security-maturity-rescore')!
    .fn(new AbortController().signal);

  return (who: string, path: string) =>
    get(who, `/api/security-maturity${path}`);
}

describe('the example policy and the org views', () => {
  it('gives a team member their team and its subtree, a manager the department, a lead everything', async () => {
    const as = await startPortal();
    const mei = (path: string) => as('user:default/mei.chen', path);

    // Mei's team: its Security tab, and the org page for Identity only.
    const tab = await mei('/org/units/group/default/identity-team/overview');
    expect(tab.status).toBe(200);
    expect(tab.body.components).toBe(4);
    const page = await mei('/org/overview');
    expect(page.status).toBe(200);
    expect(page.body.components).toBe(4);
    expect(page.body.groups.map((g: any) => g.ref)).toEqual([
      'group:default/identity-team',
    ]);
    expect((await mei('/org/facets')).body.scope).toEqual({
      wholeOrg: false,
      groups: [{ ref: 'group:default/identity-team', title: 'Identity' }],
    });

    // Another team: refused on its tab and on the org page.
    const payments = await mei(
      '/org/units/group/default/payments-team/overview',
    );
    expect(payments.status).toBe(403);
    expect(payments.body.error.message).toMatch(
      /^The Security tab of Payments is for members of group:default\/payments-team/,
    );
    const filtered = await mei(
      '/org/overview?owner=group%3Adefault%2Fpayments-team',
    );
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.message).toBe(
      'Your org views cover group:default/identity-team and the groups below them, not group:default/payments-team',
    );

    // A manager in Product Engineering: every team of the department, but
    // not the security leads' group.
    const nora = (path: string) => as('user:default/nora.lindqvist', path);
    const department = await nora('/org/overview');
    expect(department.status).toBe(200);
    expect(department.body.components).toBe(14);
    expect(department.body.groups.map((g: any) => [g.ref, g.depth])).toEqual([
      ['group:default/product-engineering', 0],
      ['group:default/identity-team', 1],
      ['group:default/payments-team', 1],
      ['group:default/platform-team', 1],
      ['group:default/storefront-team', 1],
    ]);
    expect(
      (await nora('/org/overview?owner=group%3Adefault%2Fsecurity-leads'))
        .status,
    ).toBe(403);
    expect(
      (await nora('/org/units/group/default/payments-team/overview')).status,
    ).toBe(200);

    // A security lead: the whole organisation.
    const whole = await as('user:default/priya.nair', '/org/overview');
    expect(whole.status).toBe(200);
    expect(whole.body.components).toBe(14);
    expect(whole.body.groups[0].ref).toBe('group:default/northwind');
  });
});
