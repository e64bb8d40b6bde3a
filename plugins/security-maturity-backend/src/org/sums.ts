import {
  OrgRollup,
  percentToTargetOf,
  SAMM_FUNCTION_IDS,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ScoreSums } from '../database/org/OrgReadModel';
import { perFunction } from '../database/org/scoreQueries';

/** Sums of one slice of components, from which rollups derive means. */
export type Sums = ScoreSums;

const perPractice = (value: (id: string) => number) =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, value(p.id)]));

export const emptySums = (): Sums => ({
  components: 0,
  overall: 0,
  withTarget: 0,
  belowTarget: 0,
  functions: perFunction(() => 0),
  practices: perPractice(() => 0),
  targets: perPractice(() => 0),
  gaps: perPractice(() => 0),
});

/** Adds the sums of one slice into another. */
export function addSums(into: Sums, s: Sums): void {
  into.components += s.components;
  into.overall += s.overall;
  into.withTarget += s.withTarget;
  into.belowTarget += s.belowTarget;
  for (const f of SAMM_FUNCTION_IDS) into.functions[f] += s.functions[f];
  for (const p of SAMM_PRACTICES) {
    into.practices[p.id] += s.practices[p.id];
    into.targets[p.id] += s.targets[p.id];
    into.gaps[p.id] += s.gaps[p.id];
  }
}

/** The means of a slice: what the rollups and the headline show. */
export type Means = Omit<
  OrgRollup,
  'ref' | 'title' | 'parentRef' | 'depth' | 'progress'
>;

const total = (values: Record<string, number>) =>
  Object.values(values).reduce((a, b) => a + b, 0);

/**
 * Means per component. Against targets, only the components that have one
 * count (null when none has): per practice the mean target and gap, and
 * OWASP SAMM's percent to target over all their gaps and targets pooled,
 * 1 − Σ gaps / Σ targets, overall and per practice. Pooled rather than a
 * mean of the components' percents, so that a component with a higher
 * target (a more critical tier) weighs more, as its gaps do in SAMM's sums.
 * An empty slice has means of 0.
 */
export function means(s: Sums): Means {
  const mean = (v: number) => (s.components ? v / s.components : 0);
  const withTarget = s.withTarget > 0;
  return {
    components: s.components,
    overall: mean(s.overall),
    percentToTarget: withTarget
      ? percentToTargetOf(total(s.gaps), total(s.targets))
      : null,
    belowTarget: s.belowTarget,
    functions: perFunction(f => mean(s.functions[f])),
    practices: perPractice(id => mean(s.practices[id])),
    practiceTargets: withTarget
      ? Object.fromEntries(
          SAMM_PRACTICES.map(({ id }) => [
            id,
            {
              target: s.targets[id] / s.withTarget,
              gap: s.gaps[id] / s.withTarget,
              percentToTarget: percentToTargetOf(s.gaps[id], s.targets[id]),
            },
          ]),
        )
      : null,
  };
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
