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
    const into = slice(2, 1, { percent: 120, withTarget: 2, belowTarget: 1 });
    const other = slice(1, 3, { percent: 50, withTarget: 1 });
    addSums(into, other);
    expect(into).toMatchObject({
      components: 3,
      overall: 5,
      percent: 170,
      withTarget: 3,
      belowTarget: 1,
      functions: { G: 5, D: 5, I: 5, V: 5, O: 5 },
    });
    expect(into.practices['G-SM']).toBe(5);
    expect(other.components).toBe(1);
  });

  it('give means per component, the percent over components with a target', () => {
    const m = means(slice(4, 1.5, { percent: 150, withTarget: 2 }));
    expect(m.components).toBe(4);
    expect(m.overall).toBe(1.5);
    expect(m.functions.V).toBe(1.5);
    expect(m.practices['O-EM']).toBe(1.5);
    // 150 percent points over the 2 components that have a target.
    expect(m.percentToTarget).toBe(75);
  });

  it('give zero means for an empty slice, and no percent without targets', () => {
    const m = means(emptySums());
    expect(m.overall).toBe(0);
    expect(m.functions.G).toBe(0);
    expect(m.percentToTarget).toBeNull();
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
