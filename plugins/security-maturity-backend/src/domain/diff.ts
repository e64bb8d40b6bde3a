/** Fields that history rows carry themselves (who and when). */
const IGNORED = new Set([
  'version',
  'updatedAt',
  'updatedBy',
  'answeredAt',
  'answeredBy',
]);

/** The changed fields between two versions of a record, for history rows. */
export function diff(
  before: object | undefined,
  after: object,
): Record<string, { from: unknown; to: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys({ ...b, ...a })) {
    if (IGNORED.has(key)) continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      changes[key] = { from: b[key] ?? null, to: a[key] ?? null };
    }
  }
  return changes;
}
