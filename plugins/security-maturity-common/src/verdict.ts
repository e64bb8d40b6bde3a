/**
 * The release verdict: what a component's records and its tools' evidence
 * recommend for one release, for CI to act on. It recommends; the go / no-go
 * decision stays with a person (the release record's `decision`).
 */

/** Evidence a tier's release policy may require. @public */
export const RELEASE_EVIDENCE_REQUIREMENTS = [
  'sast',
  'sbom',
  'provenance',
  'scorecard',
] as const;

/** One of {@link RELEASE_EVIDENCE_REQUIREMENTS}. @public */
export type ReleaseEvidenceRequirement =
  (typeof RELEASE_EVIDENCE_REQUIREMENTS)[number];

/** Why a release is not recommended, machine-readable. @public */
export type ReleaseVerdictReason = {
  code:
    | 'not-classified'
    | 'gate-not-cleared'
    | 'exception-expired'
    | 'evidence-missing'
    | 'evidence-failing';
  /** A sentence for people and CI logs. */
  message: string;
  stageId?: string;
  exceptionId?: string;
  controlId?: string;
  evidence?: ReleaseEvidenceRequirement;
  /** Where to see the result that failed, when there is one. */
  link?: string;
};

/** @public */
export type ReleaseVerdict = {
  entityRef: string;
  releaseId: string;
  release: string;
  /** `go` when no reason stands against the release. */
  verdict: 'go' | 'no-go-recommended';
  reasons: ReleaseVerdictReason[];
  /** The person's decision on the release record, which the verdict never sets. */
  decision: 'pending' | 'go' | 'no_go';
  tier: string | null;
  /** What the tier's policy asked for. */
  policy: {
    gates: string[];
    evidence: ReleaseEvidenceRequirement[];
    minSlsaBuildLevel: number;
    failOnSarifLevel: 'error' | 'warning' | 'none';
    minScorecardScore: number;
  };
  evaluatedAt: string;
};
