import { SAMM_PRACTICES } from '@secmat/backstage-plugin-security-maturity-common';
import { ProgressSums } from '../database/org/OrgReadModel';
import {
  groupRollups,
  meanOf,
  snapshotTotals,
  systemAndDomainRollups,
} from './rollups';
import { Sums } from './sums';
import {
  CHECKOUT,
  IDENTITY,
  LEADS,
  PAYMENTS,
  PE,
  slice,
  testOrg,
} from './__testUtils__/fixtures';

const org = testOrg();

describe('groupRollups', () => {
  // Scores: checkout squad 3 × 2.0, payments 1 × 1.0, identity 2 × 0.5,
  // security leads 1 × 3.0, a user-owned component and an unowned one.
  const byOwner = new Map<string | null, Sums>([
    [CHECKOUT, slice(3, 2)],
    // Target 1.25 in every practice, 0.25 short: 1 − 0.25 / 1.25 = 80 %.
    [
      PAYMENTS,
      slice(1, 1, { withTarget: 1, belowTarget: 1, target: 1.25, gap: 0.25 }),
    ],
    [IDENTITY, slice(2, 0.5)],
    [LEADS, slice(1, 3)],
    ['user:default/olivia', slice(1, 1)],
    [null, slice(5, 0)],
  ]);

  it('count each group with every group nested below it', () => {
    const groups = Object.fromEntries(
      groupRollups(byOwner, org).map(g => [g.ref, g]),
    );
    expect(groups[CHECKOUT]).toMatchObject({ components: 3, overall: 2 });
    expect(groups[PAYMENTS]).toMatchObject({
      components: 4,
      belowTarget: 1,
      percentToTarget: 80,
    });
    expect(groups[PAYMENTS].overall).toBeCloseTo((3 * 2 + 1) / 4, 10);
    // Against targets, only the one component with a target counts.
    expect(groups[PAYMENTS].practiceTargets?.['G-SM']).toEqual({
      target: 1.25,
      gap: 0.25,
      percentToTarget: 80,
    });
    expect(groups[CHECKOUT].practiceTargets).toBeNull();
    expect(groups[PAYMENTS].progress).toBeUndefined();
    expect(groups[PE].components).toBe(6);
    expect(groups[PE].overall).toBeCloseTo((6 + 1 + 1) / 6, 10);
    expect(groups[PE].functions.G).toBeCloseTo((6 + 1 + 1) / 6, 10);
    expect(groups[PE].practices['G-SM']).toBeCloseTo((6 + 1 + 1) / 6, 10);
    expect(groups[LEADS].components).toBe(1);
  });

  it('list parents before children, siblings by ref, with depths', () => {
    const rows = groupRollups(byOwner, org).map(g => [
      g.ref,
      g.parentRef,
      g.depth,
    ]);
    expect(rows).toEqual([
      [PE, null, 0],
      [IDENTITY, PE, 1],
      [PAYMENTS, PE, 1],
      [CHECKOUT, PAYMENTS, 2],
      [LEADS, null, 0],
      ['user:default/olivia', null, 0],
    ]);
  });

  it('title groups from the catalog, and anything else by its name', () => {
    const titles = Object.fromEntries(
      groupRollups(byOwner, org).map(g => [g.ref, g.title]),
    );
    expect(titles[PE]).toBe('Product Engineering');
    expect(titles[PAYMENTS]).toBe('Payments');
    expect(titles[CHECKOUT]).toBe('checkout-squad');
    expect(titles['user:default/olivia']).toBe('olivia');
  });

  it('show only the filtered subtree: ancestors outside it get nothing', () => {
    const owners = org.descendantsOrSelf(PAYMENTS);
    const filtered = new Map<string | null, Sums>([
      [CHECKOUT, slice(3, 2)],
      [PAYMENTS, slice(1, 1)],
    ]);
    const rows = groupRollups(filtered, org, owners);
    expect(rows.map(g => [g.ref, g.parentRef, g.depth, g.components])).toEqual([
      [PAYMENTS, null, 0, 4],
      [CHECKOUT, PAYMENTS, 1, 3],
    ]);
  });

  it("give a nested group's components to every group above it", () => {
    // Only the squad owns components: the groups above it appear through it.
    const rows = groupRollups(new Map([[CHECKOUT, slice(1, 1)]]), org);
    expect(rows.map(g => [g.ref, g.depth])).toEqual([
      [PE, 0],
      [PAYMENTS, 1],
      [CHECKOUT, 2],
    ]);
  });

  it('do not change the sums they are given', () => {
    const own = slice(3, 2);
    groupRollups(new Map([[CHECKOUT, own]]), org);
    expect(own.components).toBe(3);
  });

  it('are empty without owners', () => {
    expect(groupRollups(new Map([[null, slice(2, 1)]]), org)).toEqual([]);
  });

  it('roll up the progress since a day the same way, when asked', () => {
    // The squad's 3 components rose from 1 to 2 towards a target of 2.5;
    // Payments' own one stayed at 1 and has no target.
    const progress = {
      since: '2026-07-01',
      sums: new Map([
        [CHECKOUT, moved(3, 1, 2, 2.5)],
        [PAYMENTS, moved(1, 1, 1)],
      ]),
    };
    const groups = Object.fromEntries(
      groupRollups(byOwner, org, undefined, progress).map(g => [g.ref, g]),
    );
    const payments = groups[PAYMENTS].progress!;
    expect(payments).toMatchObject({ since: '2026-07-01', components: 4 });
    // Means over 4: baseline (3 + 1) / 4 = 1, now (6 + 1) / 4 = 1.75.
    expect(payments.overall).toEqual({ baseline: 1, current: 1.75, change: 0.75 });
    expect(payments.practices['D-TA'].change).toBe(0.75);
    // Over the squad's, the components with a target: (6 − 3) / (7.5 − 3).
    expect(payments.progressToTarget).toBeCloseTo((100 * 3) / 4.5, 10); // 66.7 %
    expect(groups[PE].progress).toEqual(payments);
    // Identity has no snapshots to compare.
    expect(groups[IDENTITY].progress).toMatchObject({ components: 0, progressToTarget: null });
  }); // prettier-ignore
});

