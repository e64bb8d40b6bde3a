/**
 * SAMM answers from evidence signals: what the tools teams already run said
 * about a component (files CI pushes to
 * `POST /entities/{kind}/{namespace}/{name}/evidence/{format}`, summarised by
 * the backend). The whole mapping is in this file.
 *
 * | Activity | Signal (source) | Thresholds | Why |
 * |---|---|---|---|
 * | V-ST-1-A | `sarif` (any tool) or `openssf-scorecard` check SAST | 1: a current SARIF upload, or SAST ≥ 8; 0.5: SAST 1–7 | An automated security test ran against the component, and the result is on file. |
 * | V-ST-2-A | `sarif`, per tool | 1: a tool uploaded again within 30 days of its previous upload; 0.5: one upload so far | Tests built into the pipeline run on every change, not once. |
 * | I-SB-1-B | `cyclonedx` | 1: components listed with their dependency graph; 0.5: components without the graph; 0: an empty SBOM | An SBOM is the inventory of third-party dependencies. |
 * | I-SB-2-B | `cyclonedx` + `openssf-scorecard` checks Vulnerabilities, Dependency-Update-Tool | 1: an SBOM and either check ≥ 8; 0.5: one of the two; 0.25: checks below 8 and no SBOM | Dependencies are reviewed when they are inventoried and checked for known vulnerabilities or kept updated by a tool. |
 * | I-SB-2-A | `slsa-provenance` build level | 1: level ≥ 2; 0.5: level 1; 0: level 0 | SLSA build level 2 means a hosted, automated build platform. |
 * | I-SB-3-A | `slsa-provenance` build level | 1: level 3; 0.5: level 2 | Level 3 is a hardened, isolated build: a baseline the tenant cannot bypass. |
 * | I-SD-1-B | `sarif` from a secret scanner (gitleaks, TruffleHog, …) | 1: no open secret findings; 0.5: open findings | Secrets are kept out of code when a scanner looks for them and finds none. |
 * | I-SD-2-A | `openssf-scorecard` checks Branch-Protection, Code-Review | 1: both ≥ 8; 0.5: both ≥ 5; 0.25: otherwise | Nothing reaches the branch that is deployed without review: controlled promotion. |
 * | I-DM-1-B | `sarif` | 1: a current upload with results by level | The number of open defects is known, by severity. |
 * | I-DM-2-A | `sarif` error-level results, first seen | 1: none open longer than 30 days; 0.5: the oldest 31–90 days; 0.25: older | Defects rated by severity and fixed within a deadline; old open errors mean the deadlines are not kept. |
 *
 * Signals the GitHub module collects (pull; each rule below comes after the
 * rules over pushed files for the same activity, so a pushed file wins):
 *
 * | Activity | Signal (source, key) | Thresholds | Why |
 * |---|---|---|---|
 * | I-SD-2-A | `github` `branch-protection` | 1: required reviews, required status checks, admins included; 0.5: required reviews; 0.25: protected without reviews; 0: not protected | Controlled promotion: nothing reaches the deployed branch unreviewed and unchecked. |
 * | I-SD-2-A | `openssf-scorecard-api` checks Branch-Protection, Code-Review | as for a pushed Scorecard | as above |
 * | I-SB-2-B | `github` `dependabot-alerts` (enabled) | 1: no critical/high open longer than 30 days; 0.5: the oldest 31–90 days; 0.25: older | Dependencies are checked for known vulnerabilities, and the team reacts in time. |
 * | I-SB-2-B | `openssf-scorecard-api` checks Vulnerabilities, Dependency-Update-Tool | 0.5: either ≥ 8; 0.25: otherwise | Checked or kept updated by a tool; no SBOM. |
 * | I-SD-1-B | `github` `secret-scanning-alerts` (enabled) | 1: none open; 0.5: open alerts | Secrets are kept out of code when a scanner looks for them and finds none. |
 * | I-DM-1-B | `github` `dependabot-alerts`, `code-scanning-alerts` (enabled) | 1 | The number of open defects is known, by severity. |
 * | I-DM-2-A | `github` `dependabot-alerts` (enabled) | as I-SB-2-B | Critical and high alerts fixed within a deadline. |
 * | V-ST-1-A | `github` `code-scanning-alerts` (enabled); else `openssf-scorecard-api` check SAST | 1: code scanning set up, or SAST ≥ 8; 0.5: SAST 1–7 | An automated security test ran against the code. |
 * | V-ST-2-A | `openssf-scorecard-api` checks SAST, Fuzzing | 1: both ≥ 8; 0.5: one | SAST on every commit and fuzzing are tests built into the pipeline. |
 *
 * A feature GitHub reports as disabled (Dependabot, code or secret scanning)
 * gives no answer, so other tools' evidence or an attested answer may count:
 * the team may use another scanner.
 *
 * The SLSA provenance maps to the Build Process stream (I-SB stream A): in
 * SAMM v2 stream B of Secure Build is Software Dependencies, which the SBOM
 * and the dependency checks answer.
 *
 * How these answers combine with the record rules: they come from a scorer
 * of their own (`samm-signals`), and for each activity the plugin keeps the
 * higher of the two answers (the record rule's on a tie). SAMM asks whether
 * an activity is done; either source showing that it is done is enough, and
 * a tool's result never takes away what the records show. Where only one
 * source has something to go on, its answer counts; where neither has, an
 * attested answer may.
 *
 * Every answer is dated (the day the tool observed it) and linked (the link
 * CI pushed with the file), and holds until the signal's `validUntil` (30
 * days for scans and scorecards, 90 for SBOMs and provenance by default) or
 * until an age in the thresholds is passed, whichever is first; after that,
 * the signal gives no answer until a new one is pushed.
 */
