import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ActivityScore,
  EntityRecords,
  EvidenceSignal,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

/**
 * An evidence answer for one activity: a value with its rationale and links.
 * Scorers give evidence only; the plugin adds attested self-assessment answers
 * where no scorer had evidence.
 *
 * @public
 */
export type EvidenceAnswer = Omit<ActivityScore, 'source'> & {
  /**
   * For answers that change with the passage of time alone (an age passing a
   * threshold): the ISO time from which the answer may differ. The plugin
   * rescores the entity then; until then, and while nothing it reads
   * changes, the stored score stands.
   */
  validUntil?: string;
};

/**
 * What a scorer is given for one entity.
 *
 * @public
 */
export interface ScorerInput {
  entity: Entity;
  records: EntityRecords;
  workflow: WorkflowConfig;
  /** The time of this scoring run; rules compare ages against it. */
  now: Date;
  /**
   * The entity's current evidence signals from tools (the newest per source
   * and key), expired ones included: a rule decides what an old signal is
   * worth, and gives its answer a `validUntil` no later than the signal's.
   * The plugin always passes them (empty when there are none); scorers
   * written before signals existed may ignore them.
   */
  signals?: ReadonlyArray<EvidenceSignal>;
}

/**
 * A scorer turns an entity's records and catalog data into evidence answers.
 * The SAMM module is one; other modules may add scanners or custom rules.
 * Scorers run for every entity of every rescoring, so they must be pure and
 * fast: everything they need is in the input.
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
  /** Evidence answers for the activities this scorer has evidence for. */
  score(input: ScorerInput): EvidenceAnswer[];
  /**
   * Changes whenever the scorer's logic changes; stored scores computed with
   * another version are recomputed.
   */
  version?: string;
  /**
   * True when every answer that can change with time alone carries
   * `validUntil`, and `version` is set. Then unchanged entities are not
   * rescored from one day to the next. Without it, every entity is rescored
   * at least once a day, so that answers comparing ages against `now` stay
   * right.
   */
  declaresValidity?: boolean;
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
