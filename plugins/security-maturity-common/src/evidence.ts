/**
 * Evidence from the tools teams already run: scanner results, scorecards,
 * SBOMs and provenance, summarised into dated signals per entity.
 */

/** The file formats CI may push for a component. @public */
export const EVIDENCE_FORMATS = [
  'sarif',
  'openssf-scorecard',
  'cyclonedx',
  'slsa-provenance',
] as const;

/** One of {@link EVIDENCE_FORMATS}. @public */
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

/** Whether a string names a format CI may push. @public */
export const isEvidenceFormat = (value: string): value is EvidenceFormat =>
  (EVIDENCE_FORMATS as readonly string[]).includes(value);

/** A JSON value, as a signal's summary holds it. @public */
export type EvidenceJson =
  | string
  | number
  | boolean
  | null
  | EvidenceJson[]
  | { [key: string]: EvidenceJson };

/**
 * A dated fact about one entity from a tool: what the tool said (a small
 * summary, never the raw file), when, until when it may be relied on, and
 * where to see it. The newest signal per source and key is the current one.
 *
 * @public
 */
export type EvidenceSignal = {
  /** Normalised entity ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Where it came from: a pushed format (`sarif`, …) or a collector's ID. */
  source: string;
  /** What it is about within the source, e.g. the SARIF tool (`codeql`). */
  key: string;
  /** The summary, e.g. results by level. */
  value: EvidenceJson;
  /** When the tool observed it (ISO time). */
  observedAt: string;
  /** Until when it may be relied on (ISO time); rules ignore it after. */
  validUntil?: string;
  /** Where to see the tool's own result, e.g. the CI run. */
  link?: string;
};

/** What a push of a tool's file did. @public */
export type EvidenceUploadResult = {
  format: EvidenceFormat;
  /** SHA-256 of the file as sent: the same file again changes nothing. */
  sha256: string;
  /** True when this exact file had been pushed before: nothing was written. */
  unchanged: boolean;
  receivedAt: string;
  receivedBy: string;
  /** Bytes received. */
  size: number;
  /** Whether the raw file was kept (files above the configured size are not). */
  rawKept: boolean;
  /** The signals the file was summarised into. */
  signals: EvidenceSignal[];
};
