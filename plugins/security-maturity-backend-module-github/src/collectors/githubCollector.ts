import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  CollectedSignal,
  SecurityMaturityEvidenceCollector,
} from '@secmat/backstage-plugin-security-maturity-node';
import { GithubCollectorsConfig } from '../config';
import {
  ApiResponseError,
  ApiUnreachableError,
  fetchAllPages,
  fetchJson,
  FetchJsonOptions,
  RateLimitedError,
  Sleep,
} from '../http/fetchApi';
import {
  addDays,
  mapLimit,
  projectSlug,
  refOf,
  RunState,
  PROJECT_SLUG_ANNOTATION,
} from './shared';

/** The source of the GitHub collector's signals. @public */
export const GITHUB_COLLECTOR_ID = 'github';

/** The signals' keys, and the shapes of their values (rules read these). @public */
export const GITHUB_SIGNAL_KEYS = {
  dependabot: 'dependabot-alerts',
  codeScanning: 'code-scanning-alerts',
  secretScanning: 'secret-scanning-alerts',
  branchProtection: 'branch-protection',
} as const;

/** @public */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** `dependabot-alerts`: open Dependabot alerts. @public */
export type DependabotSignal = {
  enabled: boolean;
  open: number;
  bySeverity: Record<Severity, number>;
  /** When the oldest open critical or high alert was opened. */
  oldestCriticalOrHighSince: string | null;
};

/** `code-scanning-alerts`: open code scanning alerts. @public */
export type CodeScanningSignal = {
  enabled: boolean;
  open: number;
  /** By security severity where the rule has one, else by the rule's severity (error, warning, note). */
  bySeverity: Record<string, number>;
  byTool: Record<string, number>;
};

/** `secret-scanning-alerts`: open secret scanning alerts. @public */
export type SecretScanningSignal = { enabled: boolean; open: number };

/** `branch-protection`: the default branch's protection rule. @public */
export type BranchProtectionSignal = {
  branch: string;
  protected: boolean;
  /** Approving reviews required before merging; null without required reviews. */
  requiredReviews: number | null;
  dismissStaleReviews: boolean;
  requireCodeOwnerReviews: boolean;
  /** Status checks required to pass; null without required checks. */
  requiredStatusChecks: string[] | null;
  strictStatusChecks: boolean;
  enforceAdmins: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
};

/** What the REST API answers, as far as the collector reads it. */
type Repository = {
  default_branch: string;
  html_url: string;
  private?: boolean;
  visibility?: string;
  archived?: boolean;
};
type DependabotAlert = {
  state: string;
  created_at: string;
  security_advisory?: { severity?: string };
  security_vulnerability?: { severity?: string };
};
type CodeScanningAlert = {
  state: string;
  rule?: { severity?: string | null; security_severity_level?: string | null };
  tool?: { name?: string | null };
};
type SecretScanningAlert = { state: string };
type BranchProtection = {
  required_status_checks?: {
    strict?: boolean;
    contexts?: string[];
    checks?: Array<{ context: string }>;
  } | null;
  enforce_admins?: { enabled?: boolean } | null;
  required_pull_request_reviews?: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
  } | null;
  allow_force_pushes?: { enabled?: boolean } | null;
  allow_deletions?: { enabled?: boolean } | null;
};

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

/** A feature that is off for the repository, as GitHub words it. */
const isDisabled = (e: unknown) =>
  e instanceof ApiResponseError &&
  (e.status === 403 || e.status === 404) &&
  /disabled|not enabled|must be enabled|no analysis found/i.test(e.apiMessage);

/** Errors that end the run: every further request would fail the same way. */
const endsRun = (e: unknown) =>
  e instanceof ApiUnreachableError ||
  e instanceof RateLimitedError ||
  (e instanceof ApiResponseError && e.status === 401);

/** @public */
export type GithubCollectorOptions = {
  config: GithubCollectorsConfig;
  integrations: ScmIntegrationRegistry;
  credentialsProvider?: GithubCredentialsProvider;
  logger: LoggerService;
  sleep?: Sleep;
  clock?: () => number;
};

/** Headers and base URL for one repository, or why there are none. */
export async function githubAccess(
  options: Pick<GithubCollectorOptions, 'integrations' | 'config'> & {
    credentials: GithubCredentialsProvider;
  },
  owner: string,
  repo: string,
): Promise<
  | { ok: true; apiBaseUrl: string; headers: Record<string, string> }
  | { ok: false; key: string; reason: string }
