import { EntityScore } from '@secmat/backstage-plugin-security-maturity-common';
import { scoreEvent } from './SecurityNotifier';

const score = (overall: number, target: number | null) =>
  ({ overall, target } as EntityScore);
const fell = (before: EntityScore | undefined, after: EntityScore) =>
  scoreEvent({
    entityRef: 'component:default/a',
    actor: 'user:default/a',
    at: new Date('2026-12-01T00:00:00Z'),
    before,
    after,
  })?.details;

describe('scoreEvent', () => {
  it('announces a fall below the tier target, once', () => {
    expect(fell(score(1.2, 1), score(0.9, 1))).toEqual({
      overall: 0.9,
      target: 1,
    });
    // Already below: not announced again by the next edit.
    expect(fell(score(0.9, 1), score(0.8, 1))).toBeUndefined();
  });

  it('announces a stricter tier that leaves the score short', () => {
    expect(fell(score(1.5, 1), score(1.5, 2))).toEqual({
      overall: 1.5,
      target: 2,
    });
  });

  it('does not call a first classification or a rise a fall', () => {
    expect(fell(undefined, score(0, 1))).toBeUndefined();
    expect(fell(score(0, null), score(0, 1))).toBeUndefined();
    expect(fell(score(0.5, 1), score(1, 1))).toBeUndefined();
  });
});
