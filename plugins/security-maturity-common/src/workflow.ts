// The configurable workflow: stages, RASI activities, tiers and baseline
// controls. The backend reads it from app-config (securityMaturity.*) and
// serves it at GET /config, so the frontend never hard-codes it.

import { TargetProfile } from './samm/targets';

/** @public */
export type ExitCriterion = {
  id: string;
  title: string;
};

/** One stage gate of the secure SDLC. @public */
export type StageDefinition = {
  id: string;
  title: string;
  /** What the team does in this stage. */
  activities: string[];
  /** The checklist that must be complete to pass the gate. */
  exitCriteria: ExitCriterion[];
  /** The RASI activity whose Accountable signs off this gate. */
  signOffActivityId: string;
  /** Tiers for which this stage is required. */
  requiredForTiers: string[];
};

/** @public */
export type RasiActivityDefinition = {
  id: string;
  title: string;
};

/** @public */
export type TierDefinition = {
  id: string;
  title: string;
  /** Target overall SAMM score (0–3) for components of this tier. */
  targetScore: number;
  /**
   * The target of every SAMM practice (and of streams targeted on their
   * own): as configured, the rest derived from the OWASP SAMM benchmark so
   * that the profile's overall is `targetScore` (see resolveTargetProfile).
   */
  targetProfile: TargetProfile;
};

/**
 * An intake rule: the first rule whose conditions all hold gives the tier.
 * A rule without conditions always matches (use it last, as the default).
 *
 * @public
 */
export type TierRule = {
  tier: string;
  /** Human-readable reason shown with the tier. */
  reason: string;
  when: {
    dataClassificationIn?: string[];
    internetExposure?: boolean;
    newIntegrations?: boolean;
    authFlowChanges?: boolean;
    regulated?: boolean;
  };
};

/** @public */
export type BaselineControl = {
  id: string;
  title: string;
  description: string;
};

/** The whole workflow configuration, as GET /config returns it. @public */
export type WorkflowConfig = {
  stages: StageDefinition[];
  rasiActivities: RasiActivityDefinition[];
  tiers: TierDefinition[];
  tierRules: TierRule[];
  dataClassifications: string[];
  baselineControls: BaselineControl[];
  securityLeadGroups: string[];
  /** The longest an exception may be approved for, in days. */
  exceptionMaxDays: number;
};
