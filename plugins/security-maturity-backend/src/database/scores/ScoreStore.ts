import { FunctionScores } from '@secmat/backstage-plugin-security-maturity-common';
import { ScoreRow } from './ScoreRow';

/** What rescoring knows of an entity's stored score. */
export type ScoringStateScore = {
  fingerprint: string;
  inputs: string | null;
  /** Epoch ms from which the score may differ with time alone. */
  validUntil: number | null;
};

/** One day of an entity's score history. */
export type ScoreHistoryPoint = {
  day: string;
  overall: number;
  functions: FunctionScores;
  practices: Record<string, number>;
};

/** A page of computed scores and what else the day's run decided. */
export type ScoreWrite = {
  changed: ScoreRow[];
  /** Recomputed entities, whose snapshot of the day is written anew. */
  snapshotRefs: string[];
  day: string;
  /** Entities whose score stands; only their computed time moves. */
  unchangedRefs: string[];
  computedAt: Date;
};

/** The persisted scores of entities and their daily snapshots. */
export interface ScoreStore {
  /** The stored score's fingerprints and validity of each entity that has one. */
  readStates(entityRefs: string[]): Promise<Map<string, ScoringStateScore>>;
  /** Writes a page of scores in bulk, never replacing a later computation. */
  saveScores(write: ScoreWrite): Promise<void>;
  /** The day's snapshot of unchanged scores, where the day has none yet. */
  snapshotUnchanged(entityRefs: string[], day: string): Promise<void>;
  getScoreRow(entityRef: string): Promise<ScoreRow | undefined>;
  getScoreHistory(
    entityRef: string,
    sinceDay: string,
  ): Promise<ScoreHistoryPoint[]>;
  /**
   * Writes a day's snapshot of scores computed for that day, replacing what
   * the day had, without touching the current scores (the demo's replayed
   * history).
   */
  putSnapshots(day: string, rows: ScoreRow[]): Promise<void>;
  /** Deletes snapshots older than the retention; returns how many. */
  pruneSnapshots(beforeDay: string): Promise<number>;
}