import { EvidenceSignal } from '@secmat/backstage-plugin-security-maturity-common';
import { ScorerInput } from '@secmat/backstage-plugin-security-maturity-node';
import { answer, daysSince, dayOf, olderThanFrom, SammRule } from './helpers';

/** The fields of the SARIF summary the rules read. */
type Sarif = {
  tool: string;
  results: number;
  byLevel: Record<'error' | 'warning' | 'note' | 'none', number>;
  previousObservedAt: string | null;
  errorsOpen: number;
  oldestErrorSince: string | null;
  secretScanning: boolean;
};
type Scorecard = { repo: string; checks: Record<string, number> };
type Sbom = {
  components: number;
  hasDependencies: boolean;
  specVersion: string;
};
type Provenance = {
  buildLevel: number;
  levelReason: string;
  builderId: string | null;
};

/** Days between a tool's uploads that still count as running in the pipeline. */
export const PIPELINE_RERUN_DAYS = 30;
/** Days an error-level result may stay open before the deadline is missed. */
export const ERROR_DEADLINE_DAYS = 30;
/** Days after which an open error counts as long overdue. */
export const ERROR_OVERDUE_DAYS = 90;

/** The current signals of a source that are still valid at `now`. */
function valid<T>(input: ScorerInput, source: string) {
  const now = input.now.getTime();
  return (input.signals ?? [])
    .filter(
      s =>
        s.source === source &&
        (!s.validUntil || Date.parse(s.validUntil) > now) &&
        s.value !== null &&
        typeof s.value === 'object',
    )
    .sort((a, b) => b.observedAt.localeCompare(a.observedAt))
    .map(s => ({ signal: s, value: s.value as unknown as T }));
}

/** The earliest of the signals' validity ends and any other times. */
function until(
  signals: EvidenceSignal[],
  ...others: Array<string | undefined>
): string | undefined {
  const times = [...signals.map(s => s.validUntil), ...others].filter(
    (t): t is string => Boolean(t),
  );
  return times.length ? times.sort()[0] : undefined;
}

