import { InputError } from '@backstage/errors';
import {
  OrgProgress,
  SAMM_PRACTICES,
  ScoreChange,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  OwnerSystemProgress,
  ProgressSums,
} from '../database/org/OrgReadModel';

const perPractice = <T>(value: (id: string) => T): Record<string, T> =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, value(p.id)]));

export const emptyProgressSums = (): ProgressSums => ({
  components: 0,
  baseline: { overall: 0, practices: perPractice(() => 0) },
  current: { overall: 0, practices: perPractice(() => 0) },
  withTarget: { target: 0, baseline: 0, current: 0 },
});

/** Adds the progress sums of one slice into another. */
export function addProgressSums(into: ProgressSums, s: ProgressSums): void {
  into.components += s.components;
  for (const at of ['baseline', 'current'] as const) {
    into[at].overall += s[at].overall;
    for (const p of SAMM_PRACTICES) {
      into[at].practices[p.id] += s[at].practices[p.id];
    }
  }
  into.withTarget.target += s.withTarget.target;
  into.withTarget.baseline += s.withTarget.baseline;
  into.withTarget.current += s.withTarget.current;
}

/** Per owner, or per system, the sums of per-owner-and-system rows. */
export function progressBy(
  rows: OwnerSystemProgress[],
  by: 'owner' | 'system',
): Map<string | null, ProgressSums> {
  const out = new Map<string | null, ProgressSums>();
  for (const row of rows) {
    const key = by === 'owner' ? row.ownerRef : row.systemRef;
    const into = out.get(key) ?? emptyProgressSums();
    addProgressSums(into, row.sums);
    out.set(key, into);
  }
  return out;
}

/**
 * OWASP SAMM's progress to date of a slice since a day: the mean overall and
 * practice scores at the baseline and now, and (Σ current − Σ baseline) /
 * (Σ target − Σ baseline) over the components with a target, in percent.
 * Null where no target lies above the baseline: nothing was left to do.
 */
export function toProgress(s: ProgressSums, since: string): OrgProgress {
  const mean = (v: number) => (s.components ? v / s.components : 0);
  const change = (baseline: number, current: number): ScoreChange => ({
    baseline: mean(baseline),
    current: mean(current),
    change: mean(current) - mean(baseline),
  });
  const { target, baseline, current } = s.withTarget;
  const room = target - baseline;
  return {
    since,
    components: s.components,
    overall: change(s.baseline.overall, s.current.overall),
    practices: perPractice(id =>
      change(s.baseline.practices[id], s.current.practices[id]),
    ),
    progressToTarget: room > 1e-9 ? (100 * (current - baseline)) / room : null,
  };
}

/**
 * The `since` of a request: a calendar day, `YYYY-MM-DD` (the spec checks
 * the shape; this, that the day exists).
 */
export function readSinceDay(since: string): string {
  const time = Date.parse(`${since}T00:00:00Z`);
  if (
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== since
  ) {
    throw new InputError(`since must be a day, YYYY-MM-DD; got '${since}'`);
  }
  return since;
}
