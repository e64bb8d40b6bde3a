import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { securityMaturityPermissions } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { AccessControl } from './access/AccessControl';
import { registerActions } from './actions/registerActions';
import { readSecurityMaturityConfig } from './config/readSecurityMaturityConfig';
import { migratedDatabase } from './database/migrate';
import { DatabaseOrgReadModel } from './database/org/DatabaseOrgReadModel';
import { DatabaseRecordsStore } from './database/records/DatabaseRecordsStore';
import { DatabaseScoreStore } from './database/scores/DatabaseScoreStore';
import { createRouter } from './http/createRouter';
import { DemoLoader } from './demo/DemoLoader';
import { OrgService } from './org/OrgService';
import { OrgStructureSource } from './org/OrgStructure';
import { loadOfficialSammModel } from './samm/loadOfficialSammModel';
import { builtinSammModel } from './samm/sammModel';
import { scheduleTasks } from './scheduler/scheduleTasks';
import { ScoringService } from './scoring/ScoringService';
import { RecordsService } from './service/RecordsService';
import { ScorerRegistry } from './service/ScorerRegistry';

/**
 * The security-maturity backend plugin: secure-SDLC records of catalog entities
 * and their scores, served at /api/security-maturity. Wiring only: stores,
 * services, then the entry points (HTTP routes, scheduled tasks) that call them.
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
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        userInfo,
        permissions,
        permissionsRegistry,
        auditor,
        scheduler,
        logger,
        catalog,
        actionsRegistry,
      }) {
        const settings = readSecurityMaturityConfig(config);
        const { workflow } = settings;
        permissionsRegistry.addPermissions(securityMaturityPermissions);

        // Stores
        const knex = await migratedDatabase(database);
        const recordsStore = new DatabaseRecordsStore(knex);
        const scoreStore = new DatabaseScoreStore(knex);
        const orgReadModel = new DatabaseOrgReadModel(knex);

        // Services
        const access = new AccessControl({
          auth,
          userInfo,
          catalog,
          permissions,
          securityLeadGroups: workflow.securityLeadGroups,
        });
        const scoring = new ScoringService({
          records: recordsStore,
          scores: scoreStore,
          scorers,
          workflow,
          catalog,
          auth,
          logger,
          attestedMaxAgeDays: settings.scoring.attestedMaxAgeDays,
        });
        const records = new RecordsService({
          records: recordsStore,
          workflow,
          catalog,
          access,
          auditor,
          scoring,
          scorers,
          logger,
        });
        const org = new OrgService({
          access,
          auditor,
          readModel: orgReadModel,
          orgSource: new OrgStructureSource({ catalog, auth }),
          workflow,
        });
        const sammModel = settings.sammModelPath
          ? await loadOfficialSammModel(settings.sammModelPath)
          : builtinSammModel();

        // Entry points
        httpRouter.use(
          await createRouter({
            httpAuth,
            records,
            org,
            workflow,
            scorers,
            sammModel,
          }),
        );
        registerActions({ actionsRegistry, records, org, workflow });
        await scheduleTasks({
          schedules: settings.schedules,
          historyRetentionDays: settings.scoring.historyRetentionDays,
          scheduler,
          logger,
          records,
          scoring,
          demo: settings.demo
            ? new DemoLoader({
                records: recordsStore,
                scoring,
                scorers,
                catalog,
                auth,
                auditor,
                logger,
                workflow,
              })
            : undefined,
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
