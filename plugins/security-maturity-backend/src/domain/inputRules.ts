/**
 * What the plugin accepts as input, wherever it comes from (REST bodies,
 * query and path parameters, action inputs). Plain functions with no
 * framework import: the HTTP layer and the actions registry both apply them
 * before anything reaches a service.
 *
 * - Dates are real calendar days (`YYYY-MM-DD`, no 30 February, no
 *   29 February outside leap years); date-times are RFC 3339 with such a
 *   day, hours 00-23, minutes and seconds 00-59 (no leap second `:60`), an
 *   optional fraction and a `Z` or `±hh:mm` offset.
 * - Text never holds NUL, other C0 control characters, DEL, C1 control
 *   characters or half a UTF-16 surrogate pair. Tab, line feed and carriage
 *   return are fine in body text (notes, justifications and other
 *   multi-line fields), but not in single-line values: query and path
 *   parameters, titles and release names.
 * - Numbers are finite and, when whole, safe integers.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function isLeapYear(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isCalendarDay(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    isLeapYear(year) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1];
}

/** A real calendar day as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  return (
    Boolean(m) && isCalendarDay(Number(m![1]), Number(m![2]), Number(m![3]))
  );
}

/** An RFC 3339 date-time on a real day, hours 0-23, no leap second. */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  return (
    isCalendarDay(Number(y), Number(mo), Number(d)) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    (oh === undefined || (Number(oh) <= 23 && Number(om) <= 59))
  );
}

// C0 controls but tab, LF and CR; DEL; C1 controls; lone surrogates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/** Body fields that hold one line of text, whatever object they are in. */
export const SINGLE_LINE_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'release',
]);

/** Why this text is refused, or undefined when it is fine. */
export function textProblem(
  value: string,
  options: { singleLine?: boolean } = {},
): string | undefined {
  if (CONTROL.test(value)) {
    return 'must not contain control characters';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'must be valid Unicode text';
  }
  if (options.singleLine && LINE_BREAK_OR_TAB.test(value)) {
    return 'must be a single line without tabs';
  }
  return undefined;
}

/** Why this number is refused, or undefined when it is fine. */
export function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return 'is too large';
  }
  return undefined;
}

/**
 * The first refused value in a JSON-like input (keys included), with the
 * field it is in (`checklist[0].evidence[1].title`), or undefined.
 * `singleLine` makes every string a single line (query and path values);
 * otherwise only the SINGLE_LINE_FIELDS are.
 */
export function findInputProblem(
  value: unknown,
  field = '',
  singleLine = false,
): { field: string; problem: string } | undefined {
  if (typeof value === 'string') {
    const key = field.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
    const problem = textProblem(value, {
      singleLine: singleLine || SINGLE_LINE_FIELDS.has(key),
    });
    return problem ? { field, problem } : undefined;
  }
  if (typeof value === 'number') {
    const problem = numberProblem(value);
    return problem ? { field, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInputProblem(value[i], `${field}[${i}]`, singleLine);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const name = field ? `${field}.${key}` : key;
      const keyProblem = textProblem(key, { singleLine: true });
      if (keyProblem) return { field: name, problem: `name ${keyProblem}` };
      const found = findInputProblem(item, name, singleLine);
      if (found) return found;
    }
  }
  return undefined;
}

/** A field name safe to quote in a message (control characters escaped). */
export function printableField(field: string): string {
  return JSON.stringify(field).slice(1, -1);
}
