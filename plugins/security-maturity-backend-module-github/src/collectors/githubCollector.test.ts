import {
  FakeRoute,
  startFakeApi,
  unreachableUrl,
} from '../__testUtils__/fakeApi';
import {
  branchProtection,
  codeScanningAlert,
  dependabotAlert,
  githubError,
  repository,
  secretScanningAlert,
} from '../__testUtils__/fixtures';
import { collectorOptions, component } from '../__testUtils__/setup';
import { createGithubCollector } from './githubCollector';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const R = '/repos/acme/payments-api';

/** A repository with alerts on two pages, code scanning, no secret scanning. */
const routes = (): Record<string, FakeRoute | object> => ({
  [R]: { body: repository('acme', 'payments-api') },
  [`${R}/dependabot/alerts`]: (_req, url, base) =>
    url.searchParams.get('after')
      ? {
          body: [
            dependabotAlert(3, 'high', '2026-11-20T08:00:00Z'),
            dependabotAlert(4, 'low', '2026-11-21T08:00:00Z'),
          ],
        }
      : {
          headers: {
            link: `<${base}${R}/dependabot/alerts?state=open&per_page=100&after=Y3Vyc29yOjI%3D>; rel="next"`,
          },
          body: [
            dependabotAlert(1, 'critical', '2026-09-01T08:00:00Z'),
            dependabotAlert(2, 'medium', '2026-08-01T08:00:00Z'),
          ],
        },
  [`${R}/code-scanning/alerts`]: {
    body: [
      codeScanningAlert(1, 'CodeQL', 'error', 'high'),
      codeScanningAlert(2, 'CodeQL', 'warning', null),
      codeScanningAlert(3, 'Semgrep', 'error', 'critical'),
    ],
  },
  [`${R}/secret-scanning/alerts`]: {
    status: 404,
    body: githubError('Secret scanning is disabled on this repository.', 404),
  },
  [`${R}/branches/main/protection`]: {
    body: branchProtection('acme', 'payments-api', 'main'),
  },
});

