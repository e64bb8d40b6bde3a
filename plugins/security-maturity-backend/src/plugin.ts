import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { SecurityMaturityStore } from './database/SecurityMaturityStore';
import { createRouter } from './service/router';
import { ScorerRegistry } from './service/ScorerRegistry';

/**
 * The security-maturity backend plugin: secure-SDLC records of catalog entities
 * and their scores, served at /api/security-maturity.
 *
 * @public
 */
export const securityMaturityPlugin = createBackendPlugin({
  pluginId: 'security-maturity',
  register(env) {
    const scorers = new ScorerRegistry();
    env.registerExtensionPoint(securityMaturityScorersExtensionPoint, scorers);

    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ database, httpAuth, httpRouter, logger, catalog }) {
        const store = await SecurityMaturityStore.create({ database });
        httpRouter.use(
          await createRouter({ httpAuth, catalog, store, scorers }),
        );
        logger.info(
          `Security maturity ready with scorers: ${
            scorers.scorers.map(s => s.id).join(', ') || 'none'
          }`,
        );
      },
    });
  },
});
