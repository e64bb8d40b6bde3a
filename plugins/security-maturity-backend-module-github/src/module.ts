import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { securityMaturityCollectorsExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { createGithubCollector } from './collectors/githubCollector';
import { createScorecardCollector } from './collectors/scorecardCollector';
import { readGithubCollectorsConfig } from './config';

/**
 * Adds two evidence collectors to the security-maturity backend plugin:
 * GitHub security alerts and branch protection (credentials from
 * `integrations.github`), and OpenSSF Scorecard results of public
 * repositories. Configured under `securityMaturity.collectors.github`.
 *
 * @public
 */
export const securityMaturityModuleGithub = createBackendModule({
  pluginId: 'security-maturity',
  moduleId: 'github',
  register(reg) {
    reg.registerInit({
      deps: {
        collectors: securityMaturityCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ collectors, config, logger }) {
        const settings = readGithubCollectorsConfig(config);
        const integrations = ScmIntegrations.fromConfig(config);
        const options = { config: settings, integrations, logger };
        if (settings.enabled) {
          collectors.addCollector(createGithubCollector(options));
        }
        if (settings.scorecard.enabled) {
          collectors.addCollector(createScorecardCollector(options));
        }
      },
    });
  },
});
