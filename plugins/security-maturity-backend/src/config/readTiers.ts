import { Config } from '@backstage/config';
import {
  resolveTargetProfile,
  SAMM_MAX_SCORE,
  SAMM_PRACTICES,
  SAMM_STREAMS,
  TierDefinition,
} from '@secmat/backstage-plugin-security-maturity-common';

const PRACTICE_IDS = new Set(SAMM_PRACTICES.map(p => p.id));

/** A target as configured: 0 to 3, or the backend stops with `what` named. */
function checkedTarget(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0 || value > SAMM_MAX_SCORE) {
    throw new Error(`${what} is ${value}; SAMM targets are 0 to 3`);
  }
  return value;
}

/**
 * `practiceTargets` of one tier: practice ID to a target, or to `{ A, B }`
 * for a target per stream. Practice IDs in either case.
 */
function readPracticeTargets(config: Config | undefined, tierId: string) {
  const practices: Record<string, number> = {};
  const streams: Record<string, number> = {};
  for (const key of config?.keys() ?? []) {
    const practiceId = key.toLocaleUpperCase('en-US');
    const what = `securityMaturity: tier '${tierId}' practice target ${practiceId}`;
    if (!PRACTICE_IDS.has(practiceId)) {
      throw new Error(
        `securityMaturity: tier '${tierId}' targets unknown SAMM practice '${key}' (the practices are ${[
          ...PRACTICE_IDS,
        ].join(', ')})`,
      );
    }
    if (
      practiceId in practices ||
      SAMM_STREAMS.some(s => `${practiceId}-${s}` in streams)
    ) {
      throw new Error(`${what} is given twice`);
    }
    const raw = config!.getOptional(key);
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const perStream = config!.getConfig(key);
      const extra = perStream
        .keys()
        .filter(k => !SAMM_STREAMS.includes(k as 'A'));
      if (extra.length || !SAMM_STREAMS.every(s => perStream.has(s))) {
        throw new Error(
          `${what} per stream needs exactly A and B, got ${perStream
            .keys()
            .join(', ')}`,
        );
      }
      for (const stream of SAMM_STREAMS) {
        streams[`${practiceId}-${stream}`] = checkedTarget(
          perStream.getNumber(stream),
          `${what} stream ${stream}`,
        );
      }
    } else {
      practices[practiceId] = checkedTarget(config!.getNumber(key), what);
    }
  }
  return { practices, streams };
}

/**
 * Reads `securityMaturity.tiers`: each tier's overall target and target
 * profile. A tier gives `targetScore`, `practiceTargets` or both (see
 * resolveTargetProfile for how they combine); an unknown practice, a target
 * outside 0–3 or targets that do not fit together stop the backend at start
 * with a message naming the tier.
 */
export function readTiers(config: Config): TierDefinition[] {
  return config.getConfigArray('tiers').map(tier => {
    const id = tier.getString('id');
    const stated = tier.getOptionalNumber('targetScore');
    const targetScore =
      stated === undefined
        ? undefined
        : checkedTarget(stated, `securityMaturity: tier '${id}' targetScore`);
    const { practices, streams } = readPracticeTargets(
      tier.getOptionalConfig('practiceTargets'),
      id,
    );
    try {
      const resolved = resolveTargetProfile({
        targetScore,
        practices,
        streams,
      });
      return {
        id,
        title: tier.getString('title'),
        targetScore: resolved.targetScore,
        targetProfile: resolved.profile,
      };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new Error(`securityMaturity: tier '${id}' ${error.message}`);
    }
  });
}
