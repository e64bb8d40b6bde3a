import fc from 'fast-check';
import { SAMM_ANSWER_VALUES, scoreSamm, scoreSammValues } from './score';
import { SAMM_ACTIVITY_IDS } from './structure';

const answers = fc.dictionary(
  fc.constantFrom(...SAMM_ACTIVITY_IDS),
  fc.constantFrom(...SAMM_ANSWER_VALUES),
);

describe('scoreSamm properties', () => {
  it('keeps every score within its range', () => {
    fc.assert(
      fc.property(answers, a => {
        const s = scoreSamm(a);
        const inRange = (v: number, max: number) => v >= 0 && v <= max;
        return (
          inRange(s.overall, 3) &&
          Object.values(s.functions).every(v => inRange(v, 3)) &&
          Object.values(s.practices).every(v => inRange(v, 3)) &&
          Object.values(s.levels).every(v => inRange(v, 1))
        );
      }),
    );
  });

  it('is deterministic and independent of answer order', () => {
    fc.assert(
      fc.property(answers, a => {
        const reversed = Object.fromEntries(Object.entries(a).reverse());
        expect(scoreSamm(reversed)).toEqual(scoreSamm(a));
      }),
    );
  });

  it('gives the same result on the fast path', () => {
    fc.assert(
      fc.property(answers, a => {
        const values = SAMM_ACTIVITY_IDS.map(id => a[id] ?? 0);
        expect(scoreSammValues(values)).toEqual(scoreSamm(a));
      }),
    );
  });

  it('never falls when one answer rises', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(...SAMM_ACTIVITY_IDS), (a, id) => {
        const current = a[id] ?? 0;
        const higher = SAMM_ANSWER_VALUES.filter(v => v > current);
        if (higher.length === 0) return true;
        const before = scoreSamm(a);
        const after = scoreSamm({ ...a, [id]: higher[0] });
        const practice = id.slice(0, 4);
        return (
          after.overall > before.overall &&
          after.functions[id[0]] > before.functions[id[0]] &&
          after.practices[practice] > before.practices[practice]
        );
      }),
    );
  });
});
