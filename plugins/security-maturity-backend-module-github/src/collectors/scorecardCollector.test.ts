import { startFakeApi, unreachableUrl } from '../__testUtils__/fakeApi';
import { repository, scorecardResult } from '../__testUtils__/fixtures';
import { collectorOptions, component } from '../__testUtils__/setup';
import { createScorecardCollector } from './scorecardCollector';

const NOW = new Date('2026-12-02T10:00:00.000Z');

const CHECKS = {
  'Binary-Artifacts': 10,
  'Branch-Protection': 8,
  'CI-Tests': 9,
  'Code-Review': 10,
  'Dangerous-Workflow': 10,
  'Dependency-Update-Tool': 10,
  Fuzzing: 0,
  License: 10,
  Maintained: 10,
  'Pinned-Dependencies': 4,
  SAST: 7,
  'Security-Policy': 10,
  'Signed-Releases': -1,
  'Token-Permissions': 0,
  Vulnerabilities: 9,
};

async function apis() {
  const github = await startFakeApi({
    '/repos/acme/public-api': { body: repository('acme', 'public-api') },
    '/repos/acme/secret-sauce': {
      body: repository('acme', 'secret-sauce', { private: true }),
    },
    '/repos/acme/not-scanned': { body: repository('acme', 'not-scanned') },
  });
  const scorecard = await startFakeApi({
    '/projects/github.com/acme/public-api': {
      body: scorecardResult('acme', 'public-api', CHECKS),
    },
    '/projects/github.com/acme/secret-sauce': {
      body: scorecardResult('acme', 'secret-sauce', CHECKS),
    },
  });
  return {
    github,
    scorecard,
    close: () => Promise.all([github.close(), scorecard.close()]),
  };
}

describe('Scorecard collector', () => {
  it("gives the overall score and each check's score of public repositories", async () => {
    const { github, scorecard, close } = await apis();
    try {
      const options = collectorOptions({
        githubApi: github.baseUrl,
        token: 't',
        scorecardApi: scorecard.baseUrl,
      });
      const collector = createScorecardCollector(options);
      expect(collector.id).toBe('openssf-scorecard-api');
      const publicApi = component('public-api', 'acme/public-api');
      const signals = await collector.collect({
        entities: [
          publicApi,
          component('secret-sauce', 'acme/secret-sauce'),
          component('not-scanned', 'acme/not-scanned'),
          component('unannotated'),
        ],
        now: NOW,
      });
      expect(signals.every(s => s.entity === publicApi)).toBe(true);
      expect(signals.map(s => s.key).sort()).toEqual(
        ['overall', ...Object.keys(CHECKS)].sort(),
      );
      const link = `${scorecard.baseUrl}/projects/github.com/acme/public-api`;
      expect(signals.find(s => s.key === 'overall')).toEqual({
        entity: publicApi,
        key: 'overall',
        value: {
          repo: 'github.com/acme/public-api',
          commit: '8d1a0b6c1e7cb3d9a0c5f6c1f0f2bd1a9a2b7e41',
          scorecardVersion: 'v5.1.1',
          score: 7.4,
        },
        // The scan's date: a rerun before the next scan writes nothing new.
        observedAt: '2026-11-25T08:16:23.000Z',
        validUntil: '2026-12-25T08:16:23.000Z',
        link,
      });
      expect(signals.find(s => s.key === 'SAST')?.value).toEqual({
        score: 7,
        reason: '7/10 for SAST in acme/public-api',
        documentation:
          'https://github.com/ossf/scorecard/blob/a2b1e4f3c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5/docs/checks.md#sast',
      });
      expect(
        signals.find(s => s.key === 'Signed-Releases')?.value,
      ).toMatchObject({ score: -1 });
      // The private repository's name never reached the Scorecard API.
      expect(scorecard.requests.map(r => r.path).sort()).toEqual([
        '/projects/github.com/acme/not-scanned',
        '/projects/github.com/acme/public-api',
      ]);
      expect(options.logger.warn).not.toHaveBeenCalled();
    } finally {
      await close();
    }
  });

  it('asks about every repository without publicOnly, and GitHub nothing', async () => {
    const { github, scorecard, close } = await apis();
    try {
      const collector = createScorecardCollector(
        collectorOptions({
          githubApi: github.baseUrl,
          scorecardApi: scorecard.baseUrl,
          extra: {
            scorecard: { baseUrl: scorecard.baseUrl, publicOnly: false },
          },
        }),
      );
      const signals = await collector.collect({
        entities: [
          component('public-api', 'acme/public-api'),
          component('secret-sauce', 'acme/secret-sauce'),
        ],
        now: NOW,
      });
      expect(new Set(signals.map(s => s.entity.metadata.name))).toEqual(
        new Set(['public-api', 'secret-sauce']),
      );
      expect(github.requests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('links to the public viewer when it uses the public API', async () => {
    const { github, close } = await apis();
    const original = global.fetch;
    // The public API's answer, without the internet.
    const spy = jest
      .spyOn(global, 'fetch')
      .mockImplementation(async (input, init) => {
        const url = String(input);
        if (url.startsWith('https://api.securityscorecards.dev/')) {
          return new Response(
            JSON.stringify(scorecardResult('acme', 'public-api', CHECKS)),
            { status: 200, headers: { 'content-type': 'application/json' } },
          );
        }
        return original(input, init);
      });
    try {
      const signals = await createScorecardCollector(
        collectorOptions({ githubApi: github.baseUrl, token: 't' }),
      ).collect({
        entities: [component('public-api', 'acme/public-api')],
        now: NOW,
      });
      expect(signals[0].link).toBe(
        'https://scorecard.dev/viewer/?uri=github.com%2Facme%2Fpublic-api',
      );
      expect(spy).toHaveBeenCalledWith(
        'https://api.securityscorecards.dev/projects/github.com/acme/public-api',
        expect.anything(),
      );
    } finally {
      spy.mockRestore();
      await close();
    }
  });

  it('with the Scorecard API unreachable: logs once, gives no signals', async () => {
    const { github, close } = await apis();
    try {
      const options = collectorOptions({
        githubApi: github.baseUrl,
        token: 't',
        scorecardApi: await unreachableUrl(),
      });
      const collector = createScorecardCollector(options);
      const page = [
        component('public-api', 'acme/public-api'),
        component('not-scanned', 'acme/not-scanned'),
      ];
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(options.logger.warn).toHaveBeenCalledTimes(1);
      expect(options.logger.warn.mock.calls[0][0]).toMatch(/unreachable/);
    } finally {
      await close();
    }
  });

  it('without GitHub credentials and publicOnly: logs once and asks the Scorecard API nothing', async () => {
    const { github, scorecard, close } = await apis();
    try {
      const options = collectorOptions({
        githubApi: github.baseUrl,
        scorecardApi: scorecard.baseUrl,
      });
      const collector = createScorecardCollector(options);
      const page = [
        component('public-api', 'acme/public-api'),
        component('not-scanned', 'acme/not-scanned'),
      ];
      expect(await collector.collect({ entities: page, now: NOW })).toEqual([]);
      expect(options.logger.warn).toHaveBeenCalledTimes(1);
      expect(scorecard.requests).toEqual([]);
    } finally {
      await close();
    }
  });
});
