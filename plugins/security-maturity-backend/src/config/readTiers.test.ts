import { ConfigReader } from '@backstage/config';
import {
  sammOverallOf,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { readWorkflowConfig } from './readWorkflowConfig';

const tiersOf = (tiers: object[]) =>
  readWorkflowConfig(
    new ConfigReader({
      securityMaturity: {
        tiers,
        // Stages and rules name the tiers; keep them to tier 1.
        tierRules: [{ tier: 'gold', reason: 'Everything' }],
        stages: [
          {
            id: 'threat-modeling',
            title: 'TM',
            exitCriteria: [{ id: 'a', title: 'A' }],
            signOffActivityId: 'threat-modeling',
            requiredForTiers: ['gold'],
          },
        ],
      },
    }),
  ).tiers;

const every = (value: number) =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, value]));

describe('tier targets in the configuration', () => {
  it('default to profiles in the proportions of the OWASP SAMM benchmark', () => {
    const [one, two, three] = readWorkflowConfig(new ConfigReader({})).tiers;
    expect([one.targetScore, two.targetScore, three.targetScore]).toEqual([2, 1.5, 1]);
    // Tier 1: 15 × 2 = 30 over the benchmark practices' 21.71.
    expect(one.targetProfile.practices['D-TA']).toBeCloseTo((1.15 * 30) / 21.71, 12); // 1.5891
    expect(one.targetProfile.practices['O-IM']).toBeCloseTo((1.81 * 30) / 21.71, 12); // 2.5012
    // Tier 3: 15 over 21.71.
    expect(three.targetProfile.practices['V-RT']).toBeCloseTo((1.02 * 15) / 21.71, 12); // 0.7047
    for (const tier of [one, two, three]) {
      expect(sammOverallOf(tier.targetProfile.practices)).toBeCloseTo(tier.targetScore, 12);
    }
  }); // prettier-ignore

  it('keep a configuration with a target score only working', () => {
    const [gold] = tiersOf([{ id: 'gold', title: 'Gold', targetScore: 2.5 }]);
    expect(gold.targetScore).toBe(2.5);
    expect(sammOverallOf(gold.targetProfile.practices)).toBeCloseTo(2.5, 12);
    expect(gold.targetProfile.streams).toEqual({});
  });

  it('take targeted practices and streams as given, the rest from the benchmark', () => {
    const [gold] = tiersOf([
      {
        id: 'gold',
        title: 'Gold',
        targetScore: 2,
        practiceTargets: { 'D-TA': 3, 'i-sb': { A: 2.5, B: 1.5 } },
      },
    ]);
    const { practices, streams } = gold.targetProfile;
    expect(practices['D-TA']).toBe(3);
    expect(practices['I-SB']).toBe(2);
    expect(streams).toEqual({ 'I-SB-A': 2.5, 'I-SB-B': 1.5 });
    // 30 − 3 − 2 = 25 over the others' 21.71 − 1.15 − 1.46 = 19.1.
    expect(practices['G-SM']).toBeCloseTo((1.23 * 25) / 19.1, 12); // 1.6099
    expect(sammOverallOf(practices)).toBeCloseTo(2, 12);
  });

  it('take the overall target from a complete profile', () => {
    // Design (3 + 3 + 3) / 3 = 3, the other four functions 1.5:
    // (3 + 4 × 1.5) / 5 = 1.8.
    const [gold] = tiersOf([
      {
        id: 'gold',
        title: 'Gold',
        practiceTargets: { ...every(1.5), 'D-TA': 3, 'D-SR': 3, 'D-SA': 3 },
      },
    ]);
    expect(gold.targetScore).toBeCloseTo(1.8, 12);
  });

  it.each([
    [{ targetScore: 2, practiceTargets: { 'X-YZ': 1 } }, /^securityMaturity: tier 'gold' targets unknown SAMM practice 'X-YZ' \(the practices are G-SM, G-PC/],
    [{ targetScore: 2, practiceTargets: { 'D-TA': 3.5 } }, "securityMaturity: tier 'gold' practice target D-TA is 3.5; SAMM targets are 0 to 3"],
    [{ targetScore: 2, practiceTargets: { 'D-TA': -1 } }, "securityMaturity: tier 'gold' practice target D-TA is -1; SAMM targets are 0 to 3"],
    [{ targetScore: 4 }, "securityMaturity: tier 'gold' targetScore is 4; SAMM targets are 0 to 3"],
    [{ targetScore: 2, practiceTargets: { 'I-SB': { A: 2 } } }, "securityMaturity: tier 'gold' practice target I-SB per stream needs exactly A and B, got A"],
    [{ targetScore: 2, practiceTargets: { 'I-SB': { A: 2, B: 4 } } }, "securityMaturity: tier 'gold' practice target I-SB stream B is 4; SAMM targets are 0 to 3"],
    [{ practiceTargets: { 'D-TA': 2 } }, /^securityMaturity: tier 'gold' needs a targetScore, or targets for all 15 practices/],
    [{ targetScore: 2, practiceTargets: every(1) }, "securityMaturity: tier 'gold' targetScore 2 disagrees with its practice targets, whose overall is 1.00 by the SAMM formula: leave targetScore out or make them agree"],
    [{ targetScore: 0.1, practiceTargets: { 'D-TA': 3 } }, /^securityMaturity: tier 'gold' the practices it targets already give an overall of 0.20/],
    [{}, /^securityMaturity: tier 'gold' needs a targetScore/],
  ])('stop the backend at start on %j', (tier, message) => {
    expect(() => tiersOf([{ id: 'gold', title: 'Gold', ...tier }])).toThrow(message);
  }); // prettier-ignore
});
