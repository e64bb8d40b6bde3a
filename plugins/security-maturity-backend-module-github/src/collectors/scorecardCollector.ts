import { Entity } from '@backstage/catalog-model';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
} from '@backstage/integration';
import {
  CollectedSignal,
  SecurityMaturityEvidenceCollector,
} from '@secmat/backstage-plugin-security-maturity-node';
import { DEFAULT_SCORECARD_BASE_URL } from '../config';
import {
  ApiResponseError,
  ApiUnreachableError,
  fetchJson,
  FetchJsonOptions,
  RateLimitedError,
} from '../http/fetchApi';
import { githubAccess, GithubCollectorOptions } from './githubCollector';
import { addDays, mapLimit, projectSlug, refOf, RunState } from './shared';

/** The source of the Scorecard collector's signals. @public */
export const SCORECARD_COLLECTOR_ID = 'openssf-scorecard-api';

/** The key of the overall result; every other key is a check's name. @public */
export const SCORECARD_OVERALL_KEY = 'overall';

/** The value of the `overall` signal. @public */
export type ScorecardOverallSignal = {
  /** e.g. github.com/owner/repo */
  repo: string;
  commit: string | null;
  scorecardVersion: string | null;
  /** The aggregate score, 0–10. */
  score: number | null;
};

/** The value of a check's signal, keyed by the check's name. @public */
export type ScorecardCheckSignal = {
  /** 0–10; -1 where the check could not tell. */
  score: number;
  reason: string;
  documentation: string | null;
};

/** The Scorecard API v2 project result, as far as the collector reads it. */
type ScorecardResult = {
  date?: string;
  repo?: { name?: string; commit?: string };
  scorecard?: { version?: string; commit?: string };
  score?: number;
  checks?: Array<{
    name?: string;
    score?: number;
    reason?: string;
    documentation?: { url?: string; short?: string };
  }>;
};

const enc = encodeURIComponent;

/**
 * The OpenSSF Scorecard collector: for each component whose
 * `github.com/project-slug` names a public repository, the latest Scorecard
 * result from the Scorecard API: the overall score (`overall`) and each
 * check's score (keyed by the check's name, e.g. `Branch-Protection`).
 *
 * With `publicOnly` (the default) it asks GitHub first whether the
 * repository is public, so that private repository names are never sent to
 * the public API.
 *
 * @public
 */
