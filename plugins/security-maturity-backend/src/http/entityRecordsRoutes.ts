import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { callerOf, entityOf, pageOf } from './callers';

const E = '/entities/:kind/:namespace/:name';

/**
 * The routes of one entity's records: each reads the caller and hands the
 * typed body to the records service, which checks, writes, audits and
 * rescores.
 */
export function registerEntityRecordsRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; records: RecordsService },
) {
  const { httpAuth, records } = options;
  const caller = (req: Parameters<typeof callerOf>[1]) =>
    callerOf(httpAuth, req);

  router.get(E, async (req, res) => {
    res.json(
      await records.getEntityRecord(await caller(req), entityOf(req.params)),
    );
  });

  router.put(`${E}/intake`, async (req, res) => {
    res.json(
      await records.putIntake(
        await caller(req),
        entityOf(req.params),
        req.body,
      ),
    );
  });

  router.put(`${E}/stages/:stageId`, async (req, res) => {
    res.json(
      await records.putStage(
        await caller(req),
        entityOf(req.params),
        req.params.stageId,
        req.body,
      ),
    );
  });

  router.post(`${E}/stages/:stageId/sign-off`, async (req, res) => {
    res.json(
      await records.signOffStage(
        await caller(req),
        entityOf(req.params),
        req.params.stageId,
        req.body,
      ),
    );
  });

  router.post(`${E}/material-changes`, async (req, res) => {
    res
      .status(201)
      .json(
        await records.recordMaterialChange(
          await caller(req),
          entityOf(req.params),
          req.body,
        ),
      );
  });

  router.put(`${E}/rasi/:activityId`, async (req, res) => {
    res.json(
      await records.putRasiAssignment(
        await caller(req),
        entityOf(req.params),
        req.params.activityId,
        req.body,
      ),
    );
  });

  router.put(`${E}/assessment/:activityId`, async (req, res) => {
    res.json(
      await records.putAssessmentAnswer(
        await caller(req),
        entityOf(req.params),
        req.params.activityId,
        req.body,
      ),
    );
  });

  router.get(`${E}/exceptions`, async (req, res) => {
    res.json(
      await records.listRecords(
        await caller(req),
        entityOf(req.params),
        'exceptions',
        pageOf(req.query),
      ),
    );
  });

  router.post(`${E}/exceptions`, async (req, res) => {
    res
      .status(201)
      .json(
        await records.requestException(
          await caller(req),
          entityOf(req.params),
          req.body,
        ),
      );
  });

  router.post(`${E}/exceptions/:id/transitions`, async (req, res) => {
    res.json(
      await records.transitionException(
        await caller(req),
        entityOf(req.params),
        req.params.id,
        req.body,
      ),
    );
  });

  router.get(`${E}/history`, async (req, res) => {
    res.json(
      await records.listRecords(
        await caller(req),
        entityOf(req.params),
        'history',
        pageOf(req.query),
      ),
    );
  });
}
