import { Config } from '@backstage/config';
import {
  RELEASE_EVIDENCE_REQUIREMENTS,
  ReleaseEvidenceRequirement,
  ReleaseVerdict,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

/** What a release of one tier needs, besides its cleared gates. */
export type TierReleasePolicy = Omit<ReleaseVerdict['policy'], 'gates'>;

/** The release policy: which gates count, and each tier's evidence. */
export type ReleasePolicy = {
  /**
   * The tier's required stages before this one must be cleared for a
   * release (launch and later happen after it); null: all of them.
   */
  gatesBefore: string | null;
  forTier(tier: string): TierReleasePolicy;
};

const SARIF_LEVELS = ['error', 'warning', 'none'] as const;

/**
 * Without configuration: the most critical tier needs static analysis, an
 * SBOM and SLSA build level 2 provenance; the next an SBOM and static
 * analysis; lower tiers only their gates and no expired exceptions.
 */
const DEFAULT_EVIDENCE: Record<string, TierReleasePolicy> = {
  '1': {
    evidence: ['sast', 'sbom', 'provenance'],
    minSlsaBuildLevel: 2,
    failOnSarifLevel: 'error',
    minScorecardScore: 0,
  },
  '2': {
    evidence: ['sast', 'sbom'],
    minSlsaBuildLevel: 0,
    failOnSarifLevel: 'error',
    minScorecardScore: 0,
  },
};
const NOTHING_REQUIRED: TierReleasePolicy = {
  evidence: [],
  minSlsaBuildLevel: 0,
  failOnSarifLevel: 'error',
  minScorecardScore: 0,
};

/** Every required gate cleared and no expired exception; no evidence asked. */
export const GATES_ONLY_POLICY: ReleasePolicy = {
  gatesBefore: null,
  forTier: () => NOTHING_REQUIRED,
};

/**
 * `securityMaturity.releasePolicy`. A mistake stops the backend at start
 * with the key named, rather than giving CI a verdict nobody meant.
 */
export function readReleasePolicy(
  config: Config,
  workflow: WorkflowConfig,
): ReleasePolicy {
  const root = config.getOptionalConfig('securityMaturity.releasePolicy');
  const key = 'securityMaturity.releasePolicy';
  const stageIds = workflow.stages.map(s => s.id);
  const gatesBefore =
    root?.getOptionalString('gatesBefore') ??
    (stageIds.includes('launch') ? 'launch' : null);
  if (gatesBefore !== null && !stageIds.includes(gatesBefore)) {
    throw new Error(
      `${key}.gatesBefore: unknown stage '${gatesBefore}' (the stages are ${stageIds.join(
        ', ',
      )})`,
    );
  }
  const tierIds = workflow.tiers.map(t => t.id);
  const configured = new Map<string, TierReleasePolicy>();
  // A list, as tier IDs such as '1' cannot be config keys.
  for (const [index, tier] of (
    root?.getOptionalConfigArray('tiers') ?? []
  ).entries()) {
    const tierId = tier.getString('tier');
    const what = `${key}.tiers[${index}] (tier '${tierId}')`;
    if (!tierIds.includes(tierId)) {
      throw new Error(
        `${what}: unknown tier (the tiers are ${tierIds.join(', ')})`,
      );
    }
    if (configured.has(tierId)) throw new Error(`${what}: given twice`);
    const evidence = tier.getOptionalStringArray('evidence') ?? [];
    for (const e of evidence) {
      if (!RELEASE_EVIDENCE_REQUIREMENTS.includes(e as 'sast')) {
        throw new Error(
          `${what}.evidence: unknown evidence '${e}' (use ${RELEASE_EVIDENCE_REQUIREMENTS.join(
            ', ',
          )})`,
        );
      }
    }
    const failOn = tier.getOptionalString('failOnSarifLevel') ?? 'error';
    if (!SARIF_LEVELS.includes(failOn as 'error')) {
      throw new Error(
        `${what}.failOnSarifLevel: '${failOn}' is not one of ${SARIF_LEVELS.join(
          ', ',
        )}`,
      );
    }
    const number = (name: string, max: number) => {
      const value = tier.getOptionalNumber(name) ?? 0;
      if (!Number.isFinite(value) || value < 0 || value > max) {
        throw new Error(
          `${what}.${name}: ${value} is not between 0 and ${max}`,
        );
      }
      return value;
    };
    configured.set(tierId, {
      evidence: evidence as ReleaseEvidenceRequirement[],
      minSlsaBuildLevel: number('minSlsaBuildLevel', 4),
      failOnSarifLevel: failOn as TierReleasePolicy['failOnSarifLevel'],
      minScorecardScore: number('minScorecardScore', 10),
    });
  }
  return {
    gatesBefore,
    forTier: tier =>
      configured.get(tier) ?? DEFAULT_EVIDENCE[tier] ?? NOTHING_REQUIRED,
  };
}
