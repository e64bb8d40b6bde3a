import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createSecurityMaturityOrgConditionalDecision,
  securityMaturityOrgConditions,
} from '../access/orgPermissionRules';
import { people } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { PE, setUp } from './__testUtils__/orgBackend';

jest.setTimeout(90_000);

const databases = createTestDatabases();

const PAYMENTS = 'group:default/payments-team';
const unit = (ref: string, view: 'overview' | 'components' = 'overview') => {
  const [kind, rest] = ref.split(':');
  return `/org/units/${kind}/${rest}/${view}`;
};
const names = (body: any) =>
  body.items.map((i: any) => i.entityRef.replace(/^.*\//, ''));

/**
 * A permission policy that grants some users the org views of subtrees of
 * groups with the plugin's condition, and allows everything else (as the
 * example policy of packages/backend does for the permissions these tests
 * touch).
 */
function grantingPolicy(grants: Record<string, string[]>) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async (queries, options) => {
      const user = (
        options?.credentials.principal as { userEntityRef?: string }
      ).userEntityRef;
      const groupRefs = user ? grants[user] : undefined;
      return queries.map(({ permission }) =>
        groupRefs
          ? createSecurityMaturityOrgConditionalDecision(
              permission as ResourcePermission<'security-maturity-org-unit'>,
              securityMaturityOrgConditions.isInGroupSubtree({ groupRefs }),
            )
          : { result: AuthorizeResult.ALLOW },
      );
    },
  }).factory;
}

