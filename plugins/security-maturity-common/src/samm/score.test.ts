import { scoreSamm } from './score';
import { SAMM_ACTIVITY_IDS, SAMM_PRACTICES } from './structure';

const all = (value: number) =>
  Object.fromEntries(SAMM_ACTIVITY_IDS.map(id => [id, value]));

describe('scoreSamm (OWASP SAMM toolbox formula)', () => {
  it('scores nothing answered as 0 everywhere', () => {
    const scores = scoreSamm({});
    expect(scores.overall).toBe(0);
    expect(Object.keys(scores.functions)).toEqual(['G', 'D', 'I', 'V', 'O']);
    expect(Object.keys(scores.practices)).toHaveLength(15);
    expect(Object.keys(scores.levels)).toHaveLength(45);
    expect(Object.values(scores.practices).every(v => v === 0)).toBe(true);
  });

  it('scores every activity at 1 as 3 everywhere', () => {
    const scores = scoreSamm(all(1));
    expect(scores.overall).toBe(3);
    expect(scores.functions.O).toBe(3);
    expect(scores.practices['V-ST']).toBe(3);
    expect(scores.levels['D-TA-2']).toBe(1);
  });

  it('lets one full practice move only its function (0.2 overall)', () => {
    const answers = Object.fromEntries(
      SAMM_ACTIVITY_IDS.filter(id => id.startsWith('G-SM-')).map(id => [id, 1]),
    );
    const scores = scoreSamm(answers);
    expect(scores.practices['G-SM']).toBe(3);
    expect(scores.practices['G-PC']).toBe(0);
    expect(scores.functions.G).toBe(1);
    expect(scores.functions.D).toBe(0);
    expect(scores.overall).toBeCloseTo(0.2, 12);
  });

  it('averages streams per level and sums levels without gating (hand-checked)', () => {
    // Level 1: (1 + 0.5) / 2 = 0.75; level 2: (0 + 0.25) / 2 = 0.125;
    // level 3: (1 + 0) / 2 = 0.5 even though level 2 is weak. Practice: 1.375.
    // Function D: 1.375 / 3; overall: that / 5.
    const scores = scoreSamm({
      'D-TA-1-A': 1,
      'D-TA-1-B': 0.5,
      'D-TA-2-B': 0.25,
      'D-TA-3-A': 1,
    });
    expect(scores.levels['D-TA-1']).toBe(0.75);
    expect(scores.levels['D-TA-2']).toBe(0.125);
    expect(scores.levels['D-TA-3']).toBe(0.5);
    expect(scores.practices['D-TA']).toBe(1.375);
    expect(scores.functions.D).toBeCloseTo(1.375 / 3, 12);
    expect(scores.overall).toBeCloseTo(1.375 / 15, 12);
  });

  it('accepts the toolbox spelling of activity IDs', () => {
    expect(scoreSamm({ 'I-SB-A-2': 1 })).toEqual(scoreSamm({ 'I-SB-2-A': 1 }));
    expect(scoreSamm({ 'I-SB-A-2': 1 }).levels['I-SB-2']).toBe(0.5);
  });

  it('rejects unknown activities and answers outside 0, 0.25, 0.5, 1', () => {
    expect(() => scoreSamm({ 'G-XX-1-A': 1 })).toThrow(/Unknown SAMM activity/);
    expect(() => scoreSamm({ 'G-SM-4-A': 1 })).toThrow(/Unknown SAMM activity/);
    expect(() => scoreSamm({ 'G-SM-1-A': 0.3 })).toThrow(/must be 0, 0.25/);
  });

  it('covers the 15 practices of the model', () => {
    expect(SAMM_PRACTICES.map(p => p.id)).toEqual([
      'G-SM',
      'G-PC',
      'G-EG',
      'D-TA',
      'D-SR',
      'D-SA',
      'I-SB',
      'I-SD',
      'I-DM',
      'V-AA',
      'V-RT',
      'V-ST',
      'O-IM',
      'O-EM',
      'O-OM',
    ]);
    expect(SAMM_ACTIVITY_IDS).toHaveLength(90);
  });
});
