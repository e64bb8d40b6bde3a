import { SAMM_BENCHMARK } from '../org';
import {
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_PRACTICES,
  SAMM_STREAMS,
  SammStream,
} from './structure';

/** The top of the SAMM scale: for a stream, a practice and overall. @public */
export const SAMM_MAX_SCORE = 3;

/**
 * A tier's target profile: a target (0–3) for every SAMM practice, and for
 * the streams a profile targets on their own. A practice targeted per stream
 * has the mean of its two stream targets, as the toolbox scores a practice.
 *
 * @public
 */
export type TargetProfile = {
  /** All 15 practices: practice ID (`D-TA`) to its target. */
  practices: Record<string, number>;
  /** Stream ID (`D-TA-A`) to its target, for practices targeted per stream. */
  streams: Record<string, number>;
};

/**
 * A practice against its target, as OWASP SAMM's relative metrics measure it.
 * For an org unit: the means over its components that have a target, and the
 * percent over all their gaps and targets together.
 *
 * @public
 */
export type PracticeTarget = {
  target: number;
  /** How far the score is below the target; 0 once it is reached. */
  gap: number;
  /** 100 × (1 − gap / target); 100 for a target of 0. */
  percentToTarget: number;
  /**
   * Components only, where the profile targets the streams: each stream's
   * target, score and gap. The practice's gap is then the mean of the
   * streams' gaps, so a strong stream does not hide a weak one.
   */
  streams?: Record<SammStream, { target: number; score: number; gap: number }>;
};

/** A score and its targets compared: per practice, and overall. @public */
export type TargetFigures = {
  practices: Record<string, PracticeTarget>;
  /** 100 × (1 − sum of the practice gaps / sum of the practice targets). */
  percentToTarget: number;
};

const mean = (values: number[]) =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

/** Below this, a difference of scores is float noise, not a gap. */
const EPSILON = 1e-9;

/**
 * The overall score of practice scores (or targets) by the OWASP SAMM
 * toolbox formula: each business function the mean of its three practices,
 * the overall score the mean of the five functions. Missing practices
 * count 0.
 *
 * @public
 */
export function sammOverallOf(practices: Record<string, number>): number {
  return mean(
    SAMM_BUSINESS_FUNCTIONS.map(fn =>
      mean(fn.practices.map(p => practices[p.id] ?? 0)),
    ),
  );
}

/**
 * Practice targets whose overall (toolbox formula) is `targetScore`, in the
 * proportions of the OWASP SAMM benchmark's practice averages: every practice
 * gets its benchmark average times the same factor. Pinned practices keep
 * their target and the others share what the overall leaves. A practice the
 * factor would take above 3 is held at 3 and the others take up the rest, so
 * the overall stays `targetScore`.
 *
 * Every practice weighs 1/15 in the toolbox formula (five functions of three
 * practices each), so the practices' sum is 15 × `targetScore`.
 *
 * @throws RangeError when the pinned targets leave no profile with that
 *   overall: already above it, or too far below it for 3 elsewhere to reach.
 * @public
 */
export function benchmarkPracticeTargets(
  targetScore: number,
  pinned: Record<string, number> = {},
): Record<string, number> {
  const targets: Record<string, number> = {};
  let free = SAMM_PRACTICES.map(p => p.id).filter(id => !(id in pinned));
  let budget = SAMM_PRACTICES.length * targetScore;
  for (const id of SAMM_PRACTICES.map(p => p.id)) {
    if (id in pinned) {
      targets[id] = pinned[id];
      budget -= pinned[id];
    }
  }
  const pinnedOverall = () => sammOverallOf(pinned).toFixed(2);
  if (budget < -EPSILON) {
    throw new RangeError(
      `the practices it targets already give an overall of ${pinnedOverall()} with the others at 0, above targetScore ${targetScore}`,
    );
  }
  if (budget > free.length * SAMM_MAX_SCORE + EPSILON) {
    throw new RangeError(
      `targetScore ${targetScore} is out of reach: the practices it targets leave too much for the others, even at 3`,
    );
  }
  // Raise the factor until the budget is spent, holding at 3 whatever it
  // takes above; each round holds at least one more practice, so at most 15.
  for (;;) {
    const weight = free.reduce(
      (sum, id) => sum + SAMM_BENCHMARK.practices[id],
      0,
    );
    const factor = weight > 0 ? Math.max(0, budget) / weight : 0;
    const over = free.filter(
      id => SAMM_BENCHMARK.practices[id] * factor > SAMM_MAX_SCORE,
    );
    if (!over.length) {
      for (const id of free)
        targets[id] = SAMM_BENCHMARK.practices[id] * factor;
      return targets;
    }
    for (const id of over) targets[id] = SAMM_MAX_SCORE;
    budget -= over.length * SAMM_MAX_SCORE;
    free = free.filter(id => !over.includes(id));
  }
}