> {
  const host = options.config.host;
  const integration = options.integrations.github.byHost(host);
  if (!integration) {
    return {
      ok: false,
      key: `integration:${host}`,
      reason: `No integrations.github entry for ${host}`,
    };
  }
  const apiBaseUrl = integration.config.apiBaseUrl ?? 'https://api.github.com';
  let token: string | undefined;
  try {
    ({ token } = await options.credentials.getCredentials({
      url: `https://${host}/${owner}/${repo}`,
    }));
  } catch (error) {
    return {
      ok: false,
      key: `credentials:${host}/${owner}`,
      reason: `No GitHub credentials for ${host}/${owner}: ${error}`,
    };
  }
  if (!token) {
    return {
      ok: false,
      key: `credentials:${host}`,
      reason: `No GitHub credentials for ${host}: configure a token or a GitHub App in integrations.github`,
    };
  }
  return {
    ok: true,
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    headers: {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'backstage-security-maturity',
      Authorization: `Bearer ${token}`,
    },
  };
}

const enc = encodeURIComponent;

/**
 * The GitHub collector: for each component with a `github.com/project-slug`
 * annotation, its open Dependabot, code scanning and secret scanning alerts
 * and its default branch's protection, as four signals.
 *
 * Entities without the annotation are skipped. Missing credentials and an
 * unreachable or rate-limited API are logged once per run and give no
 * signals, so the signals collected before stay current until their
 * `validUntil`.
 *
 * @public
 */
