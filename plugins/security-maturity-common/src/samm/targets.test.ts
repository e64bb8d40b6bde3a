import { SAMM_BENCHMARK } from '../org';
import { SAMM_BUSINESS_FUNCTIONS, SAMM_PRACTICES } from './structure';
import {
  benchmarkPracticeTargets,
  resolveTargetProfile,
  sammOverallOf,
  targetFigures,
} from './targets';

const every = (value: number) =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, value]));
const sum = (values: Record<string, number>) =>
  Object.values(values).reduce((a, b) => a + b, 0);

describe('the benchmark practice averages', () => {
  it('give back the published function averages and composite', () => {
    for (const fn of SAMM_BUSINESS_FUNCTIONS) {
      const practices = fn.practices.map(p => SAMM_BENCHMARK.practices[p.id]);
      const mean = practices.reduce((a, b) => a + b, 0) / 3;
      // Verification: (1.09 + 1.02 + 1.24) / 3 = 1.1167, published as 1.12.
      expect(Math.abs(mean - SAMM_BENCHMARK.functions[fn.id as 'G'])).toBeLessThan(0.005);
    }
    // 21.71 / 15 = 1.4473; the report's 1.44 is the mean of its data sets.
    expect(sammOverallOf(SAMM_BENCHMARK.practices)).toBeCloseTo(21.71 / 15, 12);
  }); // prettier-ignore
});

describe('benchmarkPracticeTargets', () => {
  it('scales the benchmark so that the overall is the target score', () => {
    const targets = benchmarkPracticeTargets(2);
    // The 15 practices sum to 15 × 2 = 30; the benchmark's sum to 21.71:
    // each practice gets its average × 30 / 21.71 = × 1.38185.
    expect(targets['G-SM']).toBeCloseTo((1.23 * 30) / 21.71, 12); // 1.69968
    expect(targets['O-IM']).toBeCloseTo((1.81 * 30) / 21.71, 12); // 2.50115
    expect(targets['V-RT']).toBeCloseTo((1.02 * 30) / 21.71, 12); // 1.40949
    expect(sammOverallOf(targets)).toBeCloseTo(2, 12);
    // At the benchmark's own overall, the targets are its averages.
    const atBenchmark = benchmarkPracticeTargets(21.71 / 15);
    expect(atBenchmark['D-SR']).toBeCloseTo(1.675, 12);
    expect(atBenchmark['V-AA']).toBeCloseTo(1.09, 12);
  });

  it('holds practices at 3 and lets the others take up the rest', () => {
    // 2.8 × 15 = 42. The factor 42 / 21.71 = 1.93 takes Operations (1.81)
    // and D-SR, D-SA (1.675) above 3; held there, the rest (42 − 15 = 27
    // over 21.71 − 5.43 − 3.35 = 12.93, × 2.088) takes Implementation (1.46)
    // above 3 too. Held as well, G-SM, G-PC, G-EG, D-TA, V-AA, V-RT and
    // V-ST share 42 − 24 = 18 over their averages' 8.55: × 2.10526.
    const targets = benchmarkPracticeTargets(2.8);
    for (const id of ['O-IM', 'O-EM', 'O-OM', 'D-SR', 'D-SA', 'I-SB', 'I-SD', 'I-DM']) {
      expect(targets[id]).toBe(3);
    }
    expect(targets['G-SM']).toBeCloseTo((1.23 * 18) / 8.55, 12); // 2.58947
    expect(targets['G-PC']).toBeCloseTo((1.41 * 18) / 8.55, 12); // 2.96842
    expect(sammOverallOf(targets)).toBeCloseTo(2.8, 12);
    expect(benchmarkPracticeTargets(3)).toEqual(every(3));
    expect(benchmarkPracticeTargets(0)).toEqual(every(0));
  }); // prettier-ignore

  it('keeps pinned practices and shares the rest in proportion', () => {
    // 30 − 3 = 27 over the other averages' 21.71 − 1.15 = 20.56: × 1.31323.
    const targets = benchmarkPracticeTargets(2, { 'D-TA': 3 });
    expect(targets['D-TA']).toBe(3);
    expect(targets['G-SM']).toBeCloseTo((1.23 * 27) / 20.56, 12); // 1.61527
    expect(sum(targets)).toBeCloseTo(30, 12);
  });

  it('refuses pins that leave no profile with that overall', () => {
    // Alone, D-TA at 3 is 3 / 15 = 0.2 overall: above 0.1.
    expect(() => benchmarkPracticeTargets(0.1, { 'D-TA': 3 })).toThrow(
      'the practices it targets already give an overall of 0.20 with the others at 0, above targetScore 0.1',
    );
    // Governance at 0 leaves 12 practices, at most 36 of the 43.5 needed.
    expect(() =>
      benchmarkPracticeTargets(2.9, { 'G-SM': 0, 'G-PC': 0, 'G-EG': 0 }),
    ).toThrow(/targetScore 2.9 is out of reach/);
  });
});

