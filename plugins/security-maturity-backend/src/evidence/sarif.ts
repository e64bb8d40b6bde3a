import { createHash } from 'crypto';
import { EvidenceJson } from '@secmat/backstage-plugin-security-maturity-common';
import { observedTime, SignalDraft, SummaryContext, validFor } from './types';

type Level = 'none' | 'note' | 'warning' | 'error';
type SarifResult = {
  ruleId?: string;
  ruleIndex?: number;
  rule?: { id?: string; index?: number };
  level?: Level;
  kind?: string;
  message?: { text?: string };
  locations?: Array<{
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number };
    };
  }>;
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
  suppressions?: unknown[];
};
type SarifRule = {
  id: string;
  defaultConfiguration?: { level?: Level };
  properties?: Record<string, unknown>;
};
type SarifRun = {
  tool: {
    driver: {
      name: string;
      version?: string;
      semanticVersion?: string;
      rules?: SarifRule[];
    };
  };
  results?: SarifResult[];
  invocations?: Array<{ startTimeUtc?: string; endTimeUtc?: string }>;
  automationDetails?: { id?: string };
};
export type SarifLog = { version: '2.1.0'; runs: SarifRun[] };

/** Results kept for comparison with the next upload, per run. */
const MAX_TRACKED = 20_000;
/** Rules listed in the summary, most results first. */
const MAX_RULES_LISTED = 20;

/** What the next upload of the same tool compares against. */
export type SarifState = {
  /** Fingerprint → first seen (ISO) of every open result. */
  seen: Record<string, string>;
};

/** The SAMM rules read these fields (see the module's rules/signals.ts). */
export type SarifSummary = {
  tool: string;
  toolVersion: string | null;
  category: string | null;
  /** Rules the tool ran (its rule list, else the rules with results). */
  rules: number;
  /** Open results: not suppressed, of kind `fail`. */
  results: number;
  byLevel: Record<Level, number>;
  byRule: Array<{ rule: string; level: Level; count: number }>;
  suppressed: number;
  /** Compared with the previous upload of the same tool; null on the first. */
  new: number | null;
  fixed: number | null;
  previousObservedAt: string | null;
  /** Open error-level results and since when the oldest has been open. */
  errorsOpen: number;
  oldestErrorSince: string | null;
  /** A secret scanner (gitleaks, TruffleHog, …) or secret rules. */
  secretScanning: boolean;
};

const SECRET_TOOL = /gitleaks|trufflehog|detect-secrets|secret/i;

const levelOf = (result: SarifResult, rule?: SarifRule): Level =>
  result.level ?? rule?.defaultConfiguration?.level ?? 'warning';

/** A stable identity of a result across uploads. */
function fingerprintOf(result: SarifResult, ruleId: string): string {
  const given = result.partialFingerprints ?? result.fingerprints;
  const stable = given
    ? Object.keys(given)
        .sort()
        .map(k => `${k}=${given[k]}`)
        .join('|')
    : undefined;
  const location = result.locations?.[0]?.physicalLocation;
  return createHash('sha1')
    .update(
      stable ??
        [
          ruleId,
          location?.artifactLocation?.uri ?? '',
          location?.region?.startLine ?? '',
          result.message?.text ?? '',
        ].join('\u0000'),
    )
    .digest('hex')
    .slice(0, 16);
}

/** The signal key of a run: its tool, and its category where it has one. */
export const sarifKey = (run: SarifRun) => {
  const tool = run.tool.driver.name.toLocaleLowerCase('en-US');
  const category = run.automationDetails?.id;
  return category ? `${tool}:${category}`.slice(0, 200) : tool;
};

/** One signal per run (per tool and category): results by level and rule. */
export function summariseSarif(
  log: SarifLog,
  ctx: SummaryContext,
): SignalDraft[] {
  // Several runs of one tool and category are one signal.
  const byKey = new Map<string, SarifRun[]>();
  for (const run of log.runs) {
    const key = sarifKey(run);
    byKey.set(key, [...(byKey.get(key) ?? []), run]);
  }
  return [...byKey].map(([key, runs]) => {
    const first = runs[0];
    const driver = first.tool.driver;
    const observedAt = observedTime(
      ctx.now,
      ...runs.flatMap(r =>
        (r.invocations ?? []).flatMap(i => [i.endTimeUtc, i.startTimeUtc]),
      ),
    );
    const previous = ctx.previous.get(key);
    const previousSeen = (previous?.state as SarifState | undefined)?.seen;
    const byLevel: Record<Level, number> = {
      error: 0,
      warning: 0,
      note: 0,
      none: 0,
    };
    const byRule = new Map<string, { level: Level; count: number }>();
    const seen: Record<string, string> = {};
    // Counted as it grows: Object.keys on every result was quadratic.
    let tracked = 0;
    let suppressed = 0;
    let open = 0;
    let isNew = 0;
    let errorsOpen = 0;
    let oldestError: string | null = null;
    let secretRules = false;
    const ruleIds = new Set<string>();
    for (const run of runs) {
      const rules = run.tool.driver.rules ?? [];
      rules.forEach(r => ruleIds.add(r.id));
      const ruleById = new Map(rules.map(r => [r.id, r]));
      for (const result of run.results ?? []) {
        if ((result.kind ?? 'fail') !== 'fail') continue;
        if (result.suppressions?.length) {
          suppressed++;
          continue;
        }
        const index = result.ruleIndex ?? result.rule?.index;
        const rule =
          (result.ruleId ? ruleById.get(result.ruleId) : undefined) ??
          (index !== undefined ? rules[index] : undefined);
        const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? '?';
        ruleIds.add(ruleId);
        if (/secret|credential|password|token/i.test(ruleId)) {
          secretRules = true;
        }
        const level = levelOf(result, rule);
        open++;
        byLevel[level]++;
        const entry = byRule.get(ruleId) ?? { level, count: 0 };
        entry.count++;
        byRule.set(ruleId, entry);
        const fp = fingerprintOf(result, ruleId);
        const firstSeen = previousSeen?.[fp] ?? observedAt;
        if (previousSeen && !previousSeen[fp]) isNew++;
        if (tracked < MAX_TRACKED && !Object.hasOwn(seen, fp)) {
          seen[fp] = firstSeen;
          tracked++;
        }
        if (level === 'error') {
          errorsOpen++;
          if (!oldestError || firstSeen < oldestError) oldestError = firstSeen;
        }
      }
    }
    const fixed = previousSeen
      ? Object.keys(previousSeen).filter(fp => !seen[fp]).length
      : null;
    const summary: SarifSummary = {
      tool: driver.name,
      toolVersion: driver.semanticVersion ?? driver.version ?? null,
      category: first.automationDetails?.id ?? null,
      rules: ruleIds.size,
      results: open,
      byLevel,
      byRule: [...byRule]
        .map(([rule, e]) => ({ rule, level: e.level, count: e.count }))
        .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
        .slice(0, MAX_RULES_LISTED),
      suppressed,
      new: previousSeen ? isNew : null,
      fixed,
      previousObservedAt: previous?.observedAt ?? null,
      errorsOpen,
      oldestErrorSince: oldestError,
      secretScanning: SECRET_TOOL.test(driver.name) || secretRules,
    };
    const state: SarifState = { seen };
    return {
      key,
      value: summary as unknown as EvidenceJson,
      observedAt,
      validUntil: validFor(observedAt, ctx.validDays),
      state,
    };
  });
}
