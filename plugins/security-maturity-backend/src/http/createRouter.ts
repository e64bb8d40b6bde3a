import { HttpAuthService } from '@backstage/backend-plugin-api';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import express from 'express';
import { SammModelView } from '../samm/sammModel';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { TasksService } from '../service/TasksService';
import { OrgService } from '../org/OrgService';
import { registerEntityRecordsRoutes } from './entityRecordsRoutes';
import { registerOrgRoutes } from './orgRoutes';
import { registerRecordChangeRoutes } from './recordChangeRoutes';
import { registerScoreRoutes } from './scoreRoutes';
import { registerTaskRoutes } from './taskRoutes';

/** @internal */
export type RouterOptions = {
  httpAuth: HttpAuthService;
  records: RecordsService;
  org: OrgService;
  tasks: TasksService;
  workflow: WorkflowConfig;
  scorers: ScorerRegistry;
  sammModel: SammModelView;
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
    middleware: [express.json({ limit: '256kb' })],
  });
  registerEntityRecordsRoutes(router, options);
  registerRecordChangeRoutes(router, options);
  registerScoreRoutes(router, options);
  registerOrgRoutes(router, options);
  registerTaskRoutes(router, options);
  return router;
}