describe('resolveTargetProfile', () => {
  it('derives the whole profile from the target score alone, as existing configs have it', () => {
    const { targetScore, profile } = resolveTargetProfile({ targetScore: 1.5 });
    expect(targetScore).toBe(1.5);
    expect(profile.practices).toEqual(benchmarkPracticeTargets(1.5));
    expect(profile.streams).toEqual({});
  });

  it('takes the overall target from a complete profile by the toolbox formula', () => {
    // Governance (3 + 2 + 2) / 3 = 2.3333, the other functions 2:
    // (2.3333 + 4 × 2) / 5 = 2.06667.
    const practices = { ...every(2), 'G-SM': 3 };
    expect(resolveTargetProfile({ practices }).targetScore).toBeCloseTo(31 / 15, 12);
    // Stated as well, it must agree to two decimals; the stated one counts.
    expect(resolveTargetProfile({ practices, targetScore: 2.07 }).targetScore).toBe(2.07);
    expect(() => resolveTargetProfile({ practices, targetScore: 2 })).toThrow(
      'targetScore 2 disagrees with its practice targets, whose overall is 2.07 by the SAMM formula: leave targetScore out or make them agree',
    );
  }); // prettier-ignore

  it('targets a practice per stream as the mean of its streams', () => {
    const { profile } = resolveTargetProfile({
      targetScore: 2,
      streams: { 'I-SB-A': 3, 'I-SB-B': 1 },
    });
    expect(profile.practices['I-SB']).toBe(2);
    expect(profile.streams).toEqual({ 'I-SB-A': 3, 'I-SB-B': 1 });
    expect(sammOverallOf(profile.practices)).toBeCloseTo(2, 12);
  });

  it('needs a target score for a partial profile', () => {
    expect(() => resolveTargetProfile({ practices: { 'D-TA': 2 } })).toThrow(
      /^needs a targetScore, or targets for all 15 practices \(missing G-SM, G-PC, G-EG, D-SR/,
    );
  });
});

describe('targetFigures (SAMM relative metrics)', () => {
  it('gives each practice its gap and percent to target, and the overall percent', () => {
    // Targets: I-SB 2, D-TA per stream (A 2, B 1: practice 1.5), the other
    // 13 practices 1. Sum of targets 13 + 2 + 1.5 = 16.5.
    const profile = {
      practices: { ...every(1), 'I-SB': 2, 'D-TA': 1.5 },
      streams: { 'D-TA-A': 2, 'D-TA-B': 1 },
    };
    const activities = [
      // D-TA stream A: 1 + 0.5 = 1.5 (gap 0.5); B: 1 + 0.5 + 0.25 = 1.75
      // (above its 1: gap 0). The practice scores (1.5 + 1.75) / 2 = 1.625,
      // above its 1.5, yet stream A is short: gap (0.5 + 0) / 2 = 0.25.
      { id: 'D-TA-1-A', value: 1 },
      { id: 'D-TA-2-A', value: 0.5 },
      { id: 'D-TA-1-B', value: 1 },
      { id: 'D-TA-2-B', value: 0.5 },
      { id: 'D-TA-3-B', value: 0.25 },
    ];
    const figures = targetFigures(profile, {
      practices: { ...every(0), 'D-TA': 1.625, 'I-SB': 1.25, 'G-SM': 1.5 },
      activities,
    });
    // I-SB: 2 − 1.25 = 0.75 short, 100 × (1 − 0.75 / 2) = 62.5 %.
    expect(figures.practices['I-SB']).toEqual({ target: 2, gap: 0.75, percentToTarget: 62.5 });
    // G-SM above its target: no gap, and no credit towards the others.
    expect(figures.practices['G-SM']).toEqual({ target: 1, gap: 0, percentToTarget: 100 });
    expect(figures.practices['D-TA']).toMatchObject({ target: 1.5, gap: 0.25 });
    expect(figures.practices['D-TA'].percentToTarget).toBeCloseTo(100 * (1 - 0.25 / 1.5), 12); // 83.33
    expect(figures.practices['D-TA'].streams).toEqual({
      A: { target: 2, score: 1.5, gap: 0.5 },
      B: { target: 1, score: 1.75, gap: 0 },
    });
    expect(figures.practices['O-OM']).toEqual({ target: 1, gap: 1, percentToTarget: 0 });
    // Gaps: 12 practices at 0 against 1, I-SB 0.75, D-TA 0.25: 13 in all.
    // 100 × (1 − 13 / 16.5) = 21.21 %.
    expect(figures.percentToTarget).toBeCloseTo(100 * (1 - 13 / 16.5), 12);
  }); // prettier-ignore

  it('counts a target of 0 as reached', () => {
    const figures = targetFigures(
      { practices: every(0), streams: {} },
      { practices: every(0), activities: [] },
    );
    expect(figures.percentToTarget).toBe(100);
    expect(figures.practices['G-SM'].percentToTarget).toBe(100);
  });
});