const TITLES: Record<string, string> = {
  sarif: 'SARIF results',
  'openssf-scorecard': 'OpenSSF Scorecard',
  cyclonedx: 'CycloneDX SBOM',
  'slsa-provenance': 'SLSA provenance',
  github: 'GitHub',
  'openssf-scorecard-api': 'OpenSSF Scorecard',
};

/** Links to where the tools' own results are. */
function linksOf(signals: EvidenceSignal[]) {
  const seen = new Set<string>();
  const links: Array<{ title: string; url: string }> = [];
  for (const s of signals) {
    const url =
      s.link ??
      (s.source === 'openssf-scorecard' && /^github\.com\//.test(s.key)
        ? `https://scorecard.dev/viewer/?uri=${encodeURIComponent(s.key)}`
        : undefined);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    links.push({
      title: `${TITLES[s.source] ?? s.source} of ${dayOf(s.observedAt)}`,
      url,
    });
  }
  return links.slice(0, 5);
}

const check = (card: Scorecard, name: string): number | undefined => {
  const score = card.checks[name];
  return typeof score === 'number' && score >= 0 ? score : undefined;
};

// --- signals the GitHub module collects (pull) ------------------------------
// Shapes written by @secmat/backstage-plugin-security-maturity-backend-module-github.

/** The GitHub collector's source. */
const GITHUB = 'github';
/** The Scorecard API collector's source: one signal per check, and `overall`. */
const SCORECARD_API = 'openssf-scorecard-api';

type GithubDependabot = {
  enabled: boolean;
  open: number;
  bySeverity: Record<string, number>;
  oldestCriticalOrHighSince: string | null;
};
type GithubCodeScanning = {
  enabled: boolean;
  open: number;
  bySeverity: Record<string, number>;
  byTool: Record<string, number>;
};
type GithubSecretScanning = { enabled: boolean; open: number };
type GithubBranchProtection = {
  branch: string;
  protected: boolean;
  requiredReviews: number | null;
  requiredStatusChecks: string[] | null;
  enforceAdmins: boolean;
};

/**
 * The Scorecard API collector's per-check signals as one scorecard, dated by
 * the `overall` signal (or the newest check).
 */
function scorecardFromApi(input: ScorerInput) {
  const found = valid<{ score: number }>(input, SCORECARD_API);
  if (!found.length) return undefined;
  const checks: Record<string, number> = {};
  for (const s of found) {
    if (s.signal.key !== 'overall' && typeof s.value.score === 'number') {
      checks[s.signal.key] = s.value.score;
    }
  }
  const signal =
    found.find(s => s.signal.key === 'overall')?.signal ?? found[0].signal;
  return {
    signal,
    signals: found.map(s => s.signal),
    value: { repo: '', checks } as Scorecard,
  };
}

/** Dependabot's critical and high alerts against the deadlines. */
function dependabotAnswer(
  d: { signal: EvidenceSignal; value: GithubDependabot },
  now: Date,
  what: string,
) {
  const { bySeverity, oldestCriticalOrHighSince: oldest } = d.value;
  const open = (bySeverity?.critical ?? 0) + (bySeverity?.high ?? 0);
  const on = dayOf(d.signal.observedAt);
  const links = linksOf([d.signal]);
  if (!open || !oldest) {
    return answer(
      1,
      `Dependabot ${what}: no critical or high alerts open (${on}; ${d.value.open} open in all).`,
      links,
      until([d.signal]),
    );
  }
  const age = daysSince(oldest, now);
  const head = `Dependabot ${what}: ${open} critical or high alert(s) open (${on}), the oldest since ${dayOf(
    oldest,
  )}`;
  if (age <= ERROR_DEADLINE_DAYS) {
    return answer(
      1,
      `${head}: within the ${ERROR_DEADLINE_DAYS}-day deadline.`,
      links,
      until([d.signal], olderThanFrom(oldest, ERROR_DEADLINE_DAYS)),
    );
  }
  if (age <= ERROR_OVERDUE_DAYS) {
    return answer(
      0.5,
      `${head}: past the ${ERROR_DEADLINE_DAYS}-day deadline.`,
      links,
      until([d.signal], olderThanFrom(oldest, ERROR_OVERDUE_DAYS)),
    );
  }
  return answer(
    0.25,
    `${head}: more than ${ERROR_OVERDUE_DAYS} days.`,
    links,
    until([d.signal]),
  );
}

