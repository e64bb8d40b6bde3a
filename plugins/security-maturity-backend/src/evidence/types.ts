import { EvidenceJson } from '@secmat/backstage-plugin-security-maturity-common';
import { SignalWithState } from '../database/evidence/EvidenceStore';

/** A signal as a format's summariser gives it, before it is stored. */
export type SignalDraft = {
  key: string;
  value: EvidenceJson;
  observedAt: string;
  validUntil: string;
  /** Kept for the next ingestion of the same key (e.g. fingerprints). */
  state?: unknown;
};

/** What a summariser knows besides the document. */
export type SummaryContext = {
  now: Date;
  /** Days a signal of this format may be relied on. */
  validDays: number;
  /** The current signals of the same source, by key. */
  previous: Map<string, SignalWithState>;
};

const DAY_MS = 86_400_000;

/**
 * When the tool observed it: the document's own time when it has one that
 * is not in the future, else now.
 */
export function observedTime(now: Date, ...candidates: unknown[]): string {
  for (const c of candidates) {
    if (typeof c !== 'string' || !c) continue;
    const t = Date.parse(c);
    if (!Number.isNaN(t)) {
      return new Date(Math.min(t, now.getTime())).toISOString();
    }
  }
  return now.toISOString();
}

/** The end of a signal's validity: `days` after it was observed. */
export const validFor = (observedAt: string, days: number) =>
  new Date(Date.parse(observedAt) + days * DAY_MS).toISOString();