export function createScorecardCollector(
  options: GithubCollectorOptions,
): SecurityMaturityEvidenceCollector {
  const { config, logger } = options;
  const { baseUrl, publicOnly, validDays } = config.scorecard;
  const credentials: GithubCredentialsProvider =
    options.credentialsProvider ??
    DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  const state = new RunState(logger);
  const http: FetchJsonOptions = {
    headers: {
      Accept: 'application/json',
      'User-Agent': 'backstage-security-maturity',
    },
    sleep: options.sleep,
    clock: options.clock,
    maxWaitMs: config.maxRateLimitWaitMs,
  };

  /** Whether GitHub says the repository is public; undefined if it cannot tell. */
  async function isPublic(owner: string, repo: string) {
    const access = await githubAccess({ ...options, credentials }, owner, repo);
    if (!access.ok) {
      state.warnOnce(
        access.key,
        `Scorecard evidence collector: ${access.reason}; without them it cannot tell which repositories are public (set securityMaturity.collectors.github.scorecard.publicOnly to false to ask the Scorecard API about every repository)`,
      );
      return undefined;
    }
    try {
      const { body } = await fetchJson<{
        private?: boolean;
        visibility?: string;
      }>(`${access.apiBaseUrl}/repos/${enc(owner)}/${enc(repo)}`, {
        ...http,
        headers: access.headers,
      });
      return (
        body.private === false && (body.visibility ?? 'public') === 'public'
      );
    } catch (error) {
      if (error instanceof ApiResponseError && error.status === 404) {
        return false;
      }
      if (
        error instanceof ApiUnreachableError ||
        error instanceof RateLimitedError
      ) {
        state.warnOnce(
          'github',
          `Scorecard evidence collector cannot ask GitHub which repositories are public: ${error}`,
        );
        return undefined;
      }
      state.warnOnce(
        `github:${error instanceof ApiResponseError ? error.status : ''}`,
        `Scorecard evidence collector cannot tell whether ${owner}/${repo} is public (and skips such repositories): ${error}`,
      );
      return undefined;
    }
  }

  async function collectOne(
    entity: Entity,
    now: Date,
  ): Promise<CollectedSignal[]> {
    const slug = projectSlug(entity);
    if (!slug || state.stopped) return [];
    if (
      config.host !== 'github.com' &&
      baseUrl === DEFAULT_SCORECARD_BASE_URL
    ) {
      // The public API knows github.com only.
      return [];
    }
    const { owner, repo } = slug;
    if (publicOnly && !(await isPublic(owner, repo))) return [];

    const url = `${baseUrl}/projects/${enc(config.host)}/${enc(owner)}/${enc(
      repo,
    )}`;
    let result: ScorecardResult;
    try {
      result = (await fetchJson<ScorecardResult>(url, http)).body;
    } catch (error) {
      // No result for this repository (not scanned yet).
      if (error instanceof ApiResponseError && error.status === 404) return [];
      if (error instanceof ApiResponseError) {
        state.warnOnce(
          `status:${error.status}`,
          `Scorecard evidence collector could not read the result of ${refOf(
            entity,
          )}: ${error}`,
        );
        return [];
      }
      throw error;
    }
    if (!Array.isArray(result.checks)) return [];

    // The date of the scan: it changes only when Scorecard scans again, so a
    // rerun of the collector writes nothing new.
    const dated = Date.parse(result.date ?? '');
    const observedAt =
      Number.isFinite(dated) && dated <= now.getTime()
        ? new Date(dated).toISOString()
        : now.toISOString();
    const validUntil = addDays(observedAt, validDays);
    const repoName = `${config.host}/${owner}/${repo}`;
    const link =
      baseUrl === DEFAULT_SCORECARD_BASE_URL
        ? `https://scorecard.dev/viewer/?uri=${enc(repoName)}`
        : url;
    const signal = (key: string, value: object): CollectedSignal => ({
      entity,
      key,
      value: value as CollectedSignal['value'],
      observedAt,
      validUntil,
      link,
    });
    const overall: ScorecardOverallSignal = {
      repo: repoName,
      commit: result.repo?.commit ?? null,
      scorecardVersion: result.scorecard?.version ?? null,
      score: typeof result.score === 'number' ? result.score : null,
    };
    const signals = [signal(SCORECARD_OVERALL_KEY, overall)];
    for (const check of result.checks) {
      if (
        typeof check.name !== 'string' ||
        !/^[A-Za-z0-9-]{1,100}$/.test(check.name) ||
        check.name === SCORECARD_OVERALL_KEY ||
        typeof check.score !== 'number'
      ) {
        continue;
      }
      const docs = check.documentation?.url;
      const value: ScorecardCheckSignal = {
        score: check.score,
        reason: (check.reason ?? '').slice(0, 300),
        documentation: docs && /^https?:\/\//i.test(docs) ? docs : null,
      };
      signals.push(signal(check.name, value));
    }
    return signals;
  }

  return {
    id: SCORECARD_COLLECTOR_ID,
    title: 'OpenSSF Scorecard (API)',
    ...(config.scorecard.schedule
      ? { schedule: config.scorecard.schedule }
      : {}),
    async collect({ entities, now }) {
      state.page(now);
      if (state.stopped) return [];
      const found = await mapLimit(entities, config.concurrency, async e => {
        try {
          return await collectOne(e, now);
        } catch (error) {
          if (
            error instanceof ApiUnreachableError ||
            error instanceof RateLimitedError
          ) {
            state.stop(
              `Scorecard evidence collector stopped this run: ${error}; the signals collected before stay until they expire`,
            );
            return [];
          }
          throw error;
        }
      });
      return found.flat();
    },
  };
}
