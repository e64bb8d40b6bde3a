// History rows keep what changed as JSON the backend wrote: mostly
// `{ field: { from, to } }`, for some actions plain values (what was
// requested). Both read as text lines; React escapes them, so nothing a
// record holds is ever rendered as HTML.

const isFromTo = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  'from' in value &&
  'to' in value;

const isChecklist = (
  value: unknown,
): value is Array<{ criterionId: string; done: boolean }> =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(v => typeof v === 'object' && v !== null && 'criterionId' in v);

/**
 * A value of a history row as text: lists of names joined, an exit-criteria
 * checklist as the criteria done, the rest as JSON.
 */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (isChecklist(value)) {
    const done = value.filter(c => c.done).map(c => c.criterionId);
    return `${done.length} of ${value.length} done${
      done.length ? ` (${done.join(', ')})` : ''
    }`;
  }
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
    return value.length > 0 ? value.join(', ') : 'none';
  }
  return JSON.stringify(value);
}

/** One line a changed field: "field: before → after", or "field: value". */
export const formatChanges = (changes: Record<string, unknown>): string[] =>
  Object.entries(changes).map(([field, value]) =>
    isFromTo(value)
      ? `${field}: ${valueText(value.from)} → ${valueText(value.to)}`
      : `${field}: ${valueText(value)}`,
  );
