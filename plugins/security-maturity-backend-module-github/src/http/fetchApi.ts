/**
 * A small JSON client over plain `fetch` for the GitHub REST API and the
 * OpenSSF Scorecard API: pages through list endpoints by the `Link` header
 * and backs off when a rate limit says so.
 */

/** Waits; injectable so tests need not. @public */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = ms =>
  new Promise(resolve => setTimeout(resolve, ms));

/** The API could not be reached at all (DNS, refused connection, timeout). */
export class ApiUnreachableError extends Error {
  readonly name = 'ApiUnreachableError';
}

/**
 * The API said no more requests for longer than we are willing to wait, or
 * kept saying so after we waited.
 */
export class RateLimitedError extends Error {
  readonly name = 'RateLimitedError';
}

/** A response other than 2xx that is not a rate limit. */
export class ApiResponseError extends Error {
  readonly name = 'ApiResponseError';
  constructor(
    readonly status: number,
    /** The `message` of GitHub's error body, if any. */
    readonly apiMessage: string,
    readonly url: string,
  ) {
    super(
      `${url} answered ${status}${
        apiMessage ? `: ${apiMessage.slice(0, 200)}` : ''
      }`,
    );
  }
}

export type FetchJsonOptions = {
  headers?: Record<string, string>;
  sleep?: Sleep;
  /** The longest single wait for a rate limit, in ms. */
  maxWaitMs?: number;
  /** How many times a rate-limited request is tried again. */
  maxRetries?: number;
  /** Abort a request after this many ms. */
  timeoutMs?: number;
  /** The current time, for `x-ratelimit-reset`. */
  clock?: () => number;
};

const DEFAULTS = {
  maxWaitMs: 15 * 60_000,
  maxRetries: 3,
  timeoutMs: 30_000,
};

/**
 * How long a response asks us to wait before trying again, or undefined if
 * it is not a rate limit. GitHub: a 403 or 429 with `retry-after` (secondary
 * limits) or with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch
 * seconds, primary limit).
 */
export function rateLimitWaitMs(res: Response, now: number) {
  if (res.status !== 403 && res.status !== 429) return undefined;
  const retryAfter = res.headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
    return 60_000;
  }
  if (res.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    // One more second: the reset is rounded down to the second.
    if (Number.isFinite(reset) && reset > 0) {
      return Math.max(0, reset * 1000 - now + 1000);
    }
    return 60_000;
  }
  // GitHub's documented fallback: a 429 without headers, wait a minute.
  return res.status === 429 ? 60_000 : undefined;
}

/** The `rel="next"` URL of a `Link` header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="?next"?/);
    if (match) return match[1];
  }
  return undefined;
}

async function errorMessage(res: Response) {
  try {
    const body = (await res.json()) as { message?: unknown };
    return typeof body?.message === 'string' ? body.message : '';
  } catch {
    return '';
  }
}

/** One GET, retried after a rate limit's wait; non-2xx throws. */
export async function fetchJson<T>(
  url: string,
  options: FetchJsonOptions = {},
): Promise<{ body: T; res: Response }> {
  const sleep = options.sleep ?? realSleep;
  const clock = options.clock ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? DEFAULTS.maxWaitMs;
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: options.headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new ApiUnreachableError(
        `${new URL(url).origin} is unreachable: ${cause?.code ?? error}`,
      );
    }
    if (res.ok) return { body: (await res.json()) as T, res };
    const wait = rateLimitWaitMs(res, clock());
    if (wait === undefined) {
      throw new ApiResponseError(res.status, await errorMessage(res), url);
    }
    await res.body?.cancel();
    if (attempt >= maxRetries) {
      throw new RateLimitedError(
        `${
          new URL(url).origin
        } is still rate limited after ${maxRetries} retries`,
      );
    }
    if (wait > maxWaitMs) {
      throw new RateLimitedError(
        `${new URL(url).origin} is rate limited for ${Math.ceil(
          wait / 1000,
        )}s, longer than the ${Math.ceil(maxWaitMs / 1000)}s we wait`,
      );
    }
    await sleep(wait);
  }
}

/** Every item of a list endpoint, following `Link: rel="next"`. */
export async function fetchAllPages<T>(
  url: string,
  options: FetchJsonOptions & { maxPages?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < (options.maxPages ?? 100); page++) {
    const { body, res }: { body: T[]; res: Response } = await fetchJson<T[]>(
      next,
      options,
    );
    if (!Array.isArray(body)) {
      throw new ApiResponseError(res.status, 'expected a list', next);
    }
    items.push(...body);
    next = nextLink(res.headers.get('link'));
    // Credentials go with every page: never to another origin.
    if (next && new URL(next, url).origin !== new URL(url).origin) {
      throw new ApiResponseError(
        res.status,
        'next page on another origin',
        url,
      );
    }
    next = next && new URL(next, url).toString();
  }
  return items;
}
