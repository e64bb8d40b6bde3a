import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { RoadmapPhaseInput } from '@secmat/backstage-plugin-security-maturity-common';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ENTITY_PATH as E, entityCaller } from './callers';

/**
 * An entity's roadmap: read it (with projections and progress), create or
 * replace a phase, remove a phase. The records service checks, writes,
 * audits and rescores.
 */
export function registerRoadmapRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; records: RecordsService },
) {
  const { records: r } = options;
  const at = entityCaller(options.httpAuth);

  router.get(`${E}/roadmap`, async (req, res) => {
    res.json(await r.getRoadmap(...(await at(req))));
  });
  router.put(`${E}/roadmap/phases/:phase`, async (req, res) => {
    const phase = Number(req.params.phase);
    res.json(
      await r.putRoadmapPhase(
        ...(await at(req)),
        phase,
        req.body as RoadmapPhaseInput,
      ),
    );
  });
  router.delete(`${E}/roadmap/phases/:phase`, async (req, res) => {
    const phase = Number(req.params.phase);
    res.json(
      await r.deleteRoadmapPhase(
        ...(await at(req)),
        phase,
        Number(req.query.version),
      ),
    );
  });
}
