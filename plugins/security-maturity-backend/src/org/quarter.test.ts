import { quarterRange } from './quarter';

describe('quarterRange', () => {
  it('spans the first day of the quarter to the first day of the next, UTC', () => {
    expect(quarterRange('2026-Q1')).toEqual({
      label: '2026-Q1',
      start: new Date('2026-01-01T00:00:00.000Z'),
      end: new Date('2026-04-01T00:00:00.000Z'),
      startDay: '2026-01-01',
      endDay: '2026-04-01',
    });
    expect(quarterRange('2026-Q2')).toMatchObject({
      startDay: '2026-04-01',
      endDay: '2026-07-01',
    });
    expect(quarterRange('2026-Q3')).toMatchObject({
      startDay: '2026-07-01',
      endDay: '2026-10-01',
    });
  });

  it('ends the fourth quarter on the first of January of the next year', () => {
    const q4 = quarterRange('2026-Q4');
    expect(q4.start.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(q4.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(q4.endDay).toBe('2027-01-01');
  });

  it('includes leap days in a first quarter', () => {
    const q1 = quarterRange('2028-Q1');
    const days = (q1.end.getTime() - q1.start.getTime()) / 86_400_000;
    expect(days).toBe(31 + 29 + 31);
  });
});
