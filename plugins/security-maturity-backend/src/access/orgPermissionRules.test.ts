import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { securityMaturityOrgReadPermission } from '@secmat/backstage-plugin-security-maturity-common';
import { IDENTITY, PAYMENTS, PE, testOrg } from '../org/__testUtils__/fixtures';
import {
  createSecurityMaturityOrgConditionalDecision,
  orgUnitResourceType,
  securityMaturityOrgConditions,
  securityMaturityOrgRules,
} from './orgPermissionRules';

const { isInGroupSubtree } = securityMaturityOrgRules;
const org = testOrg();
const unit = (ref: string) => org.unit(ref)!;

describe('the org unit permission rules', () => {
  it('admit the named groups, the groups below them and what they own', () => {
    const params = { groupRefs: ['Group:default/Payments-Team'] };
    expect(isInGroupSubtree.apply(unit(PAYMENTS), params)).toBe(true);
    expect(
      isInGroupSubtree.apply(unit('group:default/checkout-squad'), params),
    ).toBe(true);
    // Owned by Payments.
    expect(
      isInGroupSubtree.apply(unit('system:default/checkout'), params),
    ).toBe(true);
    // The department above, a sibling team, a system owned elsewhere.
    expect(isInGroupSubtree.apply(unit(PE), params)).toBe(false);
    expect(isInGroupSubtree.apply(unit(IDENTITY), params)).toBe(false);
    expect(
      isInGroupSubtree.apply(unit('system:default/accounts'), params),
    ).toBe(false);
    expect(isInGroupSubtree.toQuery(params)).toEqual({
      key: 'lineage',
      values: [PAYMENTS],
    });
  });

  it('validate their parameters and describe them as JSON Schema', () => {
    const schema = isInGroupSubtree.paramsSchema as any;
    expect(schema['~standard'].validate({ groupRefs: [PE] })).toEqual({
      value: { groupRefs: [PE] },
    });
    for (const bad of [{}, { groupRefs: PE }, { groupRefs: [''] }, null]) {
      expect(schema['~standard'].validate(bad).issues[0].message).toMatch(
        /^groupRefs must be an array of group entity refs/,
      );
    }
    expect(
      schema['~standard'].jsonSchema.input({ target: 'draft-07' }),
    ).toMatchObject({
      type: 'object',
      required: ['groupRefs'],
      properties: { groupRefs: { type: 'array' } },
    });
  });

  it('give a policy a conditional decision the plugin evaluates per unit', () => {
    const decision = createSecurityMaturityOrgConditionalDecision(
      securityMaturityOrgReadPermission,
      securityMaturityOrgConditions.isInGroupSubtree({ groupRefs: [PAYMENTS] }),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'security-maturity',
      resourceType: 'security-maturity-org-unit',
      conditions: {
        rule: 'IS_IN_GROUP_SUBTREE',
        resourceType: 'security-maturity-org-unit',
        params: { groupRefs: [PAYMENTS] },
      },
    });
    const authorize = createConditionAuthorizer([isInGroupSubtree]);
    expect(authorize(decision, unit('group:default/checkout-squad'))).toBe(
      true,
    );
    expect(authorize(decision, unit(IDENTITY))).toBe(false);
    // Criteria combine as usual: the department except one team.
    const allBut = createSecurityMaturityOrgConditionalDecision(
      securityMaturityOrgReadPermission,
      {
        allOf: [
          securityMaturityOrgConditions.isInGroupSubtree({ groupRefs: [PE] }),
          {
            not: securityMaturityOrgConditions.isInGroupSubtree({
              groupRefs: [IDENTITY],
            }),
          },
        ],
      },
    );
    expect(authorize(allBut, unit(PAYMENTS))).toBe(true);
    expect(authorize(allBut, unit(IDENTITY))).toBe(false);
  });

  it('load units for the permission backend from the org structure', async () => {
    const type = orgUnitResourceType({ get: async () => org });
    expect(type.permissions).toEqual([securityMaturityOrgReadPermission]);
    const [group, system, unknown] = await type.getResources!([
      PAYMENTS,
      'system:default/checkout',
      'group:default/nobody',
    ]);
    expect(group).toEqual({
      ref: PAYMENTS,
      kind: 'group',
      title: 'Payments',
      lineage: [PAYMENTS, PE],
    });
    expect(system?.lineage).toEqual([PAYMENTS, PE]);
    expect(unknown).toBeUndefined();
  });
});
