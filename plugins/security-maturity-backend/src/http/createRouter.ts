import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import express from 'express';
import { SammModelView } from '../samm/sammModel';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { TasksService } from '../service/TasksService';
import { OrgService } from '../org/OrgService';
import { CampaignService } from '../campaigns/CampaignService';
import { registerCampaignRoutes } from './campaignRoutes';
import { registerEntityRecordsRoutes } from './entityRecordsRoutes';
import { bodyParsers, registerEvidenceRoutes } from './evidenceRoutes';
import {
  defaultEvidenceSettings,
  EvidenceSettings,
} from '../evidence/settings';
import { inputHygiene, publicErrors, strictFormats } from './inputHygiene';
import { registerOrgRoutes } from './orgRoutes';
import { registerRecordChangeRoutes } from './recordChangeRoutes';
import { registerRoadmapRoutes } from './roadmapRoutes';
import { registerScoreRoutes } from './scoreRoutes';
import { registerTaskRoutes } from './taskRoutes';
import { registerStaffingRoutes, staffingUpload } from './staffingRoutes';
import { StaffingService } from '../staffing/StaffingService';

/** @internal */
export type RouterOptions = {
  httpAuth: HttpAuthService;
  records: RecordsService;
  org: OrgService;
  campaigns: CampaignService;
  /** The staffing workbook and capacity view; absent in older wirings. */
  staffing?: StaffingService;
  tasks: TasksService;
  workflow: WorkflowConfig;
  scorers: ScorerRegistry;
  sammModel: SammModelView;
  /** Where the detail of internal errors goes (clients get a log id). */
  logger: LoggerService;
  /** Limits of the files CI pushes (the defaults without). */
  evidence?: EvidenceSettings;
};

/**
 * The HTTP adapter: an OpenAPI-validated router whose handlers only read the
 * caller and call a service. Bad input never reaches them (400 from the
 * spec's validation); errors are `@backstage/errors` values that the
 * framework's error handler answers.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  // 256 kB is far above any valid record and keeps oversized bodies out (413).
  const router = await createOpenApiRouter({
    middleware: [
      bodyParsers({
        maxUploadBytes:
          options.evidence?.maxUploadBytes ??
          defaultEvidenceSettings.maxUploadBytes,
      }),
      // Control characters, broken text and non-digit integers: 400 before
      // the spec's validation, which checks dates with strict formats.
      inputHygiene(spec),
      // The staffing workbook's uploads: raw XLSX bytes, type and size checked.
      staffingUpload({
        maxUploadBytes:
          options.staffing?.settings.maxUploadBytes ?? 5 * 1024 * 1024,
      }),
    ],
    validatorOptions: { formats: strictFormats },
  });
  registerEntityRecordsRoutes(router, options);
  registerRecordChangeRoutes(router, options);
  registerEvidenceRoutes(router, options);
  registerScoreRoutes(router, options);
  registerOrgRoutes(router, options);
  registerTaskRoutes(router, options);
  registerCampaignRoutes(router, options);
  if (options.staffing) {
    registerStaffingRoutes(router, { ...options, staffing: options.staffing });
  }
  registerRoadmapRoutes(router, options);
  // No SQL or driver text reaches a client; unique violations are 409s.
  router.use(publicErrors(options.logger));
  return router;
}