/** `components` components moved from `baseline` to `current` everywhere. */
function moved(
  components: number,
  baseline: number,
  current: number,
  target?: number,
): ProgressSums {
  const at = (score: number) => ({
    overall: components * score,
    practices: Object.fromEntries(
      SAMM_PRACTICES.map(p => [p.id, components * score]),
    ),
  });
  return {
    components,
    baseline: at(baseline),
    current: at(current),
    withTarget: target
      ? {
          target: components * target,
          baseline: components * baseline,
          current: components * current,
        }
      : { target: 0, baseline: 0, current: 0 },
  };
}

describe('systemAndDomainRollups', () => {
  const bySystem = new Map<string | null, Sums>([
    ['system:default/checkout', slice(2, 2)],
    ['system:default/accounts', slice(1, 0.5)],
    ['system:default/orphan', slice(1, 1)],
    ['system:default/unknown', slice(1, 2)],
    [null, slice(4, 1)],
  ]);

  it('roll up systems under their domains, lowest score first', () => {
    const { systems, domains } = systemAndDomainRollups(bySystem, org);
    expect(systems.map(s => [s.ref, s.parentRef, s.overall])).toEqual([
      ['system:default/accounts', 'domain:default/identity', 0.5],
      ['system:default/orphan', null, 1],
      ['system:default/checkout', 'domain:default/commerce', 2],
      ['system:default/unknown', null, 2],
    ]);
    expect(systems.find(s => s.ref.endsWith('/unknown'))?.title).toBe(
      'unknown',
    );
    expect(domains.map(d => [d.ref, d.title, d.components])).toEqual([
      ['domain:default/identity', 'identity', 1],
      ['domain:default/commerce', 'Commerce', 2],
    ]);
  });
});

describe('snapshotTotals', () => {
  it('total everything, and each group with its nested groups', () => {
    const { all, byGroup } = snapshotTotals(
      [
        { ownerRef: CHECKOUT, components: 2, overall: 3 },
        { ownerRef: PAYMENTS, components: 1, overall: 1 },
        { ownerRef: 'user:default/olivia', components: 1, overall: 2 },
        { ownerRef: null, components: 1, overall: 0.5 },
      ],
      org,
    );
    expect(all).toEqual({ components: 5, overall: 6.5 });
    expect(byGroup.get(CHECKOUT)).toEqual({ components: 2, overall: 3 });
    expect(byGroup.get(PAYMENTS)).toEqual({ components: 3, overall: 4 });
    expect(byGroup.get(PE)).toEqual({ components: 3, overall: 4 });
    expect(byGroup.get('user:default/olivia')).toEqual({
      components: 1,
      overall: 2,
    });
    expect(byGroup.has(IDENTITY)).toBe(false);
  });

  it('give means, and none without components', () => {
    expect(meanOf({ components: 4, overall: 6 })).toBe(1.5);
    expect(meanOf({ components: 0, overall: 0 })).toBeNull();
    expect(meanOf(undefined)).toBeNull();
  });
});