export const signalRules: SammRule[] = [
  {
    activityId: 'V-ST-1-A',
    why: 'An automated security test ran against the component and its result is on file.',
    evaluate: input => {
      const sarif = valid<Sarif>(input, 'sarif');
      if (sarif.length) {
        const tools = [...new Set(sarif.map(s => s.value.tool))];
        return answer(
          1,
          `${tools.join(', ')} scanned it; latest results from ${dayOf(
            sarif[0].signal.observedAt,
          )}.`,
          linksOf(sarif.map(s => s.signal)),
          until(sarif.map(s => s.signal)),
        );
      }
      const [card] = valid<Scorecard>(input, 'openssf-scorecard');
      const sast = card && check(card.value, 'SAST');
      if (!card || sast === undefined || sast === 0) return undefined;
      return answer(
        sast >= 8 ? 1 : 0.5,
        `OpenSSF Scorecard of ${dayOf(
          card.signal.observedAt,
        )} rates SAST on commits ${sast}/10.`,
        linksOf([card.signal]),
        until([card.signal]),
      );
    },
  },
  {
    activityId: 'V-ST-2-A',
    why: 'Tests built into the pipeline run on every change, not once.',
    evaluate: input => {
      const sarif = valid<Sarif>(input, 'sarif');
      if (!sarif.length) return undefined;
      const rerun = sarif.find(
        s =>
          s.value.previousObservedAt &&
          Date.parse(s.signal.observedAt) -
            Date.parse(s.value.previousObservedAt) <=
            PIPELINE_RERUN_DAYS * 86_400_000,
      );
      if (rerun) {
        return answer(
          1,
          `${rerun.value.tool} runs in the pipeline: uploads on ${dayOf(
            rerun.value.previousObservedAt!,
          )} and ${dayOf(rerun.signal.observedAt)}.`,
          linksOf([rerun.signal]),
          until([rerun.signal]),
        );
      }
      return answer(
        0.5,
        `${sarif[0].value.tool} results were uploaded once (${dayOf(
          sarif[0].signal.observedAt,
        )}); a second upload from the pipeline shows it runs on every change.`,
        linksOf([sarif[0].signal]),
        until(sarif.map(s => s.signal)),
      );
    },
  },
  {
    activityId: 'I-SB-1-B',
    why: 'An SBOM is the inventory of third-party dependencies.',
    evaluate: input => {
      const [sbom] = valid<Sbom>(input, 'cyclonedx');
      if (!sbom) return undefined;
      const { components, hasDependencies, specVersion } = sbom.value;
      const on = dayOf(sbom.signal.observedAt);
      if (components === 0) {
        return answer(
          0,
          `The CycloneDX SBOM of ${on} lists no components.`,
          linksOf([sbom.signal]),
          until([sbom.signal]),
        );
      }
      return answer(
        hasDependencies ? 1 : 0.5,
        `CycloneDX ${specVersion} SBOM of ${on}: ${components} components${
          hasDependencies
            ? ' with their dependency graph'
            : ', without the dependency graph'
        }.`,
        linksOf([sbom.signal]),
        until([sbom.signal]),
      );
    },
  },
  {
    activityId: 'I-SB-2-B',
    why: 'Dependencies are reviewed when they are inventoried and checked for known vulnerabilities or kept updated by a tool.',
    evaluate: input => {
      const [sbom] = valid<Sbom>(input, 'cyclonedx');
      const [card] = valid<Scorecard>(input, 'openssf-scorecard');
      const vulns = card && check(card.value, 'Vulnerabilities');
      const updates = card && check(card.value, 'Dependency-Update-Tool');
      const checked = (vulns ?? 0) >= 8 || (updates ?? 0) >= 8;
      const hasSbom = Boolean(sbom && sbom.value.components > 0);
      if (!hasSbom && vulns === undefined && updates === undefined) {
        return undefined;
      }
      const used = [sbom?.signal, card?.signal].filter(
        (s): s is EvidenceSignal => Boolean(s),
      );
      const scores = card
        ? `Scorecard of ${dayOf(card.signal.observedAt)}: Vulnerabilities ${
            vulns ?? '?'
          }/10, Dependency-Update-Tool ${updates ?? '?'}/10`
        : 'no Scorecard';
      const inventory = hasSbom
        ? `SBOM of ${dayOf(sbom!.signal.observedAt)}`
        : 'no SBOM';
      let value = 0.25;
      if (hasSbom && checked) value = 1;
      else if (hasSbom || checked) value = 0.5;
      return answer(
        value,
        `${inventory}; ${scores}.`,
        linksOf(used),
        until(used),
      );
    },
  },
  {
    activityId: 'I-SB-2-A',
    why: 'SLSA build level 2 means a hosted, automated build platform.',
    evaluate: input => {
      const [p] = valid<Provenance>(input, 'slsa-provenance');
      if (!p) return undefined;
      const level = p.value.buildLevel;
      return answer(
        Math.min(1, level / 2),
        `Provenance of ${dayOf(
          p.signal.observedAt,
        )}: SLSA build level ${level}. ${p.value.levelReason}`,
        linksOf([p.signal]),
        until([p.signal]),
      );
    },
  },
  {
    activityId: 'I-SB-3-A',
    why: 'SLSA build level 3 is a hardened, isolated build: a baseline the tenant cannot bypass.',
    evaluate: input => {
      const [p] = valid<Provenance>(input, 'slsa-provenance');
      if (!p || p.value.buildLevel < 2) return undefined;
      const level = p.value.buildLevel;
      return answer(
        level >= 3 ? 1 : 0.5,
        `Provenance of ${dayOf(
          p.signal.observedAt,
        )}: SLSA build level ${level}${
          level >= 3
            ? ', a hardened build'
            : '; level 3 needs a hardened builder'
        }.`,
        linksOf([p.signal]),
        until([p.signal]),
      );
    },
  },
  {
    activityId: 'I-SD-1-B',
    why: 'Secrets are kept out of code when a scanner looks for them and finds none.',
    evaluate: input => {
      const scans = valid<Sarif>(input, 'sarif').filter(
        s => s.value.secretScanning,
      );
      if (!scans.length) return undefined;
      const open = scans.reduce((n, s) => n + s.value.results, 0);
      const used = scans.map(s => s.signal);
      return answer(
        open === 0 ? 1 : 0.5,
        open === 0
          ? `${scans[0].value.tool} found no secrets in the code (${dayOf(
              scans[0].signal.observedAt,
            )}).`
          : `${
              scans[0].value.tool
            } found ${open} possible secret(s) in the code (${dayOf(
              scans[0].signal.observedAt,
            )}): rotate them and remove them from the code.`,
        linksOf(used),
        until(used),
      );
    },
  },
  {
    activityId: 'I-SD-2-A',
    why: 'Nothing reaches the branch that is deployed without review: controlled promotion.',
    evaluate: input => {
      const [card] = valid<Scorecard>(input, 'openssf-scorecard');
      if (!card) return undefined;
      const protection = check(card.value, 'Branch-Protection');
      const review = check(card.value, 'Code-Review');
      if (protection === undefined && review === undefined) return undefined;
      const p = protection ?? 0;
      const r = review ?? 0;
      let value = 0.25;
      if (p >= 8 && r >= 8) value = 1;
      else if (p >= 5 && r >= 5) value = 0.5;
      return answer(
        value,
        `OpenSSF Scorecard of ${dayOf(
          card.signal.observedAt,
        )}: Branch-Protection ${protection ?? '?'}/10, Code-Review ${
          review ?? '?'
        }/10.`,
        linksOf([card.signal]),
        until([card.signal]),
      );
    },
  },
  {
    activityId: 'I-DM-1-B',
    why: 'The number of open defects is known, by severity.',
    evaluate: input => {
      const sarif = valid<Sarif>(input, 'sarif');
      if (!sarif.length) return undefined;
      const sum = (level: keyof Sarif['byLevel']) =>
        sarif.reduce((n, s) => n + (s.value.byLevel?.[level] ?? 0), 0);
      return answer(
        1,
        `Open findings as of ${dayOf(sarif[0].signal.observedAt)}: ${sum(
          'error',
        )} errors, ${sum('warning')} warnings, ${sum('note')} notes (${sarif
          .map(s => s.value.tool)
          .join(', ')}).`,
        linksOf(sarif.map(s => s.signal)),
        until(sarif.map(s => s.signal)),
      );
    },
  },
  {
    activityId: 'I-DM-2-A',
    why: 'Defects rated by severity and fixed within a deadline; old open errors mean the deadlines are not kept.',
    evaluate: input => {
      const sarif = valid<Sarif>(input, 'sarif');
      if (!sarif.length) return undefined;
      const used = sarif.map(s => s.signal);
      const open = sarif.reduce((n, s) => n + (s.value.errorsOpen ?? 0), 0);
      const oldest = sarif
        .map(s => s.value.oldestErrorSince)
        .filter((t): t is string => Boolean(t))
        .sort()[0];
      if (!open || !oldest) {
        return answer(
          1,
          `No error-level findings open (${dayOf(
            sarif[0].signal.observedAt,
          )}).`,
          linksOf(used),
          until(used),
        );
      }
      const age = daysSince(oldest, input.now);
      if (age <= ERROR_DEADLINE_DAYS) {
        return answer(
          1,
          `${open} error-level finding(s) open, the oldest since ${dayOf(
            oldest,
          )}: within the ${ERROR_DEADLINE_DAYS}-day deadline.`,
          linksOf(used),
          until(used, olderThanFrom(oldest, ERROR_DEADLINE_DAYS)),
        );
      }
      if (age <= ERROR_OVERDUE_DAYS) {
        return answer(
          0.5,
          `${open} error-level finding(s) open, the oldest since ${dayOf(
            oldest,
          )}: past the ${ERROR_DEADLINE_DAYS}-day deadline.`,
          linksOf(used),
          until(used, olderThanFrom(oldest, ERROR_OVERDUE_DAYS)),
        );
      }
      return answer(
        0.25,
        `${open} error-level finding(s) open, the oldest since ${dayOf(
          oldest,
        )}: more than ${ERROR_OVERDUE_DAYS} days.`,
        linksOf(used),
        until(used),
      );
    },
  },
  // --- collected by the GitHub module (pull, not push) ---------------------
  // Each comes after the rules over pushed files for the same activity: the
  // scorer takes the first rule per activity that answers, so a file CI
  // pushed wins and these answer where no file was pushed.
  {
    activityId: 'I-SD-2-A',
    why: 'A protected default branch with required reviews and status checks that admins cannot bypass is controlled promotion: nothing reaches what is deployed unreviewed and unchecked.',
    evaluate: input => {
      const [bp] = valid<GithubBranchProtection>(input, GITHUB).filter(
        s => s.signal.key === 'branch-protection',
      );
      if (!bp) return undefined;
      const v = bp.value;
      const on = dayOf(bp.signal.observedAt);
      const reviews = v.requiredReviews ?? 0;
      const checks = v.requiredStatusChecks ?? [];
      if (!v.protected) {
        return answer(
          0,
          `GitHub, ${on}: the default branch ${v.branch} is not protected; anyone with write access can push to it.`,
          linksOf([bp.signal]),
          until([bp.signal]),
        );
      }
      const gaps = [
        reviews < 1 && 'no required reviews',
        checks.length === 0 && 'no required status checks',
        !v.enforceAdmins && 'admins can bypass it',
      ].filter((g): g is string => Boolean(g));
      let value = 0.25;
      if (reviews >= 1) {
        value = checks.length > 0 && v.enforceAdmins ? 1 : 0.5;
      }
      return answer(
        value,
        `GitHub, ${on}: ${
          v.branch
        } is protected with ${reviews} required review(s)${
          checks.length ? ` and required checks ${checks.join(', ')}` : ''
        }${gaps.length ? `; ${gaps.join(', ')}` : ''}.`,
        linksOf([bp.signal]),
        until([bp.signal]),
      );
    },
  },
  {
    activityId: 'I-SD-2-A',
    why: 'Nothing reaches the branch that is deployed without review: controlled promotion.',
    evaluate: input => {
      const card = scorecardFromApi(input);
      if (!card) return undefined;
      const protection = check(card.value, 'Branch-Protection');
      const review = check(card.value, 'Code-Review');
      if (protection === undefined && review === undefined) return undefined;
      const p = protection ?? 0;
      const r = review ?? 0;
      let value = 0.25;
      if (p >= 8 && r >= 8) value = 1;
      else if (p >= 5 && r >= 5) value = 0.5;
      return answer(
        value,
        `OpenSSF Scorecard of ${dayOf(
          card.signal.observedAt,
        )}: Branch-Protection ${protection ?? '?'}/10, Code-Review ${
          review ?? '?'
        }/10.`,
        linksOf([card.signal]),
        until(card.signals),
      );
    },
  },
  {
    activityId: 'I-SB-2-B',
    why: 'Dependabot checks the dependencies against known vulnerabilities continuously; critical and high alerts closed within the deadline show the team reacts in time.',
    evaluate: input => {
      const [d] = valid<GithubDependabot>(input, GITHUB).filter(
        s => s.signal.key === 'dependabot-alerts' && s.value.enabled,
      );
      if (!d) return undefined;
      return dependabotAnswer(d, input.now, 'checks the dependencies');
    },
  },
  {
    activityId: 'I-SB-2-B',
    why: 'Dependencies are checked for known vulnerabilities or kept updated by a tool.',
    evaluate: input => {
      const card = scorecardFromApi(input);
      if (!card) return undefined;
      const vulns = check(card.value, 'Vulnerabilities');
      const updates = check(card.value, 'Dependency-Update-Tool');
      if (vulns === undefined && updates === undefined) return undefined;
      const checked = (vulns ?? 0) >= 8 || (updates ?? 0) >= 8;
      return answer(
        checked ? 0.5 : 0.25,
        `Scorecard of ${dayOf(card.signal.observedAt)}: Vulnerabilities ${
          vulns ?? '?'
        }/10, Dependency-Update-Tool ${
          updates ?? '?'
        }/10; no SBOM (an SBOM as well gives full credit).`,
        linksOf([card.signal]),
        until(card.signals),
      );
    },
  },
  {
    activityId: 'I-SD-1-B',
    why: "GitHub's secret scanning looks for secrets in the code; none open means none found or all handled.",
    evaluate: input => {
      const [s] = valid<GithubSecretScanning>(input, GITHUB).filter(
        x => x.signal.key === 'secret-scanning-alerts' && x.value.enabled,
      );
      if (!s) return undefined;
      const on = dayOf(s.signal.observedAt);
      return answer(
        s.value.open === 0 ? 1 : 0.5,
        s.value.open === 0
          ? `GitHub secret scanning is on and has no open alerts (${on}).`
          : `GitHub secret scanning has ${s.value.open} open alert(s) (${on}): rotate those secrets and close the alerts.`,
        linksOf([s.signal]),
        until([s.signal]),
      );
    },
  },
  {
    activityId: 'I-DM-1-B',
    why: 'The number of open defects is known, by severity.',
    evaluate: input => {
      const found = valid<GithubDependabot & GithubCodeScanning>(
        input,
        GITHUB,
      ).filter(
        s =>
          (s.signal.key === 'dependabot-alerts' ||
            s.signal.key === 'code-scanning-alerts') &&
          s.value.enabled,
      );
      if (!found.length) return undefined;
      const parts = found.map(
        s =>
          `${
            s.signal.key === 'dependabot-alerts'
              ? 'Dependabot'
              : 'code scanning'
          } ${s.value.open} open (${
            Object.entries(s.value.bySeverity ?? {})
              .filter(([, n]) => n > 0)
              .map(([level, n]) => `${n} ${level}`)
              .join(', ') || 'none'
          })`,
      );
      return answer(
        1,
        `GitHub alerts as of ${dayOf(found[0].signal.observedAt)}: ${parts.join(
          '; ',
        )}.`,
        linksOf(found.map(s => s.signal)),
        until(found.map(s => s.signal)),
      );
    },
  },
  {
    activityId: 'I-DM-2-A',
    why: 'Vulnerable dependencies rated critical or high and fixed within a deadline; old open alerts mean the deadlines are not kept.',
    evaluate: input => {
      const [d] = valid<GithubDependabot>(input, GITHUB).filter(
        s => s.signal.key === 'dependabot-alerts' && s.value.enabled,
      );
      if (!d) return undefined;
      return dependabotAnswer(d, input.now, 'rates the alerts');
    },
  },
  {
    activityId: 'V-ST-1-A',
    why: 'Code scanning (CodeQL or another tool uploading to GitHub) is an automated security test of the code.',
    evaluate: input => {
      const [c] = valid<GithubCodeScanning>(input, GITHUB).filter(
        s => s.signal.key === 'code-scanning-alerts' && s.value.enabled,
      );
      if (!c) return undefined;
      const tools = Object.keys(c.value.byTool ?? {});
      return answer(
        1,
        `GitHub code scanning is set up${
          tools.length ? ` (${tools.join(', ')})` : ''
        }: ${c.value.open} open alert(s) on ${dayOf(c.signal.observedAt)}.`,
        linksOf([c.signal]),
        until([c.signal]),
      );
    },
  },
  {
    activityId: 'V-ST-1-A',
    why: 'An automated security test ran against the component and its result is on file.',
    evaluate: input => {
      const card = scorecardFromApi(input);
      const sast = card && check(card.value, 'SAST');
      if (!card || sast === undefined || sast === 0) return undefined;
      return answer(
        sast >= 8 ? 1 : 0.5,
        `OpenSSF Scorecard of ${dayOf(
          card.signal.observedAt,
        )} rates SAST on commits ${sast}/10.`,
        linksOf([card.signal]),
        until(card.signals),
      );
    },
  },
  {
    activityId: 'V-ST-2-A',
    why: 'SAST that runs on every commit and fuzzing tuned to the code are automated security tests built into the pipeline.',
    evaluate: input => {
      const card = scorecardFromApi(input);
      if (!card) return undefined;
      const sast = check(card.value, 'SAST');
      const fuzzing = check(card.value, 'Fuzzing');
      const sastOk = (sast ?? 0) >= 8;
      const fuzzOk = (fuzzing ?? 0) >= 8;
      if (!sastOk && !fuzzOk) return undefined;
      let missing = '';
      if (!fuzzOk) missing = '; fuzzing as well shows tests tuned to the code';
      if (!sastOk) {
        missing =
          '; SAST on every commit as well shows the pipeline tests each change';
      }
      return answer(
        sastOk && fuzzOk ? 1 : 0.5,
        `OpenSSF Scorecard of ${dayOf(card.signal.observedAt)}: SAST ${
          sast ?? '?'
        }/10, Fuzzing ${fuzzing ?? '?'}/10${missing}.`,
        linksOf([card.signal]),
        until(card.signals),
      );
    },
  },
];
