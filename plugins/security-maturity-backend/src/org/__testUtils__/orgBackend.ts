import { Entity } from '@backstage/catalog-model';
import {
  entities as cast,
  inDays,
  people,
  startBackend,
} from '../../__testUtils__/backend';
import { TestDatabases } from '@backstage/backend-test-utils';

// Product Engineering ⊃ Payments ⊃ Checkout squad, and Identity; two systems
// in two domains (checkout owned by Payments, accounts by Identity, both
// domains by Product Engineering); one component owned by the security leads
// outside both.
export const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title: name.replace(/-/g, ' ') },
  spec: { type: 'team', children: [] },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});
export const system = (
  name: string,
  domain: string,
  owner = 'group:default/product-engineering',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default' },
  spec: { owner, domain },
  relations: [
    { type: 'partOf', targetRef: `domain:default/${domain}` },
    { type: 'ownedBy', targetRef: owner },
  ],
});
export const domain = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/product-engineering' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/product-engineering' },
  ],
});
export const component = (
  name: string,
  owner: string,
  sys: string | null,
  spec: { type?: string; lifecycle?: string } = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: spec.type ?? 'service',
    lifecycle: spec.lifecycle ?? 'production',
    owner,
    ...(sys ? { system: sys } : {}),
  },
  relations: [
    { type: 'ownedBy', targetRef: owner },
    ...(sys ? [{ type: 'partOf', targetRef: `system:default/${sys}` }] : []),
  ],
});

export const orgEntities: Entity[] = [
  ...cast.filter(e => e.kind === 'User'),
  group('product-engineering'),
  group('payments-team', 'product-engineering'),
  group('checkout-squad', 'payments-team'),
  group('identity-team', 'product-engineering'),
  group('security-leads'),
  domain('commerce'),
  domain('identity'),
  system('checkout', 'commerce', 'group:default/payments-team'),
  system('accounts', 'identity', 'group:default/identity-team'),
  component('payments-api', 'group:default/payments-team', 'checkout'),
  component('checkout-web', 'group:default/checkout-squad', 'checkout', {
    type: 'website',
  }),
  component('login-service', 'group:default/identity-team', 'accounts', {
    lifecycle: 'experimental',
  }),
  component('audit-lib', 'group:default/security-leads', null, {
    type: 'library',
  }),
];

export const PE = 'group:default/product-engineering';

/**
 * The plugin on a test database with the org above, and on payments-api a
 * blocked gate, an approved exception, RASI and a contained incident.
 */
export async function setUp(
  databases: TestDatabases,
  databaseId: Parameters<typeof startBackend>[1],
  extraFeatures: Parameters<typeof startBackend>[2] = [],
) {
  const backend = await startBackend(
    databases,
    databaseId,
    extraFeatures,
    orgEntities,
  );
  const { as, tasks } = backend;
  // Records on payments-api: a blocked gate, an approved exception expiring in
  // 10 days, RASI with a supportive security partner (appointed by a lead: an
  // owner may not appoint themself Accountable), a contained incident.
  expect(
    (
      await as(people.owner).put('/stages/threat-modeling', {
        version: 0,
        status: 'blocked',
        checklist: [],
      })
    ).status,
  ).toBe(200);
  const requested = await as(people.owner).post('/exceptions', {
    controlId: 'run-as-non-root',
    justification: 'SECRET-JUSTIFICATION the card agent binds port 443',
    compensatingControls: 'Dedicated node pool',
    riskRating: 'high',
    expiresAt: inDays(10),
  });
  expect(requested.status).toBe(201);
  expect(
    (
      await as(people.lead).post(
        `/exceptions/${requested.body.id}/transitions`,
        { version: 1, action: 'approve' },
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await as(people.lead).put('/rasi/threat-modeling', {
        version: 0,
        responsible: ['group:default/payments-team'],
        accountable: people.owner,
        supportive: [people.lead],
        informed: [],
      })
    ).status,
  ).toBe(200);
  const started = await as(people.owner).post('/worksheets', {
    kind: 'incident',
    title: 'Token leak in logs',
  });
  expect(started.status).toBe(201);
  // The scheduled job scores the rest of the catalog.
  const rescore = tasks.find(t => t.id === 'security-maturity-rescore')!;
  await rescore.fn(new AbortController().signal);
  return backend;
}
