import {
  OrgComponent,
  OrgComponentPage,
  OrgFacets,
  OrgOverview,
  OrgProgress,
  OrgRollup,
  SAMM_BENCHMARK,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';

const fns = (v: number) => ({ G: v, D: v, I: v, V: v, O: v });
const practices = (v: number) =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, v]));

/** Every practice `overall` against a target of `target`. */
const targets = (overall: number, target: number) => {
  const gap = Math.max(0, target - overall);
  return Object.fromEntries(
    SAMM_PRACTICES.map(p => [
      p.id,
      { target, gap, percentToTarget: 100 * (1 - gap / target) },
    ]),
  );
};

const rollup = (
  ref: string,
  title: string,
  depth: number,
  parentRef: string | null,
  components: number,
  overall: number,
  target = 2,
): OrgRollup => ({
  ref,
  title,
  depth,
  parentRef,
  components,
  overall,
  percentToTarget: Math.min(100, (overall / target) * 100),
  belowTarget: 1,
  functions: fns(overall),
  practices: practices(overall),
  practiceTargets: targets(overall, target),
});

export const facets: OrgFacets = {
  scope: { wholeOrg: true, groups: [] },
  groups: [
    { ref: 'group:default/product-engineering', title: 'Product Engineering', parentRef: null },
    { ref: 'group:default/payments-team', title: 'Payments', parentRef: 'group:default/product-engineering' },
    { ref: 'group:default/identity-team', title: 'Identity', parentRef: 'group:default/product-engineering' },
  ],
  systems: [{ ref: 'system:default/checkout', title: 'Checkout', domainRef: 'domain:default/commerce' }],
  domains: [{ ref: 'domain:default/commerce', title: 'Commerce' }],
  tiers: ['1', '2'],
  lifecycles: ['production'],
  types: ['service', 'website'],
}; // prettier-ignore

export const overview: OrgOverview = {
  components: 3,
  overall: 1.2,
  percentToTarget: 60,
  belowTarget: 2,
  functions: fns(1.2),
  practices: practices(1.2),
  practiceTargets: targets(1.2, 2),
  distribution: [0, 1, 2, 3, 4, 5].map(i => ({
    from: i / 2,
    to: (i + 1) / 2,
    count: i === 2 ? 3 : 0,
  })),
  groups: [
    rollup('group:default/product-engineering', 'Product Engineering', 0, null, 3, 1.2),
    rollup('group:default/payments-team', 'Payments', 1, 'group:default/product-engineering', 2, 1.5),
    rollup('group:default/identity-team', 'Identity', 1, 'group:default/product-engineering', 1, 0.6),
  ],
  systems: [rollup('system:default/checkout', 'Checkout', 0, 'domain:default/commerce', 2, 1.5)],
  domains: [rollup('domain:default/commerce', 'Commerce', 0, null, 2, 1.5)],
  bottlenecks: [
    { stageId: 'threat-modeling', title: 'Threat modeling & requirements', inProgress: 1, blocked: 2, notStarted: 0, medianDaysInStatus: 12.5 },
  ],
  exceptions: {
    withinDays: 30,
    expiring: 1,
    expired: 1,
    items: [
      { id: 'x1', entityRef: 'component:default/card-vault', controlId: 'run-as-non-root', riskRating: 'high', status: 'expired', expiresAt: '2026-11-01T00:00:00.000Z' },
    ],
  },
  rasi: {
    activities: [{ activityId: 'threat-modeling', title: 'Threat modeling', covered: 1, missingAccountable: 2 }],
    partners: [{ ref: 'user:default/priya.nair', components: 2, assignments: 3 }],
  },
  benchmark: SAMM_BENCHMARK,
  generatedAt: '2026-11-24T12:00:00.000Z',
}; // prettier-ignore

const component = (name: string, overall: number): OrgComponent => ({
  entityRef: `component:default/${name}`,
  type: 'service',
  lifecycle: 'production',
  ownerRef: 'group:default/payments-team',
  systemRef: 'system:default/checkout',
  domainRef: 'domain:default/commerce',
  tier: '1',
  target: 2,
  overall,
  percentToTarget: (overall / 2) * 100,
  functions: fns(overall),
  gatesRequired: 7,
  gatesCleared: 3,
  exceptionsOpen: 1,
  exceptionsExpired: name === 'card-vault' ? 1 : 0,
  computedAt: '2026-11-24T12:00:00.000Z',
});

export const componentPage = (offset = 0): OrgComponentPage => ({
  items:
    offset === 0
      ? [component('card-vault', 0.8), component('payments-api', 1.6)]
      : [component('ledger-worker', 2.1)],
  totalCount: 27,
  limit: 25,
  offset,
});

/**
 * The overview's progress since a day: the mean score rose from 0.95 to
 * 1.2, Threat Assessment from 1 to 1.5, the other practices stayed at 1.
 */
export const progress: OrgProgress = {
  since: '2026-08-26',
  components: 3,
  overall: { baseline: 0.95, current: 1.2, change: 0.25 },
  practices: Object.fromEntries(
    SAMM_PRACTICES.map(p => {
      const current = p.id === 'D-TA' ? 1.5 : 1;
      return [p.id, { baseline: 1, current, change: current - 1 }];
    }),
  ),
  progressToTarget: 23.8,
};

/** The overview with its progress, and each group's (Identity fell). */
export const overviewWithProgress: OrgOverview = {
  ...overview,
  progress,
  groups: overview.groups.map(g => ({
    ...g,
    progress: {
      ...progress,
      overall:
        g.title === 'Identity'
          ? { baseline: 0.7, current: 0.6, change: -0.1 }
          : progress.overall,
    },
  })),
};
