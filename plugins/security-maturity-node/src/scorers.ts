import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { SecurityMaturityRecord } from '@secmat/backstage-plugin-security-maturity-common';

/**
 * Where an activity's answer came from: a rule that read evidence in the
 * plugin's records or the catalog, an owner's attested self-assessment, or
 * nothing at all.
 *
 * @public
 */
export type ActivityAnswerSource = 'evidence' | 'attested' | 'none';

/**
 * One scored activity, with the reason for its value.
 *
 * @public
 */
export interface ActivityAnswer {
  /** Activity ID, e.g. the SAMM activity `D-TA-1-A`. */
  activityId: string;
  /** 0, 0.25, 0.5 or 1. */
  value: number;
  source: ActivityAnswerSource;
  /** Why this value, in a sentence a service owner understands. */
  rationale: string;
  /** Where the evidence is. */
  links: Array<{ title: string; url: string }>;
}

/**
 * What a scorer is given for one entity.
 *
 * @public
 */
export interface ScorerInput {
  entity: Entity;
  record: SecurityMaturityRecord;
}

/**
 * A scorer turns an entity's records and catalog data into activity answers.
 * The SAMM module is one; other modules may add scanners or custom rules.
 *
 * @public
 */
export interface SecurityMaturityScorer {
  /** Stable, unique ID, e.g. `samm`. */
  id: string;
  /** Name shown to users. */
  title: string;
  /** One sentence on what the scorer looks at. */
  description: string;
  /** Answers for the activities this scorer has an opinion on. */
  score(input: ScorerInput): Promise<ActivityAnswer[]>;
}

/**
 * Lets backend modules add scorers to the security-maturity plugin.
 *
 * @public
 */
export interface SecurityMaturityScorersExtensionPoint {
  addScorer(
    ...scorers: Array<SecurityMaturityScorer | SecurityMaturityScorer[]>
  ): void;
}

/** @public */
export const securityMaturityScorersExtensionPoint =
  createExtensionPoint<SecurityMaturityScorersExtensionPoint>({
    id: 'security-maturity.scorers',
  });
