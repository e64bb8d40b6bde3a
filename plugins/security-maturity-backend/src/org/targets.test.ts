import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  isoDayBefore,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { orgEntities } from './__testUtils__/orgBackend';

jest.setTimeout(90_000);

const databases = createTestDatabases();

// Scores, targets and gaps are stored as real (float4) on PostgreSQL: about
// seven significant digits reach the API, so hand-checked fractions such as
// 16/15 are compared to six decimals, and percents (100 × a ratio of sums)
// to four.
const DIGITS = 6;
const PERCENT_DIGITS = 4;

const every = (value: number) =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, value]));

// Tier 1 targets every practice at 1 and Threat Assessment at 2: its overall
// target follows by the toolbox formula, Design (2 + 1 + 1) / 3 = 4/3, the
// other functions 1: (4 + 4/3) / 5 = 16/15. Tiers 2 and 3 give a target
// score only: their profiles follow the benchmark.
const tiers = [
  { id: '1', title: 'Tier 1', practiceTargets: { ...every(1), 'D-TA': 2 } },
  { id: '2', title: 'Tier 2', targetScore: 1.5 },
  { id: '3', title: 'Tier 3', targetScore: 1 },
];

const ENTITIES = '/api/security-maturity/entities/component/default';
const PAYMENTS = encodeURIComponent('group:default/payments-team');

const intake = (dataClassification: string) => ({
  version: 0,
  dataClassification,
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: false,
  regulatoryObligations: [],
});

/** The plugin with the tiers above, the org of org.test.ts and two intakes. */
async function setUp(databaseId: TestDatabaseId) {
  const backend = await startBackend(
    databases,
    databaseId,
    [
      mockServices.rootConfig.factory({
        data: { securityMaturity: { tiers } },
      }),
    ],
    orgEntities,
  );
  const lead = (name: string) => backend.as(people.lead, `${ENTITIES}/${name}`);
  // payments-api: restricted data, tier 1. Threat Assessment level 1 both
  // streams and level 2 stream A: 1 + 0.5 = 1.5; Strategy & Metrics levels 1
  // and 2 in full: 2, above its target.
  expect((await lead('payments-api').put('/intake', intake('restricted'))).status).toBe(200);
  for (const id of ['D-TA-1-A', 'D-TA-1-B', 'D-TA-2-A', 'G-SM-1-A', 'G-SM-1-B', 'G-SM-2-A', 'G-SM-2-B']) {
    expect((await lead('payments-api').put(`/assessment/${id}`, { version: 0, value: 1 })).status).toBe(200);
  }
  // checkout-web (the Checkout squad, below Payments): tier 3, nothing yet.
  expect((await lead('checkout-web').put('/intake', intake('internal'))).status).toBe(200);
  const rescore = backend.tasks.find(t => t.id === 'security-maturity-rescore')!;
  await rescore.fn(new AbortController().signal);
  return backend;
} // prettier-ignore

