import {
  createExtensionPoint,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EvidenceJson } from '@secmat/backstage-plugin-security-maturity-common';

/**
 * A signal a collector found for one entity. The plugin adds the entity's
 * normalised ref and the collector's ID as the signal's source.
 *
 * @public
 */
export type CollectedSignal = {
  /** The entity it is about: one of the page's entities. */
  entity: Entity;
  /** What it is about within the collector, e.g. `branch-protection`. */
  key: string;
  value: EvidenceJson;
  /** When the tool observed it (ISO time); the collection time if unknown. */
  observedAt?: string;
  /** Until when it may be relied on (ISO time). */
  validUntil?: string;
  /** Where to see it, http(s) only. */
  link?: string;
};

/**
 * Collects evidence signals for catalog entities on a schedule, for example
 * from a code host's or a scanner's API. The plugin runs each collector in
 * its own scheduled task (global scope: once across replicas), streams the
 * catalog to it a page at a time, and writes what it returns in bulk through
 * the records service (history, version, audit and rescoring, as for a push).
 * Writing a signal that is already stored changes nothing.
 *
 * @public
 */
export interface SecurityMaturityEvidenceCollector {
  /** Stable, unique ID; it is the source of the signals, e.g. `github`. */
  id: string;
  /** Name shown to users. */
  title: string;
  /** How often it runs; defaults to daily. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /**
   * Which entities it is given, as a catalog filter; defaults to components.
   */
  filter?: Record<string, string | string[]>;
  /** The signals for one page of catalog entities. */
  collect(page: {
    entities: Entity[];
    /** The time of this run. */
    now: Date;
  }): Promise<CollectedSignal[]>;
}

/**
 * Lets backend modules add evidence collectors to the security-maturity
 * plugin.
 *
 * @public
 */
export interface SecurityMaturityCollectorsExtensionPoint {
  addCollector(
    ...collectors: Array<
      SecurityMaturityEvidenceCollector | SecurityMaturityEvidenceCollector[]
    >
  ): void;
}

/** @public */
export const securityMaturityCollectorsExtensionPoint =
  createExtensionPoint<SecurityMaturityCollectorsExtensionPoint>({
    id: 'security-maturity.collectors',
  });
