import { addSums, emptySums, means, median } from './sums';
import { slice } from './__testUtils__/fixtures';

describe('sums', () => {
  it('start at zero for every function and practice', () => {
    const s = emptySums();
    expect(s.components).toBe(0);
    expect(s.functions).toEqual({ G: 0, D: 0, I: 0, V: 0, O: 0 });
    expect(Object.keys(s.practices)).toHaveLength(15);
    expect(Object.values(s.practices).every(v => v === 0)).toBe(true);
  });

  it('add up every field, leaving the added slice alone', () => {
    const into = slice(2, 1, { withTarget: 2, belowTarget: 1, target: 2, gap: 1 });
    const other = slice(1, 3, { withTarget: 1, target: 2, gap: 0 });
    addSums(into, other);
    expect(into).toMatchObject({
      components: 3,
      overall: 5,
      withTarget: 3,
      belowTarget: 1,
      functions: { G: 5, D: 5, I: 5, V: 5, O: 5 },
    });
    expect(into.practices['G-SM']).toBe(5);
    expect(into.targets['G-SM']).toBe(6);
    expect(into.gaps['O-OM']).toBe(2);
    expect(other.components).toBe(1);
  }); // prettier-ignore

  it('give means per component, and SAMM percent to target pooled over the components with a target', () => {
    // Four components: a tier-1 one (target 2, 1.5 short in every practice),
    // a tier-3 one (target 1, reached), two without a tier.
    const s = slice(1, 0.5, { withTarget: 1, target: 2, gap: 1.5 });
    addSums(s, slice(1, 1, { withTarget: 1, target: 1, gap: 0 }));
    addSums(s, slice(2, 1));
    const m = means(s);
    expect(m.components).toBe(4);
    expect(m.overall).toBe((0.5 + 1 + 2) / 4);
    expect(m.functions.V).toBe((0.5 + 1 + 2) / 4);
    // 15 × 1.5 = 22.5 short of 15 × (2 + 1) = 45: 1 − 22.5 / 45 = 50 %. The
    // tier-1 component weighs twice: the mean of 25 % and 100 % would be 62.5.
    expect(m.percentToTarget).toBe(50);
    // Per practice: the mean target and gap of the two with a target.
    expect(m.practiceTargets?.['D-TA']).toEqual({ target: 1.5, gap: 0.75, percentToTarget: 50 });
  }); // prettier-ignore

  it('give zero means for an empty slice, and nothing against targets without them', () => {
    const m = means(emptySums());
    expect(m.overall).toBe(0);
    expect(m.functions.G).toBe(0);
    expect(m.percentToTarget).toBeNull();
    expect(m.practiceTargets).toBeNull();
    expect(means(slice(3, 2)).percentToTarget).toBeNull();
  });
});

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3, 3, 1, 10, 2])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1])).toBe(2.5);
    expect(median([10, 2, 8, 4])).toBe(6);
  });

  it('sorts numerically, not as text, and leaves the input alone', () => {
    const values = [10, 9, 100];
    expect(median(values)).toBe(10);
    expect(values).toEqual([10, 9, 100]);
  });
});