describe.each(databases.eachSupportedId())(
  'targets and relative metrics on %s',
  databaseId => {
    it("give each practice of a component its target, gap and percent to target", async () => {
      const { as } = await setUp(databaseId);
      const score = (await as(people.owner).get('/score')).body;
      expect(score.tier).toBe('1');
      expect(score.target).toBeCloseTo(16 / 15, DIGITS);
      // Threat Assessment 1.5 of 2: 0.5 short, 75 %. Strategy & Metrics 2 of
      // 1: no gap, and no credit for the surplus.
      expect(score.practiceTargets['D-TA']).toEqual({ target: 2, gap: 0.5, percentToTarget: 75 });
      expect(score.practiceTargets['G-SM']).toEqual({ target: 1, gap: 0, percentToTarget: 100 });
      expect(score.practiceTargets['O-OM']).toEqual({ target: 1, gap: 1, percentToTarget: 0 });
      // Targets sum to 14 + 2 = 16, gaps to 0.5 + 13 × 1 = 13.5:
      // 100 × (1 − 13.5 / 16) = 15.625 %.
      expect(score.percentToTarget).toBeCloseTo(15.625, PERCENT_DIGITS);

      const tier3 = (await as(people.lead, `${ENTITIES}/checkout-web`).get('/score')).body;
      // Tier 3's default profile: Threat Assessment 1.15 × 15 / 21.71.
      expect(tier3.practiceTargets['D-TA'].target).toBeCloseTo((1.15 * 15) / 21.71, DIGITS);
      expect(tier3.percentToTarget).toBe(0);

      // The configuration says the same.
      const config = (await as(people.owner).plugin('/config')).body;
      expect(config.tiers[0].targetProfile.practices['D-TA']).toBe(2);
      expect(config.tiers[0].targetScore).toBeCloseTo(16 / 15, 12); // not stored
    }); // prettier-ignore

    it('pool gaps and targets over the components of a group, for the heatmap', async () => {
      const { as } = await setUp(databaseId);
      const overview = (await as(people.lead).plugin('/org/overview')).body;
      const payments = overview.groups.find((g: any) => g.ref === 'group:default/payments-team');
      // payments-api (targets 16, gaps 13.5) and checkout-web (targets 15,
      // gaps 15): 100 × (1 − 28.5 / 31) = 8.06 %. The two components
      // without intake have no target and do not count.
      expect(payments.percentToTarget).toBeCloseTo(100 * (1 - 28.5 / 31), PERCENT_DIGITS);
      expect(overview.percentToTarget).toBeCloseTo(100 * (1 - 28.5 / 31), PERCENT_DIGITS);
      // Threat Assessment: targets 2 and 1.15 × 15 / 21.71 = 0.7946, gaps
      // 0.5 and 0.7946: means 1.3973 and 0.6473, and 1 − 1.2946 / 2.7946.
      const tier3 = (1.15 * 15) / 21.71;
      const ta = payments.practiceTargets['D-TA'];
      expect(ta.target).toBeCloseTo((2 + tier3) / 2, DIGITS);
      expect(ta.gap).toBeCloseTo((0.5 + tier3) / 2, DIGITS);
      expect(ta.percentToTarget).toBeCloseTo(100 * (1 - (0.5 + tier3) / (2 + tier3)), PERCENT_DIGITS); // 53.7
      // A group with no tiered component has no gap row.
      const identity = overview.groups.find((g: any) => g.ref === 'group:default/identity-team');
      expect(identity.practiceTargets).toBeNull();
      expect(identity.percentToTarget).toBeNull();
      expect(overview.progress).toBeUndefined();
    }); // prettier-ignore

    it('measure progress since a day from the daily snapshots', async () => {
      const { as, knex } = await setUp(databaseId);
      const since = isoDayBefore(45);
      // payments-api stood at Threat Assessment 0.5 and Strategy & Metrics
      // 1 sixty days ago (overall (1/3 + 0.5/3) / 5 = 0.1); forty days ago,
      // after the day asked for, it stood higher: not its baseline.
      // checkout-web was first scored thirty days ago, at 0.
      await knex('score_snapshots').insert([
        snapshot('payments-api', isoDayBefore(60), { 'D-TA': 0.5, 'G-SM': 1 }),
        snapshot('payments-api', isoDayBefore(40), { 'D-TA': 3, 'G-SM': 3, 'I-SB': 3 }),
        snapshot('checkout-web', isoDayBefore(30), {}),
      ]);
      const overview = await as(people.lead).plugin(`/org/overview?owner=${PAYMENTS}&since=${since}`);
      expect(overview.status).toBe(200);
      const { progress } = overview.body;
      expect(progress).toMatchObject({ since, components: 2 });
      // Overall: then (0.1 + 0) / 2 = 0.05, now (7/30 + 0) / 2 = 0.1167,
      // where 7/30 is payments-api's (G 2/3 + D 0.5) / 5.
      expect(progress.overall.baseline).toBeCloseTo(0.05, DIGITS);
      expect(progress.overall.current).toBeCloseTo(7 / 60, DIGITS);
      expect(progress.overall.change).toBeCloseTo(1 / 15, DIGITS);
      // Threat Assessment: (0.5 + 0) / 2 = 0.25 then, (1.5 + 0) / 2 now.
      expect(progress.practices['D-TA']).toEqual({ baseline: 0.25, current: 0.75, change: 0.5 });
      expect(progress.practices['I-SB']).toEqual({ baseline: 0, current: 0, change: 0 });
      // SAMM's progress to date: (Σ now − Σ then) / (Σ target − Σ then) =
      // (7/30 − 0.1) / (16/15 + 1 − 0.1) = 4/59 = 6.78 %.
      expect(progress.progressToTarget).toBeCloseTo((100 * 4) / 59, PERCENT_DIGITS);
      // Each rollup has its own: the squad's one component has not moved.
      const squad = overview.body.groups.find((g: any) => g.ref === 'group:default/checkout-squad');
      expect(squad.progress).toMatchObject({ components: 1, overall: { baseline: 0, current: 0, change: 0 } });

      // The Payments team's own view says the same.
      const team = await as(people.lead).plugin(`/org/units/group/default/payments-team/overview?since=${since}`);
      expect(team.body.progress).toEqual(progress);

      // A day that is no day is refused.
      const bad = await as(people.lead).plugin('/org/overview?since=2026-02-30');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/since/);
      expect((await as(people.lead).plugin('/org/overview?since=yesterday')).status).toBe(400);
    }); // prettier-ignore

    it('stop the backend at start on a target for an unknown practice', async () => {
      await expect(
        startBackend(databases, databaseId, [
          mockServices.rootConfig.factory({
            data: {
              securityMaturity: {
                tiers: [
                  { id: '1', title: 'Tier 1', targetScore: 2, practiceTargets: { 'D-XX': 2 } },
                  ...tiers.slice(1),
                ],
              },
            },
          }),
        ]),
      ).rejects.toThrow(/tier '1' targets unknown SAMM practice 'D-XX'/);
    }); // prettier-ignore
  },
);

/** A stored daily snapshot with these practice scores, the rest 0. */
function snapshot(name: string, day: string, practices: Record<string, number>) {
  const all = { ...every(0), ...practices };
  const fn = (id: string) =>
    SAMM_PRACTICES.filter(p => p.functionId === id).reduce((s, p) => s + all[p.id], 0) / 3;
  const functions = { G: fn('G'), D: fn('D'), I: fn('I'), V: fn('V'), O: fn('O') };
  return {
    entity_ref: `component:default/${name}`,
    day,
    overall: Object.values(functions).reduce((a, b) => a + b, 0) / 5,
    functions: JSON.stringify(functions),
    practices: JSON.stringify(all),
    fn_g: functions.G,
    fn_d: functions.D,
    fn_i: functions.I,
    fn_v: functions.V,
    fn_o: functions.O,
    ...Object.fromEntries(
      SAMM_PRACTICES.map(p => [`p_${p.id.toLowerCase().replace('-', '_')}`, all[p.id]]),
    ),
  };
} // prettier-ignore
