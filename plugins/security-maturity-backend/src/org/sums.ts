import {
  OrgRollup,
  SAMM_FUNCTION_IDS,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ScoreSums } from '../database/org/OrgReadModel';
import { perFunction } from '../database/org/scoreQueries';

/** Sums of one slice of components, from which rollups derive means. */
export type Sums = ScoreSums;

export const emptySums = (): Sums => ({
  components: 0,
  overall: 0,
  percent: 0,
  withTarget: 0,
  belowTarget: 0,
  functions: perFunction(() => 0),
  practices: Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, 0])),
});

/** Adds the sums of one slice into another. */
export function addSums(into: Sums, s: Sums): void {
  into.components += s.components;
  into.overall += s.overall;
  into.percent += s.percent;
  into.withTarget += s.withTarget;
  into.belowTarget += s.belowTarget;
  for (const f of SAMM_FUNCTION_IDS) into.functions[f] += s.functions[f];
  for (const [k, v] of Object.entries(s.practices)) into.practices[k] += v;
}

/** The means of a slice: what the rollups and the headline show. */
export type Means = Omit<OrgRollup, 'ref' | 'title' | 'parentRef' | 'depth'>;

/**
 * Means per component; the percent to target over the components that have a
 * target only (null when none has one). An empty slice has means of 0.
 */
export function means(s: Sums): Means {
  const mean = (v: number) => (s.components ? v / s.components : 0);
  return {
    components: s.components,
    overall: mean(s.overall),
    percentToTarget: s.withTarget ? s.percent / s.withTarget : null,
    belowTarget: s.belowTarget,
    functions: perFunction(f => mean(s.functions[f])),
    practices: Object.fromEntries(
      SAMM_PRACTICES.map(p => [p.id, mean(s.practices[p.id])]),
    ),
  };
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