export function createGithubCollector(
  options: GithubCollectorOptions,
): SecurityMaturityEvidenceCollector {
  const { config, logger } = options;
  const credentials =
    options.credentialsProvider ??
    DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  const state = new RunState(logger);

  async function collectOne(
    entity: Entity,
    now: Date,
  ): Promise<CollectedSignal[]> {
    const slug = projectSlug(entity);
    if (!slug || state.stopped) return [];
    const { owner, repo } = slug;
    const access = await githubAccess({ ...options, credentials }, owner, repo);
    if (!access.ok) {
      state.warnOnce(
        access.key,
        `GitHub evidence collector: ${access.reason}; the signals collected before stay until they expire`,
      );
      return [];
    }
    const http: FetchJsonOptions = {
      headers: access.headers,
      sleep: options.sleep,
      clock: options.clock,
      maxWaitMs: config.maxRateLimitWaitMs,
    };
    const base = `${access.apiBaseUrl}/repos/${enc(owner)}/${enc(repo)}`;
    const observedAt = now.toISOString();
    const validUntil = addDays(observedAt, config.validDays);

    let repository: Repository;
    try {
      repository = (await fetchJson<Repository>(base, http)).body;
    } catch (error) {
      if (endsRun(error)) throw error;
      state.warnOnce(
        `repo:${refOf(entity)}`,
        `GitHub evidence collector: ${refOf(
          entity,
        )} names ${owner}/${repo} in ${PROJECT_SLUG_ANNOTATION}, which could not be read: ${error}`,
      );
      return [];
    }
    const htmlUrl = /^https?:\/\//i.test(repository.html_url ?? '')
      ? repository.html_url.replace(/\/+$/, '')
      : `https://${config.host}/${owner}/${repo}`;

    const signal = (
      key: string,
      value: object,
      path: string,
    ): CollectedSignal => ({
      entity,
      key,
      value: value as CollectedSignal['value'],
      observedAt,
      validUntil,
      link: `${htmlUrl}${path}`,
    });

    /** One area: its signal, or none when GitHub would not say. */
    const area = async (
      name: string,
      read: () => Promise<CollectedSignal>,
      whenDisabled: () => CollectedSignal,
      disabled: (error: unknown) => boolean = isDisabled,
    ): Promise<CollectedSignal[]> => {
      try {
        return [await read()];
      } catch (error) {
        if (endsRun(error)) throw error;
        if (disabled(error)) return [whenDisabled()];
        const status = error instanceof ApiResponseError ? error.status : '';
        state.warnOnce(
          `${name}:${status}`,
          `GitHub evidence collector could not read ${name} (first seen for ${owner}/${repo}): ${error}`,
        );
        return [];
      }
    };

    const list = <T>(path: string) =>
      fetchAllPages<T>(`${base}${path}?state=open&per_page=100`, http);

    const results = await Promise.all([
      area(
        'Dependabot alerts',
        async () => {
          const alerts = await list<DependabotAlert>('/dependabot/alerts');
          const bySeverity = Object.fromEntries(
            SEVERITIES.map(s => [s, 0]),
          ) as Record<Severity, number>;
          let oldest: string | null = null;
          for (const a of alerts) {
            if (a.state !== 'open') continue;
            const severity = (a.security_vulnerability?.severity ??
              a.security_advisory?.severity ??
              '') as Severity;
            if (severity in bySeverity) bySeverity[severity]++;
            if (
              (severity === 'critical' || severity === 'high') &&
              a.created_at &&
              (!oldest || Date.parse(a.created_at) < Date.parse(oldest))
            ) {
              oldest = a.created_at;
            }
          }
          const value: DependabotSignal = {
            enabled: true,
            open: alerts.filter(a => a.state === 'open').length,
            bySeverity,
            oldestCriticalOrHighSince: oldest
              ? new Date(oldest).toISOString()
              : null,
          };
          return signal(
            GITHUB_SIGNAL_KEYS.dependabot,
            value,
            '/security/dependabot',
          );
        },
        () =>
          signal(
            GITHUB_SIGNAL_KEYS.dependabot,
            {
              enabled: false,
              open: 0,
              bySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
              oldestCriticalOrHighSince: null,
            } satisfies DependabotSignal,
            '/security/dependabot',
          ),
      ),
      area(
        'code scanning alerts',
        async () => {
          const alerts = await list<CodeScanningAlert>('/code-scanning/alerts');
          const bySeverity: Record<string, number> = {};
          const byTool: Record<string, number> = {};
          const open = alerts.filter(a => a.state === 'open');
          for (const a of open) {
            const severity =
              a.rule?.security_severity_level ?? a.rule?.severity ?? 'none';
            bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
            const tool = a.tool?.name ?? 'unknown';
            byTool[tool] = (byTool[tool] ?? 0) + 1;
          }
          const value: CodeScanningSignal = {
            enabled: true,
            open: open.length,
            bySeverity,
            byTool,
          };
          return signal(
            GITHUB_SIGNAL_KEYS.codeScanning,
            value,
            '/security/code-scanning',
          );
        },
        () =>
          signal(
            GITHUB_SIGNAL_KEYS.codeScanning,
            {
              enabled: false,
              open: 0,
              bySeverity: {},
              byTool: {},
            } satisfies CodeScanningSignal,
            '/security/code-scanning',
          ),
      ),
      area(
        'secret scanning alerts',
        async () => {
          const alerts = await list<SecretScanningAlert>(
            '/secret-scanning/alerts',
          );
          const value: SecretScanningSignal = {
            enabled: true,
            open: alerts.filter(a => a.state === 'open').length,
          };
          return signal(
            GITHUB_SIGNAL_KEYS.secretScanning,
            value,
            '/security/secret-scanning',
          );
        },
        () =>
          signal(
            GITHUB_SIGNAL_KEYS.secretScanning,
            { enabled: false, open: 0 } satisfies SecretScanningSignal,
            '/security/secret-scanning',
          ),
      ),
      area(
        'branch protection',
        async () => {
          const branch = repository.default_branch;
          const p = (
            await fetchJson<BranchProtection>(
              `${base}/branches/${enc(branch)}/protection`,
              http,
            )
          ).body;
          const checks = p.required_status_checks;
          const reviews = p.required_pull_request_reviews;
          const value: BranchProtectionSignal = {
            branch,
            protected: true,
            requiredReviews: reviews
              ? reviews.required_approving_review_count ?? 0
              : null,
            dismissStaleReviews: Boolean(reviews?.dismiss_stale_reviews),
            requireCodeOwnerReviews: Boolean(
              reviews?.require_code_owner_reviews,
            ),
            requiredStatusChecks: checks
              ? [
                  ...new Set([
                    ...(checks.contexts ?? []),
                    ...(checks.checks ?? []).map(c => c.context),
                  ]),
                ].sort()
              : null,
            strictStatusChecks: Boolean(checks?.strict),
            enforceAdmins: Boolean(p.enforce_admins?.enabled),
            allowForcePushes: Boolean(p.allow_force_pushes?.enabled),
            allowDeletions: Boolean(p.allow_deletions?.enabled),
          };
          return signal(
            GITHUB_SIGNAL_KEYS.branchProtection,
            value,
            '/settings/branches',
          );
        },
        () => unprotected(),
        // 404 "Branch not protected" is an answer: no protection.
        error =>
          error instanceof ApiResponseError &&
          error.status === 404 &&
          /branch not protected/i.test(error.apiMessage),
      ),
    ]);

    function unprotected() {
      return signal(
        GITHUB_SIGNAL_KEYS.branchProtection,
        {
          branch: repository.default_branch,
          protected: false,
          requiredReviews: null,
          dismissStaleReviews: false,
          requireCodeOwnerReviews: false,
          requiredStatusChecks: null,
          strictStatusChecks: false,
          enforceAdmins: false,
          allowForcePushes: false,
          allowDeletions: false,
        } satisfies BranchProtectionSignal,
        '/settings/branches',
      );
    }
    return results.flat();
  }

  return {
    id: GITHUB_COLLECTOR_ID,
    title: 'GitHub security alerts and branch protection',
    ...(config.schedule ? { schedule: config.schedule } : {}),
    async collect({ entities, now }) {
      state.page(now);
      if (state.stopped) return [];
      const found = await mapLimit(entities, config.concurrency, async e => {
        try {
          return await collectOne(e, now);
        } catch (error) {
          if (!endsRun(error)) throw error;
          state.stop(
            `GitHub evidence collector stopped this run: ${error}; the signals collected before stay until they expire`,
          );
          return [];
        }
      });
      return found.flat();
    },
  };
}