/**
 * A tier's target profile and overall target from what its configuration
 * gives: practices and streams it targets, and `targetScore`.
 *
 * - With `targetScore`, that is the overall target; the practices the
 *   configuration leaves out share what the targeted ones leave, in the
 *   benchmark's proportions (benchmarkPracticeTargets).
 * - Without it, every practice must be targeted and the overall target is
 *   the profile's overall by the toolbox formula.
 * - With both and every practice targeted, they must agree to two decimals.
 *
 * Values are assumed checked (known IDs, 0–3); the errors say what does not
 * fit together.
 *
 * @public
 */
export function resolveTargetProfile(options: {
  targetScore?: number;
  practices?: Record<string, number>;
  streams?: Record<string, number>;
}): { targetScore: number; profile: TargetProfile } {
  const streams = options.streams ?? {};
  const pinned: Record<string, number> = { ...options.practices };
  for (const p of SAMM_PRACTICES) {
    const [a, b] = SAMM_STREAMS.map(s => streams[`${p.id}-${s}`]);
    if (a !== undefined && b !== undefined) pinned[p.id] = (a + b) / 2;
  }
  const missing = SAMM_PRACTICES.map(p => p.id).filter(id => !(id in pinned));
  if (options.targetScore === undefined) {
    if (missing.length) {
      throw new RangeError(
        `needs a targetScore, or targets for all 15 practices (missing ${missing.join(
          ', ',
        )})`,
      );
    }
    return {
      targetScore: sammOverallOf(pinned),
      profile: { practices: pinned, streams },
    };
  }
  const { targetScore } = options;
  if (!missing.length) {
    const overall = sammOverallOf(pinned);
    if (Math.abs(overall - targetScore) >= 0.005) {
      throw new RangeError(
        `targetScore ${targetScore} disagrees with its practice targets, whose overall is ${overall.toFixed(
          2,
        )} by the SAMM formula: leave targetScore out or make them agree`,
      );
    }
    // Agreeing to two decimals, as people write them: the stated target.
    return { targetScore, profile: { practices: pinned, streams } };
  }
  return {
    targetScore,
    profile: {
      practices: benchmarkPracticeTargets(targetScore, pinned),
      streams,
    },
  };
}

const gapOf = (target: number, score: number) =>
  target - score > EPSILON ? target - score : 0;

/**
 * OWASP SAMM's percent to target of gaps and the targets they are gaps to,
 * each summed: 100 × (1 − gaps / targets); 100 when there is no target.
 *
 * @public
 */
export function percentToTargetOf(gaps: number, targets: number): number {
  return targets > 0 ? 100 * (1 - gaps / targets) : 100;
}

/**
 * A component's scores against its tier's profile, with OWASP SAMM's
 * relative metrics: per practice the gap (target − score, never below 0)
 * and percent to target, and overall 1 − Σ gap / Σ target. A practice above
 * its target does not make up for one below it. Where the profile targets
 * streams, a practice's gap is the mean of its streams' gaps; a stream scores
 * the sum of its three activities' answers.
 *
 * @param score - the practice scores, and the activity answers (model
 *   spelling, `D-TA-1-A`) for stream scores
 * @public
 */
export function targetFigures(
  profile: TargetProfile,
  score: {
    practices: Record<string, number>;
    activities: ReadonlyArray<{ id: string; value: number }>;
  },
): TargetFigures {
  const practices: Record<string, PracticeTarget> = {};
  let gaps = 0;
  let targets = 0;
  for (const p of SAMM_PRACTICES) {
    const target = profile.practices[p.id] ?? 0;
    const streamTargets = SAMM_STREAMS.map(
      s => profile.streams[`${p.id}-${s}`],
    );
    let figure: PracticeTarget;
    if (streamTargets.every(t => t !== undefined)) {
      const streams = Object.fromEntries(
        SAMM_STREAMS.map((s, i) => {
          const streamScore = score.activities
            .filter(a => a.id.startsWith(`${p.id}-`) && a.id.endsWith(`-${s}`))
            .reduce((sum, a) => sum + a.value, 0);
          return [
            s,
            {
              target: streamTargets[i]!,
              score: streamScore,
              gap: gapOf(streamTargets[i]!, streamScore),
            },
          ];
        }),
      ) as NonNullable<PracticeTarget['streams']>;
      const gap = mean(SAMM_STREAMS.map(s => streams[s].gap));
      figure = {
        target,
        gap,
        percentToTarget: percentToTargetOf(gap, target),
        streams,
      };
    } else {
      const gap = gapOf(target, score.practices[p.id] ?? 0);
      figure = { target, gap, percentToTarget: percentToTargetOf(gap, target) };
    }
    practices[p.id] = figure;
    gaps += figure.gap;
    targets += target;
  }
  return { practices, percentToTarget: percentToTargetOf(gaps, targets) };
}
