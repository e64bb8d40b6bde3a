import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { readGithubCollectorsConfig } from '../config';

export const component = (name: string, slug?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    ...(slug ? { annotations: { 'github.com/project-slug': slug } } : {}),
  },
  spec: { type: 'service', owner: 'group:default/payments-team' },
});

/** Collector options against fake APIs, with a logger to assert on. */
export function collectorOptions(options: {
  githubApi: string;
  token?: string;
  scorecardApi?: string;
  extra?: Record<string, unknown>;
}) {
  const config = new ConfigReader({
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
          ...(options.scorecardApi
            ? { scorecard: { baseUrl: options.scorecardApi } }
            : {}),
          ...options.extra,
        },
      },
    },
  });
  const logger = mockServices.logger.mock();
  const sleep = jest.fn(async (_ms: number) => {});
  return {
    config: readGithubCollectorsConfig(config),
    integrations: ScmIntegrations.fromConfig(config),
    logger,
    sleep,
  };
}