describe('GitHub collector', () => {
  it('collects alerts (through every page), secret scanning and branch protection for annotated entities', async () => {
    const api = await startFakeApi(routes());
    try {
      const options = collectorOptions({
        githubApi: api.baseUrl,
        token: 't0ken',
      });
      const collector = createGithubCollector(options);
      expect(collector.id).toBe('github');
      const entity = component('payments-api', 'acme/payments-api');
      const signals = await collector.collect({
        entities: [entity, component('no-annotation')],
        now: NOW,
      });
      const byKey = Object.fromEntries(signals.map(s => [s.key, s]));
      expect(Object.keys(byKey).sort()).toEqual([
        'branch-protection',
        'code-scanning-alerts',
        'dependabot-alerts',
        'secret-scanning-alerts',
      ]);
      expect(signals.every(s => s.entity === entity)).toBe(true);
      expect(byKey['dependabot-alerts']).toEqual({
        entity,
        key: 'dependabot-alerts',
        value: {
          enabled: true,
          open: 4,
          bySeverity: { critical: 1, high: 1, medium: 1, low: 1 },
          oldestCriticalOrHighSince: '2026-09-01T08:00:00.000Z',
        },
        observedAt: NOW.toISOString(),
        validUntil: '2026-12-09T10:00:00.000Z',
        link: 'https://github.com/acme/payments-api/security/dependabot',
      });
      expect(byKey['code-scanning-alerts'].value).toEqual({
        enabled: true,
        open: 3,
        bySeverity: { high: 1, warning: 1, critical: 1 },
        byTool: { CodeQL: 2, Semgrep: 1 },
      });
      expect(byKey['secret-scanning-alerts'].value).toEqual({
        enabled: false,
        open: 0,
      });
      expect(byKey['branch-protection']).toMatchObject({
        value: {
          branch: 'main',
          protected: true,
          requiredReviews: 2,
          dismissStaleReviews: true,
          requireCodeOwnerReviews: true,
          requiredStatusChecks: ['CodeQL', 'ci/build'],
          strictStatusChecks: true,
          enforceAdmins: true,
          allowForcePushes: false,
          allowDeletions: false,
        },
        link: 'https://github.com/acme/payments-api/settings/branches',
      });
      // Both pages of Dependabot alerts, 100 a page, with the token.
      expect(
        api.requests
          .filter(r => r.path.includes('/dependabot/'))
          .map(r => r.path),
      ).toEqual([
        `${R}/dependabot/alerts?state=open&per_page=100`,
        `${R}/dependabot/alerts?state=open&per_page=100&after=Y3Vyc29yOjI%3D`,
      ]);
      expect(api.requests.every(r => r.authorization === 'Bearer t0ken')).toBe(
        true,
      );
      expect(options.logger.warn).not.toHaveBeenCalled();
    } finally {
      await api.close();
    }
  });

  it('counts secret scanning alerts and reads an unprotected branch as such', async () => {
    const api = await startFakeApi({
      ...routes(),
      [`${R}/secret-scanning/alerts`]: {
        body: [secretScanningAlert(1), secretScanningAlert(2)],
      },
      [`${R}/dependabot/alerts`]: {
        status: 403,
        body: githubError(
          'Dependabot alerts are disabled for this repository.',
          403,
        ),
      },
      [`${R}/branches/main/protection`]: {
        status: 404,
        body: githubError('Branch not protected', 404),
      },
    });
    try {
      const collector = createGithubCollector(
        collectorOptions({ githubApi: api.baseUrl, token: 't0ken' }),
      );
      const signals = await collector.collect({
        entities: [component('payments-api', 'acme/payments-api')],
        now: NOW,
      });
      const value = (key: string) => signals.find(s => s.key === key)?.value;
      expect(value('secret-scanning-alerts')).toEqual({
        enabled: true,
        open: 2,
      });
      expect(value('dependabot-alerts')).toMatchObject({ enabled: false });
      expect(value('branch-protection')).toMatchObject({
        branch: 'main',
        protected: false,
        requiredReviews: null,
        enforceAdmins: false,
      });
    } finally {
      await api.close();
    }
  });

  it('leaves out an area GitHub will not show (no permission), logging it once', async () => {
    const forbidden = {
      status: 403,
      headers: { 'x-ratelimit-remaining': '4000' },
      body: githubError('Resource not accessible by integration', 403),
    };
    const api = await startFakeApi({
      ...routes(),
      [`${R}/code-scanning/alerts`]: forbidden,
      '/repos/acme/ledger': { body: repository('acme', 'ledger') },
      '/repos/acme/ledger/code-scanning/alerts': forbidden,
    });
    try {
      const options = collectorOptions({ githubApi: api.baseUrl, token: 't' });
      const signals = await createGithubCollector(options).collect({
        entities: [
          component('payments-api', 'acme/payments-api'),
          component('ledger', 'acme/ledger'),
        ],
        now: NOW,
      });
      expect(signals.some(s => s.key === 'code-scanning-alerts')).toBe(false);
      expect(signals.some(s => s.key === 'dependabot-alerts')).toBe(true);
      const warnings = options.logger.warn.mock.calls.map(c => String(c[0]));
      expect(
        warnings.filter(w => w.includes('code scanning alerts')),
      ).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('backs off until the rate limit resets, then carries on', async () => {
    let calls = 0;
    const reset = Math.floor(Date.now() / 1000) + 120;
    const api = await startFakeApi({
      ...routes(),
      [R]: () =>
        ++calls === 1
          ? {
              status: 403,
              headers: {
                'x-ratelimit-limit': '5000',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(reset),
              },
              body: githubError('API rate limit exceeded for user ID 1.', 403),
            }
          : { body: repository('acme', 'payments-api') },
    });
    try {
      const options = collectorOptions({ githubApi: api.baseUrl, token: 't' });
      const signals = await createGithubCollector(options).collect({
        entities: [component('payments-api', 'acme/payments-api')],
        now: NOW,
      });
      expect(signals).toHaveLength(4);
      expect(options.sleep).toHaveBeenCalledTimes(1);
      const waited = options.sleep.mock.calls[0][0];
      // Until the reset (plus a second), measured from the real clock.
      expect(waited).toBeGreaterThan(115_000);
      expect(waited).toBeLessThanOrEqual(121_000);
    } finally {
      await api.close();
    }
  });

  it('ends the run when the rate limit resets later than the cap, logging once', async () => {
    const limited = {
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 7200),
      },
      body: githubError('API rate limit exceeded for user ID 1.', 403),
    };
    const api = await startFakeApi({
      [R]: limited,
      '/repos/acme/ledger': limited,
    });
    try {
      const options = collectorOptions({ githubApi: api.baseUrl, token: 't' });
      const collector = createGithubCollector(options);
      const page = [
        component('payments-api', 'acme/payments-api'),
        component('ledger', 'acme/ledger'),
      ];
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(options.sleep).not.toHaveBeenCalled();
      expect(options.logger.warn).toHaveBeenCalledTimes(1);
      expect(options.logger.warn.mock.calls[0][0]).toMatch(
        /stopped this run: RateLimitedError: .* rate limited for \d+s, longer than the 900s/,
      );
    } finally {
      await api.close();
    }
  });

  it('a server error on one area leaves the other areas', async () => {
    const api = await startFakeApi({
      ...routes(),
      [`${R}/dependabot/alerts`]: {
        status: 502,
        body: githubError('Server Error', 502),
      },
    });
    try {
      const options = collectorOptions({ githubApi: api.baseUrl, token: 't' });
      const signals = await createGithubCollector(options).collect({
        entities: [component('payments-api', 'acme/payments-api')],
        now: NOW,
      });
      expect(signals.map(s => s.key).sort()).toEqual([
        'branch-protection',
        'code-scanning-alerts',
        'secret-scanning-alerts',
      ]);
      expect(options.logger.warn).toHaveBeenCalledTimes(1);
    } finally {
      await api.close();
    }
  });

  it('without credentials: logs once per run, asks nothing, gives no signals', async () => {
    const api = await startFakeApi(routes());
    try {
      const options = collectorOptions({ githubApi: api.baseUrl });
      const collector = createGithubCollector(options);
      const page = [
        component('payments-api', 'acme/payments-api'),
        component('ledger', 'acme/ledger'),
      ];
      // Two pages of one run.
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(options.logger.warn).toHaveBeenCalledTimes(1);
      expect(options.logger.warn.mock.calls[0][0]).toMatch(
        /No GitHub credentials for github.com/,
      );
      expect(api.requests).toEqual([]);
      // The next run logs it again.
      await collector.collect({
        entities: page,
        now: new Date(NOW.getTime() + 86_400_000),
      });
      expect(options.logger.warn).toHaveBeenCalledTimes(2);
    } finally {
      await api.close();
    }
  });

  it('with the API unreachable: logs once, stops the run, gives no signals', async () => {
    const options = collectorOptions({
      githubApi: await unreachableUrl(),
      token: 't',
    });
    const collector = createGithubCollector(options);
    const page = [
      component('a', 'acme/a'),
      component('b', 'acme/b'),
      component('c', 'acme/c'),
    ];
    expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
    expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
    expect(options.logger.warn).toHaveBeenCalledTimes(1);
    expect(options.logger.warn.mock.calls[0][0]).toMatch(
      /stopped this run: ApiUnreachableError: .* is unreachable/,
    );
  });

  it('ignores annotations that are not owner/repo', async () => {
    const api = await startFakeApi(routes());
    try {
      const collector = createGithubCollector(
        collectorOptions({ githubApi: api.baseUrl, token: 't' }),
      );
      const signals = await collector.collect({
        entities: [
          component('a', 'acme'),
          component('b', 'acme/b/c'),
          component('c', '../../orgs/acme'),
          component('d', 'acme/..'),
        ],
        now: NOW,
      });
      expect(signals).toEqual([]);
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