describe.each(databases.eachSupportedId())('team views on %s', databaseId => {
  it("shows a team member their group's rollup of the components below it, without exception text", async () => {
    const { as } = await setUp(databases, databaseId);
    const member = as(people.owner);

    const view = await member.plugin(unit(PAYMENTS));
    expect(view.status).toBe(200);
    // Payments owns payments-api, its Checkout squad checkout-web; the
    // Identity and security-lead components are not counted.
    expect(view.body.components).toBe(2);
    expect(view.body.groups.map((g: any) => [g.ref, g.depth])).toEqual([
      [PAYMENTS, 0],
      ['group:default/checkout-squad', 1],
    ]);
    expect(Object.keys(view.body.practices)).toHaveLength(15);
    expect(
      view.body.bottlenecks.find((b: any) => b.stageId === 'threat-modeling')
        .blocked,
    ).toBe(1);
    expect(view.body.exceptions).toMatchObject({ expiring: 1, expired: 0 });
    expect(view.body.exceptions.items[0]).toEqual({
      id: expect.any(String),
      entityRef: 'component:default/payments-api',
      controlId: 'run-as-non-root',
      riskRating: 'high',
      status: 'approved',
      expiresAt: expect.any(String),
    });
    // RASI gaps: one of the two components has an Accountable.
    expect(
      view.body.rasi.activities.find(
        (a: any) => a.activityId === 'threat-modeling',
      ),
    ).toMatchObject({ covered: 1, missingAccountable: 1 });
    expect(JSON.stringify(view.body)).not.toContain('SECRET-JUSTIFICATION');
    expect(JSON.stringify(view.body)).not.toContain('Dedicated node pool');

    const list = await member.plugin(
      `${unit(PAYMENTS, 'components')}?sort=name`,
    );
    expect(list.status).toBe(200);
    expect(names(list.body)).toEqual(['checkout-web', 'payments-api']);
    expect(list.body.totalCount).toBe(2);
    const websites = await member.plugin(
      `${unit(PAYMENTS, 'components')}?type=website`,
    );
    expect(names(websites.body)).toEqual(['checkout-web']);

    // The entity page names the kind as the catalog does; any case works.
    const squad = await member.plugin(
      '/org/units/Group/default/checkout-squad/overview',
    );
    expect(squad.status).toBe(200);
    expect(squad.body.components).toBe(1);
  });

  it("refuses other teams' views, the parent's view and the org page to a non-lead", async () => {
    const { as } = await setUp(databases, databaseId);
    const identity = as(people.otherTeam);

    const other = await identity.plugin(unit(PAYMENTS));
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(
      'The Security tab of payments team is for members of group:default/payments-team and of the groups above it, and for security leads',
    );
    expect((await identity.plugin(unit(PAYMENTS, 'components'))).status).toBe(
      403,
    );
    // A member of a team does not see the department above it.
    expect((await as(people.owner).plugin(unit(PE))).status).toBe(403);

    // Without a policy grant, the org page stays with the security leads,
    // even filtered to the reader's own team.
    for (const path of [
      '/org/overview',
      '/org/facets',
      '/org/components?owner=group%3Adefault%2Fidentity-team',
    ]) {
      const page = await identity.plugin(path);
      expect(page.status).toBe(403);
      expect(page.body.error.message).toMatch(
        /^The org-wide views are for security leads \(members of group:default\/security-leads\)/,
      );
    }

    expect((await as('service').plugin(unit(PAYMENTS))).status).toBe(403);
    expect((await as('none').plugin(unit(PAYMENTS))).status).toBe(401);
    expect(
      (await identity.plugin(unit('group:default/no-such-team'))).status,
    ).toBe(404);
    expect(
      (
        await identity.plugin(
          '/org/units/component/default/payments-api/overview',
        )
      ).status,
    ).toBe(400);
  });

  it('shows a manager in a group above the teams below it, and a lead everything', async () => {
    const { as } = await setUp(databases, databaseId);
    const manager = as(people.manager);
    const department = await manager.plugin(unit(PE));
    expect(department.status).toBe(200);
    expect(department.body.components).toBe(3);
    expect((await manager.plugin(unit(PAYMENTS))).body.components).toBe(2);
    expect(
      (await manager.plugin(unit('group:default/security-leads'))).status,
    ).toBe(403);

    const lead = as(people.lead);
    expect((await lead.plugin(unit(PAYMENTS))).status).toBe(200);
    expect((await lead.plugin(unit('domain:default/identity'))).status).toBe(
      200,
    );
  });

  it('shows system and domain owners the components in them', async () => {
    const { as } = await setUp(databases, databaseId);
    // Payments owns the checkout system; its components come from Payments
    // and from the Checkout squad.
    const checkout = await as(people.owner).plugin(
      unit('system:default/checkout'),
    );
    expect(checkout.status).toBe(200);
    expect(checkout.body.components).toBe(2);
    expect(checkout.body.systems.map((s: any) => s.ref)).toEqual([
      'system:default/checkout',
    ]);
    const list = await as(people.owner).plugin(
      `${unit('system:default/checkout', 'components')}?sort=name`,
    );
    expect(names(list.body)).toEqual(['checkout-web', 'payments-api']);

    const refused = await as(people.otherTeam).plugin(
      unit('system:default/checkout'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'The Security tab of checkout is for its owner (group:default/payments-team), members of the groups above that owner, and for security leads',
    );
    expect(
      (await as(people.otherTeam).plugin(unit('system:default/accounts'))).body
        .components,
    ).toBe(1);

    // Product Engineering owns the commerce domain: its systems' components.
    const commerce = await as(people.manager).plugin(
      unit('domain:default/commerce'),
    );
    expect(commerce.status).toBe(200);
    expect(commerce.body.components).toBe(2);
    expect(
      (await as(people.owner).plugin(unit('domain:default/commerce'))).status,
    ).toBe(403);
  });

  it('opens the org page for the subtree a policy grants, and refuses it outside', async () => {
    const { as } = await setUp(databases, databaseId, [
      grantingPolicy({ [people.otherTeam]: [PAYMENTS] }),
    ]);
    const granted = as(people.otherTeam);

    const facets = await granted.plugin('/org/facets');
    expect(facets.status).toBe(200);
    expect(facets.body.scope).toEqual({
      wholeOrg: false,
      groups: [{ ref: PAYMENTS, title: 'payments team' }],
    });
    expect(facets.body.groups.map((g: any) => g.ref).sort()).toEqual([
      'group:default/checkout-squad',
      PAYMENTS,
    ]);
    expect(facets.body.systems.map((s: any) => s.ref)).toEqual([
      'system:default/checkout',
    ]);

    const overview = await granted.plugin('/org/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.components).toBe(2);
    expect(overview.body.groups.map((g: any) => g.ref)).toEqual([
      PAYMENTS,
      'group:default/checkout-squad',
    ]);
    const list = await granted.plugin('/org/components?sort=name');
    expect(names(list.body)).toEqual(['checkout-web', 'payments-api']);
    const squad = await granted.plugin(
      '/org/components?owner=group%3Adefault%2Fcheckout-squad',
    );
    expect(names(squad.body)).toEqual(['checkout-web']);
    const pack = await granted.plugin(
      '/org/metrics-pack?quarter=2026-Q4&format=csv',
    );
    expect(pack.status).toBe(200);
    expect(pack.text).toContain('Org unit,payments team');
    // The granted group's Security tab, too.
    expect((await granted.plugin(unit(PAYMENTS))).status).toBe(200);

    // Outside the subtree: refused, saying what the grant covers.
    const outside = await granted.plugin(
      `/org/overview?owner=${encodeURIComponent(PE)}`,
    );
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe(
      `Your org views cover ${PAYMENTS} and the groups below them, not ${PE}`,
    );
    expect(
      (await granted.plugin(unit('group:default/security-leads'))).status,
    ).toBe(403);

    // Someone the policy only allows keeps the plugin's own rules.
    expect((await as(people.owner).plugin('/org/overview')).status).toBe(403);
    expect((await as(people.owner).plugin(unit(PAYMENTS))).status).toBe(200);
    expect(
      (await as(people.lead).plugin('/org/overview')).body.components,
    ).toBe(4);
  });

  it('refuses everyone, security leads too, when the policy denies', async () => {
    const { as } = await setUp(databases, databaseId, [
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async queries =>
          queries.map(() => ({ result: AuthorizeResult.DENY })),
      }).factory,
    ]);
    for (const who of [people.lead, people.owner]) {
      for (const path of ['/org/overview', unit(PAYMENTS)]) {
        const denied = await as(who).plugin(path);
        expect(denied.status).toBe(403);
        expect(denied.body.error.message).toBe(
          'Not allowed by policy: security-maturity.org.read',
        );
      }
    }
  });
});
