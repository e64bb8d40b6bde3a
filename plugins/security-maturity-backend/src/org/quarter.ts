import { Period } from '../database/org/OrgReadModel';

/** A quarter of the metrics pack: its label and its days. */
export type QuarterRange = Period & { label: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `2026-Q4` → 1 Oct 2026 (inclusive) to 1 Jan 2027 (exclusive), UTC. The
 * label is as the API's pattern (`^\d{4}-Q[1-4]$`) has checked it.
 */
export function quarterRange(label: string): QuarterRange {
  const [year, q] = label.split('-Q').map(Number);
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 1));
  return { label, start, end, startDay: isoDay(start), endDay: isoDay(end) };
}
