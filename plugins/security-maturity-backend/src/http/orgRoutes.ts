import { ApiRouter } from '@backstage/backend-openapi-utils';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { OrgService } from '../org/OrgService';
import { spec } from '../schema/openapi.generated';
import { callerOf } from './callers';

/**
 * The org views: the org page (security leads, or a granted subtree of
 * groups) and the team views of groups, systems and domains. The spec has
 * checked the query (enums, ranges, the quarter's pattern, the unit's kind)
 * and filled in its defaults; the handlers only read the caller and hand over
 * to the org service, which checks access and audits the export.
 */
export function registerOrgRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; org: OrgService },
) {
  const { httpAuth, org } = options;
  const caller = (req: Parameters<typeof callerOf>[1]) =>
    callerOf(httpAuth, req);

  router.get('/org/facets', async (req, res) => {
    res.json(await org.facets(await caller(req)));
  });

  router.get('/org/overview', async (req, res) => {
    const { withinDays = 30, since, ...filter } = req.query;
    res.json(await org.overview(await caller(req), filter, withinDays, since));
  });

  router.get('/org/components', async (req, res) => {
    res.json(await org.components(await caller(req), req.query));
  });

  router.get('/org/trend', async (req, res) => {
    const days = req.query.days ?? 180;
    res.json(await org.trend(await caller(req), req.query, days));
  });

  router.get('/org/metrics-pack', async (req, res) => {
    const pack = await org.metricsPack(
      await caller(req),
      req.query,
      req.query.quarter,
      req.query.format ?? 'xlsx',
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${pack.filename}"`,
    );
    res.type(pack.contentType).send(pack.body);
  });

  router.get('/org/units/:kind/:namespace/:name/overview', async (req, res) => {
    const { withinDays = 30, since } = req.query;
    res.json(
      await org.unitOverview(await caller(req), req.params, withinDays, since),
    );
  });

  router.get(
    '/org/units/:kind/:namespace/:name/components',
    async (req, res) => {
      res.json(
        await org.unitComponents(await caller(req), req.params, req.query),
      );
    },
  );
}
