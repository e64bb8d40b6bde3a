import {
  findInputProblem,
  isIsoDate,
  isIsoDateTime,
  numberProblem,
  textProblem,
} from './inputRules';

describe('input rules', () => {
  it('takes real calendar days only', () => {
    for (const ok of ['2026-12-31', '2028-02-29', '2000-02-29', '2027-04-30']) {
      expect(isIsoDate(ok)).toBe(true);
    }
    for (const bad of [
      '2027-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-04-31',
      '2026-1-1',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('takes RFC 3339 date-times with hours 0-23 and no leap second', () => {
    for (const ok of [
      '2027-01-15T00:00:00Z',
      '2027-01-15T23:59:59.999Z',
      '2027-01-15T10:00:00+02:00',
      '2028-02-29T12:00:00-05:30',
    ]) {
      expect(isIsoDateTime(ok)).toBe(true);
    }
    for (const bad of [
      '2026-12-22T25:00:00Z',
      '2026-12-22T24:00:00Z',
      '2027-02-30T00:00:00Z',
      '2026-12-31T23:59:60Z',
      '2027-01-10T10:60:00Z',
      '2027-01-10T10:00:00+24:00',
      '2027-01-10T10:00:00',
      '2027-01-10',
      '2027-01-10t10:00:00z',
    ]) {
      expect(isIsoDateTime(bad)).toBe(false);
    }
  });

  it('refuses control characters and broken text, line breaks only in single lines', () => {
    for (const bad of [
      'a\u0000b',
      'bell\u0007',
      'esc\u001b[2J',
      'del\u007f',
      'c1\u0085',
      'half\ud800',
      '\udc00x',
    ]) {
      expect(textProblem(bad)).toBeDefined();
    }
    expect(textProblem('line 1\nline 2\r\n\tindented')).toBeUndefined();
    expect(textProblem('Grüße 😀')).toBeUndefined();
    expect(textProblem('two\nlines', { singleLine: true })).toBe(
      'must be a single line without tabs',
    );
  });

  it('refuses numbers JSON cannot carry exactly', () => {
    expect(numberProblem(Infinity)).toBeDefined();
    expect(numberProblem(NaN)).toBeDefined();
    expect(numberProblem(1e20)).toBeDefined();
    expect(numberProblem(2 ** 31)).toBeUndefined();
    expect(numberProblem(0.25)).toBeUndefined();
  });

  it('names the field of the first refused value, titles as single lines', () => {
    expect(
      findInputProblem({
        notes: 'fine\nmulti-line',
        checklist: [{ evidence: [{ title: 'ok' }, { title: 'a\nb' }] }],
      }),
    ).toEqual({
      field: 'checklist[0].evidence[1].title',
      problem: 'must be a single line without tabs',
    });
    expect(findInputProblem({ findings: ['ok', 'x\u0000'] })).toEqual({
      field: 'findings[1]',
      problem: 'must not contain control characters',
    });
    expect(findInputProblem({ 'k\u0000': 1 })?.problem).toMatch(/^name /);
    expect(findInputProblem({ version: Infinity })?.field).toBe('version');
    expect(findInputProblem({ notes: 'fine', version: 3 })).toBeUndefined();
  });
});
