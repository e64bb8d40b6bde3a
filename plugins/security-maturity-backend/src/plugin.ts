import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { securityMaturityPermissions } from '@secmat/backstage-plugin-security-maturity-common';
import {
  securityMaturityCollectorsExtensionPoint,
  securityMaturityScorersExtensionPoint,
} from '@secmat/backstage-plugin-security-maturity-node';
import { DatabaseEvidenceStore } from './database/evidence/DatabaseEvidenceStore';
import { CollectorRegistry } from './evidence/CollectorRegistry';
import { scheduleEvidenceTasks } from './evidence/scheduleEvidenceTasks';
import { readEvidenceSettings } from './evidence/settings';
import { AccessControl } from './access/AccessControl';
import { OrgAccess } from './access/OrgAccess';
import {
  orgUnitPermissionResourceRef,
  orgUnitResourceType,
} from './access/orgPermissionRules';
import { registerActions } from './actions/registerActions';
import { readSecurityMaturityConfig } from './config/readSecurityMaturityConfig';
import { migratedDatabase } from './database/migrate';
import { DataVersion } from './database/DataVersion';
import { DatabaseOrgReadModel } from './database/org/DatabaseOrgReadModel';
import { DatabaseRecordsStore } from './database/records/DatabaseRecordsStore';
import { DatabaseRoadmapStore } from './database/roadmap/DatabaseRoadmapStore';
import { DatabaseReminderStore } from './database/reminders/DatabaseReminderStore';
import { DatabaseScoreStore } from './database/scores/DatabaseScoreStore';
import { DatabaseTasksReadModel } from './database/tasks/DatabaseTasksReadModel';
import { DatabaseCampaignStore } from './database/campaigns/DatabaseCampaignStore';
import { CampaignService } from './campaigns/CampaignService';
import { createRouter } from './http/createRouter';
import { DemoLoader } from './demo/DemoLoader';
import { SecurityNotifier } from './notify/SecurityNotifier';
import { OrgService } from './org/OrgService';
import { readReleasePolicy } from './config/readReleasePolicy';
import { StaffingService } from './staffing/StaffingService';
import { readStaffingSettings } from './staffing/settings';
import { DatabaseCapacityStore } from './database/staffing/CapacityStore';
import { ViewCache } from './org/ViewCache';
import { OrgStructureSource } from './org/OrgStructure';
import { loadOfficialSammModel } from './samm/loadOfficialSammModel';
import { builtinSammModel } from './samm/sammModel';
import { scheduleTasks } from './scheduler/scheduleTasks';
import { ScoringService } from './scoring/ScoringService';
import { RecordsService } from './service/RecordsService';
import { sendLeadDigest } from './service/sendLeadDigest';
import { ScorerRegistry } from './service/ScorerRegistry';
import { TasksService } from './service/TasksService';

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
    const collectors = new CollectorRegistry();
    env.registerExtensionPoint(
      securityMaturityCollectorsExtensionPoint,
      collectors,
    );

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
        events: eventsServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
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
        events,
        notifications,
        signals,
      }) {
        const settings = readSecurityMaturityConfig(config);
        const { workflow } = settings;
        permissionsRegistry.addPermissions(securityMaturityPermissions);

        // Stores
        const knex = await migratedDatabase(database);
        const dataVersion = new DataVersion(knex);
        const recordsStore = new DatabaseRecordsStore(knex, dataVersion);
        const scoreStore = new DatabaseScoreStore(knex, dataVersion);
        const orgReadModel = new DatabaseOrgReadModel(knex);
        const reminderStore = new DatabaseReminderStore(knex);
        const evidenceStore = new DatabaseEvidenceStore(knex);
        const evidenceSettings = readEvidenceSettings(config);

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
          evidence: evidenceStore,
        });
        const notifier = new SecurityNotifier({
          config: settings.notifications,
          workflow,
          records: recordsStore,
          events,
          notifications,
          signals,
          logger,
        });
        const records = new RecordsService({
          records: recordsStore,
          evidence: { store: evidenceStore, settings: evidenceSettings },
          workflow,
          catalog,
          signOffSeparation: settings.signOff.separation,
          access,
          auditor,
          scoring,
          scorers,
          logger,
          notifier,
          roadmap: new DatabaseRoadmapStore(knex),
          releasePolicy: readReleasePolicy(config, workflow),
          reminding: {
            reminders: reminderStore,
            auth,
            reminderDays: settings.notifications.reminderDays,
          },
        });
        // Org units are a permission resource, so a policy can grant a
        // manager the org views of their subtree of groups.
        const orgSource = new OrgStructureSource({ catalog, auth });
        permissionsRegistry.addResourceType(orgUnitResourceType(orgSource));
        const campaignStore = new DatabaseCampaignStore(knex);
        const orgAccess = new OrgAccess({
          catalog,
          userInfo,
          permissions,
          securityLeadGroups: workflow.securityLeadGroups,
          orgUnitRules: permissionsRegistry.getPermissionRuleset(
            orgUnitPermissionResourceRef,
          ),
        });
        const campaigns = new CampaignService({
          store: campaignStore,
          orgAccess,
          access,
          permissions,
          auditor,
          orgSource,
          workflow,
          notifier,
          catalog,
          auth,
          logger,
        });
        const org = new OrgService({
          access: orgAccess,
          auditor,
          readModel: orgReadModel,
          orgSource,
          workflow,
          campaignRows: resolved => campaigns.packRows(resolved),
          overviewCache: new ViewCache({
            version: () => dataVersion.read(),
            ttlMs: 60_000,
            maxEntries: 200,
          }),
        });
        const tasks = new TasksService({
          access,
          readModel: new DatabaseTasksReadModel(knex),
          workflow,
        });
        const staffing = new StaffingService({
          orgAccess,
          access,
          orgSource,
          readModel: orgReadModel,
          recordsStore,
          records,
          capacity: new DatabaseCapacityStore(knex),
          catalog,
          auditor,
          workflow,
          settings: readStaffingSettings(config),
          signOffSeparation: settings.signOff.separation,
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
            campaigns,
            staffing,
            tasks,
            workflow,
            scorers,
            sammModel,
            evidence: evidenceSettings,
            logger,
          }),
        );
        registerActions({
          actionsRegistry,
          records,
          org,
          tasks,
          workflow,
          logger,
        });
        await scheduleTasks({
          schedules: settings.schedules,
          historyRetentionDays: settings.scoring.historyRetentionDays,
          scheduler,
          logger,
          records,
          scoring,
          campaigns,
          digest: settings.notifications.digest.enabled
            ? {
                schedule: settings.notifications.digest.schedule,
                send: now =>
                  sendLeadDigest(
                    {
                      readModel: orgReadModel,
                      reminders: reminderStore,
                      notifier,
                      workflow,
                    },
                    now,
                  ),
              }
            : undefined,
          demo: settings.demo
            ? new DemoLoader({
                records: recordsStore,
                evidence: { store: evidenceStore, settings: evidenceSettings },
                scoring,
                scorers,
                catalog,
                auth,
                auditor,
                logger,
                workflow,
                campaigns: campaignStore,
                capacity: new DatabaseCapacityStore(knex),
              })
            : undefined,
        });
        await scheduleEvidenceTasks({
          scheduler,
          logger,
          catalog,
          auth,
          records,
          store: evidenceStore,
          settings: evidenceSettings,
          collectors: collectors.collectors,
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
