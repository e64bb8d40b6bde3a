import { ApiRouter } from '@backstage/backend-openapi-utils';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CampaignInput } from '@secmat/backstage-plugin-security-maturity-common';
import { CampaignService } from '../campaigns/CampaignService';
import { spec } from '../schema/openapi.generated';
import { callerOf, ENTITY_PATH as E, entityCaller } from './callers';

/**
 * Campaigns under /org/campaigns, and the campaigns that cover one entity.
 * The spec has checked the shapes; the campaign service checks who asks,
 * what the goal names and the dates, and audits every change.
 */
export function registerCampaignRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; campaigns: CampaignService },
) {
  const { httpAuth, campaigns } = options;
  const caller = (req: Parameters<typeof callerOf>[1]) =>
    callerOf(httpAuth, req);

  router.get('/org/campaigns', async (req, res) => {
    res.json(
      await campaigns.list(await caller(req), {
        includeArchived: String(req.query.includeArchived) === 'true',
      }),
    );
  });

  router.post('/org/campaigns', async (req, res) => {
    res
      .status(201)
      .json(
        await campaigns.create(await caller(req), req.body as CampaignInput),
      );
  });

  router.get('/org/campaigns/:campaignId', async (req, res) => {
    res.json(await campaigns.get(await caller(req), req.params.campaignId));
  });

  router.put('/org/campaigns/:campaignId', async (req, res) => {
    res.json(
      await campaigns.update(
        await caller(req),
        req.params.campaignId,
        req.body as CampaignInput & { version: number },
      ),
    );
  });

  router.post('/org/campaigns/:campaignId/archive', async (req, res) => {
    res.json(
      await campaigns.archive(await caller(req), req.params.campaignId, {
        version: Number(req.body.version),
      }),
    );
  });

  router.get('/org/campaigns/:campaignId/missing', async (req, res) => {
    res.json(
      await campaigns.missing(await caller(req), req.params.campaignId, {
        limit: Number(req.query.limit ?? 50),
        offset: Number(req.query.offset ?? 0),
      }),
    );
  });

  const at = entityCaller(httpAuth);
  router.get(`${E}/campaigns`, async (req, res) => {
    res.json(await campaigns.forEntity(...(await at(req))));
  });
}
