import {
  EvidenceFormat,
  EvidenceSignal,
  EvidenceUploadResult,
} from '@secmat/backstage-plugin-security-maturity-common';

/** A signal to write, with what the next ingestion compares against. */
export type SignalWrite = EvidenceSignal & {
  /** JSON kept for the next ingestion of the same source and key. */
  state?: unknown;
};

/** A current signal with its ingestion state. */
export type SignalWithState = EvidenceSignal & { state?: unknown };

/** A file pushed by CI, as it is stored. */
export type UploadWrite = {
  format: EvidenceFormat;
  sha256: string;
  size: number;
  /** The raw file, or undefined when it is above the size kept. */
  raw?: string;
  link?: string;
};

/** Signals a collector found, for several entities at once. */
export type CollectedWrite = {
  collectorId: string;
  signals: EvidenceSignal[];
  now: Date;
};

/**
 * The evidence signals of catalog entities and the files CI pushed. Reads
 * for scoring are one query per page of entities.
 */
export interface EvidenceStore {
  /** The current signals (newest per source and key) of many entities. */
  readCurrent(entityRefs: string[]): Promise<Map<string, EvidenceSignal[]>>;
  /** A push of this exact file, if there was one. */
  findUpload(
    entityRef: string,
    format: EvidenceFormat,
    sha256: string,
  ): Promise<EvidenceUploadResult | undefined>;
  /**
   * Writes collected signals in bulk, in one transaction: the new ones (by
   * content hash), with a history row and a raised records version for each
   * entity that got any. Returns those entities' refs.
   */
  writeCollected(write: CollectedWrite): Promise<string[]>;
  /**
   * Drops signals observed before `before` that are no longer current, and
   * pushed files received before it. Returns how many rows went.
   */
  prune(before: Date): Promise<number>;
}
