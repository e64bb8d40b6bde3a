import {
  SecurityMaturityScorer,
  SecurityMaturityScorersExtensionPoint,
} from '@secmat/backstage-plugin-security-maturity-node';
import { ScorerInfo } from '@secmat/backstage-plugin-security-maturity-common';

/** Collects the scorers that modules add before the plugin starts. */
export class ScorerRegistry implements SecurityMaturityScorersExtensionPoint {
  readonly #scorers = new Map<string, SecurityMaturityScorer>();

  addScorer(
    ...scorers: Array<SecurityMaturityScorer | SecurityMaturityScorer[]>
  ): void {
    for (const scorer of scorers.flat()) {
      if (this.#scorers.has(scorer.id)) {
        throw new Error(
          `A security-maturity scorer with ID '${scorer.id}' is already installed`,
        );
      }
      this.#scorers.set(scorer.id, scorer);
    }
  }

  get scorers(): SecurityMaturityScorer[] {
    return [...this.#scorers.values()];
  }

  describe(): ScorerInfo[] {
    return this.scorers.map(({ id, title, description }) => ({
      id,
      title,
      description,
    }));
  }
}
