import { phaseDueOn, projectRoadmap } from './roadmap';
import { resolveTargetProfile } from './samm/targets';

describe('projectRoadmap (OWASP SAMM toolbox formula per phase)', () => {
  const current = [
    { id: 'D-TA-1-A', value: 0.5 },
    { id: 'I-SB-1-B', value: 1 },
  ];
  const phases = [
    {
      items: [
        {
          activityId: 'D-TA-1-A',
          plannedAnswer: 1 as const,
          dueOn: '2027-01-31',
        },
        {
          activityId: 'D-TA-B-1',
          plannedAnswer: 0.5 as const,
          dueOn: '2027-02-28',
        },
      ],
    },
    {
      items: [
        // Lower than planned before and than now: neither lowers a score.
        {
          activityId: 'D-TA-1-A',
          plannedAnswer: 0.25 as const,
          dueOn: '2027-03-31',
        },
        {
          activityId: 'I-SB-1-B',
          plannedAnswer: 0 as const,
          dueOn: '2027-03-31',
        },
        {
          activityId: 'O-IM-3-A',
          plannedAnswer: 1 as const,
          dueOn: '2027-04-30',
        },
      ],
    },
  ];

  it('applies phases 1..n on top of the current answers, taking the max', () => {
    const [now, one, two] = projectRoadmap(current, phases);
    // Now: D-TA = (0.5 + 0) / 2 = 0.25, I-SB = (0 + 1) / 2 = 0.5;
    // D = 0.25 / 3, I = 0.5 / 3; overall = (0.75 / 3) / 5 = 0.05.
    expect(now.practices['D-TA']).toBe(0.25);
    expect(now.practices['I-SB']).toBe(0.5);
    expect(now.overall).toBeCloseTo(0.05, 12);
    // Phase 1: D-TA = (1 + 0.5) / 2 = 0.75; overall = ((0.75 + 0.5) / 3) / 5.
    expect(one.practices['D-TA']).toBe(0.75);
    expect(one.overall).toBeCloseTo(1.25 / 15, 12);
    // Phase 2: O-IM-3 = (1 + 0) / 2 = 0.5; D-TA and I-SB unchanged.
    expect(two.practices['D-TA']).toBe(0.75);
    expect(two.practices['I-SB']).toBe(0.5);
    expect(two.practices['O-IM']).toBe(0.5);
    expect(two.functions.O).toBeCloseTo(0.5 / 3, 12);
    expect(two.overall).toBeCloseTo(1.75 / 15, 12);
    expect(now.percentToTarget).toBeNull();
  });

  it('gives percent to target after each phase by the profile', () => {
    const { profile } = resolveTargetProfile({
      practices: Object.fromEntries(
        ['G-SM', 'G-PC', 'G-EG', 'D-TA', 'D-SR', 'D-SA', 'I-SB', 'I-SD', 'I-DM',
         'V-AA', 'V-RT', 'V-ST', 'O-IM', 'O-EM', 'O-OM'].map(p => [p, 1]),
      ),
    }); // prettier-ignore
    const [now, one] = projectRoadmap(current, phases, profile);
    // Σ targets 15; gaps now: D-TA 0.75, I-SB 0.5, the other 13 at 1.
    expect(now.percentToTarget).toBeCloseTo(100 * (1 - 14.25 / 15), 10);
    expect(one.percentToTarget).toBeCloseTo(100 * (1 - 13.75 / 15), 10);
    expect(one.practicePercentToTarget?.['D-TA']).toBeCloseTo(75, 10);
  });

  it('dates a phase by its latest item', () => {
    expect(phaseDueOn(phases[0].items)).toBe('2027-02-28');
    expect(phaseDueOn([])).toBeNull();
  });
});
