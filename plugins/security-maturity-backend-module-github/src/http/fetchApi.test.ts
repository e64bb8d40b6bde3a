import { startFakeApi, unreachableUrl } from '../__testUtils__/fakeApi';
import {
  ApiResponseError,
  ApiUnreachableError,
  fetchAllPages,
  fetchJson,
  nextLink,
  RateLimitedError,
  rateLimitWaitMs,
} from './fetchApi';

const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('fetchApi', () => {
  it('reads the next page from a Link header', () => {
    expect(
      nextLink(
        '<https://api.github.com/repositories/1/dependabot/alerts?per_page=100&after=Y3Vyc29yOjI%3D>; rel="next", <https://api.github.com/repositories/1/dependabot/alerts?per_page=100&before=Y3Vyc29yOjE%3D>; rel="prev"',
      ),
    ).toBe(
      'https://api.github.com/repositories/1/dependabot/alerts?per_page=100&after=Y3Vyc29yOjI%3D',
    );
    expect(nextLink('<https://x/?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });

  it('follows rel="next" through two pages', async () => {
    const api = await startFakeApi({
      '/items': (_req, url, base) =>
        url.searchParams.get('page') === '2'
          ? { body: [{ n: 3 }] }
          : {
              headers: {
                link: `<${base}/items?per_page=100&page=2>; rel="next", <${base}/items?per_page=100&page=2>; rel="last"`,
              },
              body: [{ n: 1 }, { n: 2 }],
            },
    });
    try {
      const items = await fetchAllPages<{ n: number }>(
        `${api.baseUrl}/items?per_page=100`,
      );
      expect(items.map(i => i.n)).toEqual([1, 2, 3]);
      expect(api.requests.map(r => r.path)).toEqual([
        '/items?per_page=100',
        '/items?per_page=100&page=2',
      ]);
    } finally {
      await api.close();
    }
  });

  it('never follows a next page to another origin (the token goes with it)', async () => {
    const api = await startFakeApi({
      '/items': {
        headers: {
          link: '<https://elsewhere.example/items?page=2>; rel="next"',
        },
        body: [1],
      },
    });
    try {
      await expect(fetchAllPages(`${api.baseUrl}/items`)).rejects.toThrow(
        /another origin/,
      );
    } finally {
      await api.close();
    }
  });

  it('waits for x-ratelimit-reset after a 403 with x-ratelimit-remaining 0, then tries again', async () => {
    let calls = 0;
    const api = await startFakeApi({
      '/repo': () =>
        ++calls === 1
          ? {
              status: 403,
              headers: {
                'x-ratelimit-limit': '5000',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-used': '5000',
                'x-ratelimit-reset': String(NOW / 1000 + 30),
                'x-ratelimit-resource': 'core',
              },
              body: {
                message: 'API rate limit exceeded for installation ID 1.',
                documentation_url:
                  'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
              },
            }
          : { body: { ok: true } },
    });
    const sleep = jest.fn(async () => {});
    try {
      const { body } = await fetchJson(`${api.baseUrl}/repo`, {
        sleep,
        clock: () => NOW,
      });
      expect(body).toEqual({ ok: true });
      expect(sleep).toHaveBeenCalledTimes(1);
      expect(sleep).toHaveBeenCalledWith(31_000);
      expect(calls).toBe(2);
    } finally {
      await api.close();
    }
  });

  it('honours retry-after on a 429 and gives up past the cap', async () => {
    const api = await startFakeApi({
      '/short': { status: 429, headers: { 'retry-after': '2' }, body: {} },
      '/long': {
        status: 403,
        headers: { 'retry-after': '3600' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      },
    });
    const sleep = jest.fn(async () => {});
    try {
      await expect(
        fetchJson(`${api.baseUrl}/short`, { sleep, maxRetries: 2 }),
      ).rejects.toThrow(RateLimitedError);
      expect(sleep.mock.calls).toEqual([[2000], [2000]]);
      sleep.mockClear();
      await expect(
        fetchJson(`${api.baseUrl}/long`, { sleep, maxWaitMs: 60_000 }),
      ).rejects.toThrow(/rate limited for 3600s/);
      expect(sleep).not.toHaveBeenCalled();
    } finally {
      await api.close();
    }
  });

  it('tells a 403 without rate-limit headers from a rate limit', async () => {
    const api = await startFakeApi({
      '/forbidden': {
        status: 403,
        headers: { 'x-ratelimit-remaining': '4999' },
        body: { message: 'Resource not accessible by integration' },
      },
    });
    try {
      const error = await fetchJson(`${api.baseUrl}/forbidden`).catch(e => e);
      expect(error).toBeInstanceOf(ApiResponseError);
      expect(error).toMatchObject({
        status: 403,
        apiMessage: 'Resource not accessible by integration',
      });
    } finally {
      await api.close();
    }
  });

  it('reports an API nobody answers as unreachable', async () => {
    await expect(fetchJson(`${await unreachableUrl()}/x`)).rejects.toThrow(
      ApiUnreachableError,
    );
  });

  it('computes waits from the headers', () => {
    const res = (status: number, headers: Record<string, string>) =>
      new Response(null, { status, headers });
    expect(rateLimitWaitMs(res(200, {}), NOW)).toBeUndefined();
    expect(rateLimitWaitMs(res(403, {}), NOW)).toBeUndefined();
    expect(rateLimitWaitMs(res(429, {}), NOW)).toBe(60_000);
    expect(
      rateLimitWaitMs(
        res(403, {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(NOW / 1000 - 5),
        }),
        NOW,
      ),
    ).toBe(0);
  });
});
