import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { SammModelView } from '../samm/sammModel';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { callerOf, ENTITY_PATH as E, entityCaller } from './callers';

/** Scores, and what they are computed with: workflow, scorers, SAMM model. */
export function registerScoreRoutes(
  router: ApiRouter<typeof spec>,
  options: {
    httpAuth: HttpAuthService;
    records: RecordsService;
    workflow: WorkflowConfig;
    scorers: ScorerRegistry;
    sammModel: SammModelView;
  },
) {
  const { httpAuth, records, workflow, scorers, sammModel } = options;

  const at = entityCaller(httpAuth);

  router.get(`${E}/score`, async (req, res) => {
    res.json(await records.getEntityScore(...(await at(req))));
  });

  router.get(`${E}/score/history`, async (req, res) => {
    const days = Number(req.query.days ?? 90);
    res.json({
      items: await records.getEntityScoreHistory(...(await at(req)), days),
    });
  });

  // Configuration and model: for any signed-in user or service.
  router.get('/config', async (req, res) => {
    await callerOf(httpAuth, req);
    res.json(workflow);
  });

  router.get('/scorers', async (req, res) => {
    await callerOf(httpAuth, req);
    res.json({ items: scorers.describe() });
  });

  router.get('/samm/model', async (req, res) => {
    await callerOf(httpAuth, req);
    res.json(sammModel);
  });
}
