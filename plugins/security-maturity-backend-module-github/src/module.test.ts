import { SchedulerService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import securityMaturityPlugin from '@secmat/backstage-plugin-security-maturity-backend';
import securityMaturityModuleSamm from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import { securityMaturityCollectorsExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import request from 'supertest';
import { FakeResponse, startFakeApi } from './__testUtils__/fakeApi';
import {
  branchProtection,
  codeScanningAlert,
  dependabotAlert,
  githubError,
  repository,
  scorecardResult,
  secretScanningAlert,
} from './__testUtils__/fixtures';
import { component } from './__testUtils__/setup';
import { securityMaturityModuleGithub } from './module';

jest.setTimeout(60_000);

const R = '/repos/acme/payments-api';
const entities = [
  component('payments-api', 'acme/payments-api'),
  component('ledger'),
];

async function start(options: {
  githubApi: string;
  scorecardApi: string;
  token?: string;
}) {
  const tasks: Array<Parameters<SchedulerService['scheduleTask']>[0]> = [];
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.push(task);
    },
  });
  const { server } = await startTestBackend({
    features: [
      securityMaturityPlugin,
      securityMaturityModuleSamm,
      securityMaturityModuleGithub,
      mockServices.database.factory(),
      catalogServiceMock.factory({ entities }),
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              {
                host: 'github.com',
                apiBaseUrl: options.githubApi,
                ...(options.token ? { token: options.token } : {}),
              },
            ],
          },
          securityMaturity: {
            collectors: {
              github: {
                schedule: { frequency: { hours: 6 }, timeout: { hours: 1 } },
                scorecard: { baseUrl: options.scorecardApi },
              },
            },
          },
        },
      }),
    ],
  });
  const run = async (id: string) =>
    tasks
      .find(t => t.id === `security-maturity-collector-${id}`)!
      .fn(new AbortController().signal as any);
  const get = (path: string) =>
    request(server)
      .get(
        `/api/security-maturity/entities/component/default/payments-api${path}`,
      )
      .set('Authorization', mockCredentials.user.header());
  return { tasks, run, get };
}

const githubRoutes = (): Record<string, FakeResponse> => ({
  [R]: { body: repository('acme', 'payments-api') },
  [`${R}/dependabot/alerts`]: {
    body: [dependabotAlert(1, 'high', '2026-01-05T08:00:00Z')],
  },
  [`${R}/code-scanning/alerts`]: {
    body: [codeScanningAlert(1, 'CodeQL', 'error', 'high')],
  },
  [`${R}/secret-scanning/alerts`]: { body: [secretScanningAlert(1)] },
  [`${R}/branches/main/protection`]: {
    body: branchProtection('acme', 'payments-api', 'main'),
  },
});

describe('securityMaturityModuleGithub', () => {
  it('adds both collectors through the extension point, with the configured schedule', async () => {
    const addCollector = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [securityMaturityCollectorsExtensionPoint, { addCollector }],
      ],
      features: [
        securityMaturityModuleGithub,
        mockServices.rootConfig.factory({
          data: {
            securityMaturity: {
              collectors: {
                github: {
                  schedule: { frequency: { hours: 6 }, timeout: { hours: 1 } },
                },
              },
            },
          },
        }),
      ],
    });
    expect(addCollector.mock.calls.map(c => c[0].id)).toEqual([
      'github',
      'openssf-scorecard-api',
    ]);
    expect(addCollector.mock.calls[0][0].schedule).toEqual({
      frequency: { hours: 6 },
      timeout: { hours: 1 },
    });
  });

  it('adds neither when both are disabled', async () => {
    const addCollector = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [securityMaturityCollectorsExtensionPoint, { addCollector }],
      ],
      features: [
        securityMaturityModuleGithub,
        mockServices.rootConfig.factory({
          data: {
            securityMaturity: {
              collectors: {
                github: { enabled: false, scorecard: { enabled: false } },
              },
            },
          },
        }),
      ],
    });
    expect(addCollector).not.toHaveBeenCalled();
  });

  it("installed with the plugin: its tasks' signals appear in the entity's evidence and score, and survive an unreachable API", async () => {
    const github = await startFakeApi(githubRoutes());
    const scorecard = await startFakeApi({
      '/projects/github.com/acme/payments-api': {
        body: scorecardResult('acme', 'payments-api', {
          SAST: 10,
          Fuzzing: 10,
          'Branch-Protection': 8,
        }),
      },
    });
    try {
      const backend = await start({
        githubApi: github.baseUrl,
        scorecardApi: scorecard.baseUrl,
        token: 't0ken',
      });
      expect(
        backend.tasks.find(t => t.id === 'security-maturity-collector-github'),
      ).toMatchObject({ scope: 'global', frequency: { hours: 6 } });

      await backend.run('github');
      await backend.run('openssf-scorecard-api');

      const evidence = await backend.get('/evidence');
      expect(evidence.status).toBe(200);
      const keys = (evidence.body.items as any[])
        .map(s => `${s.source}/${s.key}`)
        .sort();
      expect(keys).toEqual([
        'github/branch-protection',
        'github/code-scanning-alerts',
        'github/dependabot-alerts',
        'github/secret-scanning-alerts',
        'openssf-scorecard-api/Branch-Protection',
        'openssf-scorecard-api/Fuzzing',
        'openssf-scorecard-api/SAST',
        'openssf-scorecard-api/overall',
      ]);
      const bp = evidence.body.items.find(
        (s: any) => s.key === 'branch-protection',
      );
      expect(bp).toMatchObject({
        entityRef: 'component:default/payments-api',
        source: 'github',
        value: { protected: true, requiredReviews: 2, enforceAdmins: true },
        link: 'https://github.com/acme/payments-api/settings/branches',
      });

      // The SAMM rules over signals answered from them.
      const score = await backend.get('/score');
      expect(score.status).toBe(200);
      const activity = (id: string) =>
        score.body.activities.find((a: any) => a.id === id);
      expect(activity('I-SD-2-A')).toMatchObject({
        value: 1,
        ruleId: expect.stringMatching(/^samm-signals:I-SD-2-A/),
      });
      expect(activity('I-SD-1-B')).toMatchObject({ value: 0.5 });
      expect(activity('V-ST-2-A')).toMatchObject({ value: 1 });

      // GitHub goes away: the next run writes nothing, the signals stay.
      await github.close();
      await backend.run('github');
      const after = await backend.get('/evidence');
      expect(after.body.items).toEqual(evidence.body.items);
    } finally {
      await github.close();
      await scorecard.close();
    }
  });

  it('without credentials, runs write nothing and the plugin keeps going', async () => {
    const github = await startFakeApi({
      [R]: {
        status: 401,
        body: githubError('Requires authentication', 401),
      },
    });
    const scorecard = await startFakeApi({});
    try {
      const backend = await start({
        githubApi: github.baseUrl,
        scorecardApi: scorecard.baseUrl,
      });
      await backend.run('github');
      await backend.run('openssf-scorecard-api');
      const evidence = await backend.get('/evidence');
      expect(evidence.status).toBe(200);
      expect(evidence.body.items).toEqual([]);
      expect(github.requests).toEqual([]);
      expect(scorecard.requests).toEqual([]);
    } finally {
      await github.close();
      await scorecard.close();
    }
  });
});
