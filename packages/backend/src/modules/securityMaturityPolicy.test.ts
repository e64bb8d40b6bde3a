import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  securityMaturityApprovePermission,
  securityMaturityConfidentialReadPermission,
  securityMaturitySignOffPermission,
  securityMaturityOrgReadPermission,
  securityMaturityEditPermission,
  securityMaturityEvidencePushPermission,
  securityMaturityReadPermission,
} from '@secmat/backstage-plugin-security-maturity-common';
import { SecurityMaturityPolicy } from './securityMaturityPolicy';

const user = (ref: string, groups: string[]): PolicyQueryUser =>
  ({
    identity: {
      type: 'user',
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...groups],
    },
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
    credentials: {} as any,
    token: 'token',
  } as PolicyQueryUser);

const engineer = user('user:default/sam.okafor', [
  'group:default/payments-team',
]);
const lead = user('user:default/priya.nair', ['group:default/security-leads']);
const policy = new SecurityMaturityPolicy(['group:default/security-leads']);

describe('SecurityMaturityPolicy', () => {
  it('lets owners edit through the catalog ownership condition, and leads always', async () => {
    const decision = await policy.handle(
      { permission: securityMaturityEditPermission },
      engineer,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/sam.okafor', 'group:default/payments-team'],
        },
      },
    });
    expect(
      await policy.handle({ permission: securityMaturityEditPermission }, lead),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('lets security leads see the whole org, and others the subtrees of their groups', async () => {
    const decide = (who?: PolicyQueryUser) =>
      policy.handle({ permission: securityMaturityOrgReadPermission }, who);
    expect(await decide(lead)).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await decide(engineer)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'security-maturity',
      resourceType: 'security-maturity-org-unit',
      conditions: {
        rule: 'IS_IN_GROUP_SUBTREE',
        resourceType: 'security-maturity-org-unit',
        params: { groupRefs: ['group:default/payments-team'] },
      },
    });
    // Without groups, the plugin's own rules only (their own teams' tabs).
    expect(await decide(user('user:default/guest', []))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect((await decide(undefined)).result).toBe(AuthorizeResult.DENY);
  });

  it('lets only security leads approve', async () => {
    expect(
      (
        await policy.handle(
          { permission: securityMaturityApprovePermission },
          engineer,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (
        await policy.handle(
          { permission: securityMaturityApprovePermission },
          undefined,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (
        await policy.handle(
          { permission: securityMaturityApprovePermission },
          lead,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it("leaves sign-off and confidential reads to the plugin's own rules, for owners and non-owners alike", async () => {
    // An Accountable who owns nothing (here the engineer of another team)
    // is not refused by the policy: the plugin checks RASI and separation.
    const outsider = user('user:default/tom', ['group:default/identity-team']);
    for (const who of [engineer, outsider, lead]) {
      for (const permission of [
        securityMaturitySignOffPermission,
        securityMaturityConfidentialReadPermission,
      ]) {
        expect(await policy.handle({ permission }, who)).toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    }
  });

  it('lets readers read and CI push evidence', async () => {
    expect(
      (
        await policy.handle(
          { permission: securityMaturityReadPermission },
          engineer,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (
        await policy.handle(
          { permission: securityMaturityEvidencePushPermission },
          undefined,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
