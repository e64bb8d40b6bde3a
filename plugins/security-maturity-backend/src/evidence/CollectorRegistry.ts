import {
  SecurityMaturityCollectorsExtensionPoint,
  SecurityMaturityEvidenceCollector,
} from '@secmat/backstage-plugin-security-maturity-node';
import { EVIDENCE_FORMATS } from '@secmat/backstage-plugin-security-maturity-common';

/** Collects the evidence collectors that modules add before the plugin starts. */
export class CollectorRegistry
  implements SecurityMaturityCollectorsExtensionPoint
{
  readonly #collectors = new Map<string, SecurityMaturityEvidenceCollector>();

  addCollector(
    ...collectors: Array<
      SecurityMaturityEvidenceCollector | SecurityMaturityEvidenceCollector[]
    >
  ): void {
    for (const collector of collectors.flat()) {
      if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(collector.id)) {
        throw new Error(
          `A security-maturity collector ID must be lower-case letters, digits, '.', '_' or '-': '${collector.id}'`,
        );
      }
      // The pushed formats are sources of their own: a collector may not
      // write signals that look like a pushed file's.
      if (
        (EVIDENCE_FORMATS as readonly string[]).includes(collector.id) ||
        this.#collectors.has(collector.id)
      ) {
        throw new Error(
          `A security-maturity evidence source with ID '${collector.id}' already exists`,
        );
      }
      this.#collectors.set(collector.id, collector);
    }
  }

  get collectors(): SecurityMaturityEvidenceCollector[] {
    return [...this.#collectors.values()];
  }
}
