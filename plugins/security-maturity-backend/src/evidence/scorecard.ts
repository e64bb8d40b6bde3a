import { EvidenceJson } from '@secmat/backstage-plugin-security-maturity-common';
import { observedTime, SignalDraft, SummaryContext, validFor } from './types';

export type ScorecardResult = {
  date?: string;
  repo: { name: string; commit?: string };
  scorecard?: { version?: string; commit?: string };
  score?: number;
  checks: Array<{
    name: string;
    score: number;
    reason?: string;
    documentation?: { url?: string };
  }>;
};

/** The SAMM rules read these fields (see the module's rules/signals.ts). */
export type ScorecardSummary = {
  repo: string;
  commit: string | null;
  scorecardVersion: string | null;
  /** The aggregate score, 0–10. */
  score: number | null;
  /** Check name → score 0–10; -1 where the check could not tell. */
  checks: Record<string, number>;
  /** The lowest-scoring checks with their reasons, for the tab. */
  lowest: Array<{ check: string; score: number; reason: string }>;
};

/** One signal per repository: each check's score. */
export function summariseScorecard(
  result: ScorecardResult,
  ctx: SummaryContext,
): SignalDraft[] {
  const observedAt = observedTime(ctx.now, result.date);
  const checks: Record<string, number> = {};
  for (const c of result.checks) checks[c.name] = c.score;
  const summary: ScorecardSummary = {
    repo: result.repo.name,
    commit: result.repo.commit ?? null,
    scorecardVersion: result.scorecard?.version ?? null,
    score: typeof result.score === 'number' ? result.score : null,
    checks,
    lowest: result.checks
      .filter(c => c.score >= 0 && c.score < 10)
      .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
      .slice(0, 5)
      .map(c => ({
        check: c.name,
        score: c.score,
        reason: (c.reason ?? '').slice(0, 200),
      })),
  };
  return [
    {
      key: result.repo.name.slice(0, 200),
      value: summary as unknown as EvidenceJson,
      observedAt,
      validUntil: validFor(observedAt, ctx.validDays),
    },
  ];
}
