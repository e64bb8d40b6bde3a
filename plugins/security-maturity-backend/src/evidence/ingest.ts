import { InputError } from '@backstage/errors';
import { EvidenceFormat } from '@secmat/backstage-plugin-security-maturity-common';
import { CycloneDxBom, summariseCycloneDx } from './cyclonedx';
import { readProvenance, summariseProvenance } from './provenance';
import { SarifLog, summariseSarif } from './sarif';
import { structuralProblem } from './schemas';
import { ScorecardResult, summariseScorecard } from './scorecard';
import { SignalDraft, SummaryContext } from './types';

/** A pushed file that passed its format's checks, ready to summarise. */
export type ParsedEvidence = {
  format: EvidenceFormat;
  summarise(ctx: SummaryContext): SignalDraft[];
};

const NAMES: Record<EvidenceFormat, string> = {
  sarif: 'SARIF 2.1.0',
  'openssf-scorecard': 'OpenSSF Scorecard JSON',
  cyclonedx: 'CycloneDX 1.5/1.6 JSON',
  'slsa-provenance': 'in-toto SLSA provenance',
};

/**
 * Checks a pushed document against its format's structural schema; a
 * document that does not fit is a 400 naming the first problem, before
 * anything is written.
 */
export function parseEvidence(
  format: EvidenceFormat,
  document: unknown,
): ParsedEvidence {
  const problem = structuralProblem(format, document);
  if (problem) {
    throw new InputError(`Not a valid ${NAMES[format]} document: ${problem}`);
  }
  switch (format) {
    case 'sarif':
      return {
        format,
        summarise: ctx => summariseSarif(document as SarifLog, ctx),
      };
    case 'openssf-scorecard':
      return {
        format,
        summarise: ctx => summariseScorecard(document as ScorecardResult, ctx),
      };
    case 'cyclonedx':
      return {
        format,
        summarise: ctx => summariseCycloneDx(document as CycloneDxBom, ctx),
      };
    case 'slsa-provenance': {
      const provenance = readProvenance(document);
      return {
        format,
        summarise: ctx => summariseProvenance(provenance, ctx),
      };
    }
    default:
      throw new InputError(`Unknown evidence format '${format}'`);
  }
}
