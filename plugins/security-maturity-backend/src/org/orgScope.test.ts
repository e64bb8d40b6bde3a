import { NotAllowedError } from '@backstage/errors';
import {
  CHECKOUT,
  IDENTITY,
  LEADS,
  PAYMENTS,
  PE,
  testOrg,
} from './__testUtils__/fixtures';
import { resolveFilter } from './orgFilter';
import {
  assertUnitReader,
  OrgReader,
  orgPageScope,
  withinScope,
} from './orgScope';
import { OrgUnit } from './OrgStructure';

const org = testOrg();
const unit = (ref: string) => org.unit(ref)!;

const reader = (
  groups: string[],
  options: { lead?: boolean; granted?: string[] } = {},
): OrgReader => ({
  actor: 'user:default/someone',
  isSecurityLead: options.lead ?? false,
  ownershipRefs: new Set(['user:default/someone', ...groups]),
  securityLeadGroups: [LEADS],
  grants: (u: OrgUnit) =>
    (options.granted ?? []).some(g => u.lineage.includes(g)),
});

describe('org units', () => {
  it('carry who answers for them: a group and the groups above, an owner and the groups above it', () => {
    expect(unit(CHECKOUT)).toEqual({
      ref: CHECKOUT,
      kind: 'group',
      title: 'checkout-squad',
      lineage: [CHECKOUT, PAYMENTS, PE],
    });
    expect(unit('system:default/checkout')).toMatchObject({
      kind: 'system',
      lineage: [PAYMENTS, PE],
    });
    expect(unit('domain:default/commerce')).toMatchObject({
      kind: 'domain',
      title: 'Commerce',
      lineage: [PE],
    });
    // Nobody answers for a system without an owner but the leads.
    expect(unit('system:default/orphan').lineage).toEqual([]);
    expect(org.unit('component:default/payments-api')).toBeUndefined();
  });
});

describe('who reads a team view', () => {
  it('is a member of the group or of a group above it, an owner, a lead or granted', () => {
    expect(() => assertUnitReader(reader([PAYMENTS]), unit(CHECKOUT))).not.toThrow();
    expect(() => assertUnitReader(reader([PE]), unit(PAYMENTS))).not.toThrow();
    expect(() => assertUnitReader(reader([PAYMENTS]), unit('system:default/checkout'))).not.toThrow();
    expect(() => assertUnitReader(reader([], { lead: true }), unit('system:default/orphan'))).not.toThrow();
    expect(() => assertUnitReader(reader([IDENTITY], { granted: [PAYMENTS] }), unit(CHECKOUT))).not.toThrow();
  }); // prettier-ignore

  it('is told who may otherwise', () => {
    expect(() => assertUnitReader(reader([CHECKOUT]), unit(PAYMENTS))).toThrow(
      new NotAllowedError(
        'The Security tab of Payments is for members of group:default/payments-team and of the groups above it, and for security leads',
      ),
    );
    expect(() =>
      assertUnitReader(reader([PAYMENTS]), unit('domain:default/commerce')),
    ).toThrow(
      'The Security tab of Commerce is for its owner (group:default/product-engineering), members of the groups above that owner, and for security leads',
    );
    expect(() =>
      assertUnitReader(reader([PE]), unit('system:default/orphan')),
    ).toThrow(
      'The Security tab of orphan is for its owner, members of the groups above that owner, and for security leads',
    );
  });
});

describe('the org page scope', () => {
  it('is the whole organisation for leads', () => {
    expect(orgPageScope(reader([LEADS], { lead: true }), org)).toEqual({
      wholeOrg: true,
    });
  });

  it('is the granted subtrees for others, with their top groups', () => {
    const scope = orgPageScope(
      reader([IDENTITY], { granted: [PAYMENTS, IDENTITY] }),
      org,
    );
    expect(scope).toEqual({
      wholeOrg: false,
      groups: expect.arrayContaining([PAYMENTS, CHECKOUT, IDENTITY]),
      tops: expect.arrayContaining([PAYMENTS, IDENTITY]),
    });
    expect(!scope.wholeOrg && scope.groups).toHaveLength(3);
    expect(!scope.wholeOrg && scope.tops).toHaveLength(2);
  });

  it('is refused without a grant, membership alone does not open it', () => {
    expect(() => orgPageScope(reader([PAYMENTS]), org)).toThrow(
      /^The org-wide views are for security leads \(members of group:default\/security-leads\)\. A permission policy may grant others/,
    );
  });

  it('narrows filters to the granted groups and refuses an owner outside them', () => {
    const scope = orgPageScope(reader([], { granted: [PAYMENTS] }), org);
    const narrowed = withinScope({}, resolveFilter({}, org), scope);
    expect(narrowed.owners?.sort()).toEqual([CHECKOUT, PAYMENTS].sort());

    const bySystem = withinScope(
      { system: 'system:default/accounts' },
      resolveFilter({ system: 'system:default/accounts' }, org),
      scope,
    );
    expect(bySystem).toMatchObject({
      systems: ['system:default/accounts'],
      owners: expect.arrayContaining([CHECKOUT, PAYMENTS]),
    });

    const squad = withinScope({ owner: CHECKOUT }, resolveFilter({ owner: CHECKOUT }, org), scope);
    expect(squad.owners).toEqual([CHECKOUT]);

    expect(() => withinScope({ owner: PE }, resolveFilter({ owner: PE }, org), scope)).toThrow(
      `Your org views cover ${PAYMENTS} and the groups below them, not ${PE}`,
    );
    expect(() =>
      withinScope({ owner: 'user:default/olivia' }, resolveFilter({ owner: 'user:default/olivia' }, org), scope),
    ).toThrow(NotAllowedError);
  }); // prettier-ignore
});
