import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { securityMaturityPermissions } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { readWorkflowConfig } from './config/readWorkflowConfig';
import { SecurityMaturityStore } from './database/SecurityMaturityStore';
import { AccessControl } from './service/access';
import { scheduleExceptionExpiry } from './service/ExceptionExpiry';
import { createRouter } from './service/router';
import { loadOfficialSammModel } from './samm/loadOfficialSammModel';
import { builtinSammModel } from './samm/sammModel';
import { scheduleRescoring } from './scoring/scheduleRescoring';
import { ScoringService } from './scoring/ScoringService';
import { Entity } from '@backstage/catalog-model';
import { ScorerRegistry } from './service/ScorerRegistry';
import { OrgStructureSource } from './org/OrgStructure';

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
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, database, httpAuth, httpRouter, logger, catalog } =
          deps;
        const workflow = readWorkflowConfig(config);
        const store = await SecurityMaturityStore.create({ database });
        deps.permissionsRegistry.addPermissions(securityMaturityPermissions);
        const access = new AccessControl({
          auth: deps.auth,
          httpAuth,
          userInfo: deps.userInfo,
          catalog,
          permissions: deps.permissions,
          securityLeadGroups: workflow.securityLeadGroups,
        });
        const scoring = new ScoringService({
          store,
          scorers,
          workflow,
          catalog,
          auth: deps.auth,
          logger,
          attestedMaxAgeDays:
            config.getOptionalNumber(
              'securityMaturity.samm.attestedMaxAgeDays',
            ) ?? 365,
        });
        const modelPath = config.getOptionalString(
          'securityMaturity.samm.modelPath',
        );
        const sammModel = modelPath
          ? await loadOfficialSammModel(modelPath)
          : builtinSammModel();
        httpRouter.use(
          await createRouter({
            logger,
            scoring,
            sammModel,
            httpAuth,
            auditor: deps.auditor,
            access,
            store,
            workflow,
            scorers,
            context: { store, workflow, catalog },
            orgSource: new OrgStructureSource({ catalog, auth: deps.auth }),
          }),
        );
        await scheduleExceptionExpiry({
          config,
          scheduler: deps.scheduler,
          logger,
          store,
          onExpired: async refs => {
            const { items } = await catalog.getEntitiesByRefs(
              { entityRefs: refs },
              { credentials: await deps.auth.getOwnServiceCredentials() },
            );
            await scoring.scoreEntities(
              items.filter((e): e is Entity => Boolean(e)),
            );
          },
        });
        await scheduleRescoring({
          config,
          scheduler: deps.scheduler,
          logger,
          store,
          scoring,
        });
        logger.info(
          `Security maturity ready with scorers: ${
            scorers.scorers.map(s => s.id).join(', ') || 'none'
          }`,
        );
      },
    });
  },
});
