import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { callerOf, entityOf, pageOf } from './callers';

const E = '/entities/:kind/:namespace/:name';

/** The routes of worksheets, threat-model decisions and release decisions. */
export function registerIncidentAndReleaseRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; records: RecordsService },
) {
  const { httpAuth, records } = options;
  const caller = (req: Parameters<typeof callerOf>[1]) =>
    callerOf(httpAuth, req);

  router.get(`${E}/worksheets`, async (req, res) => {
    res.json(
      await records.listRecords(
        await caller(req),
        entityOf(req.params),
        'worksheets',
        pageOf(req.query),
      ),
    );
  });

  router.post(`${E}/worksheets`, async (req, res) => {
    res
      .status(201)
      .json(
        await records.startWorksheet(
          await caller(req),
          entityOf(req.params),
          req.body,
        ),
      );
  });

  router.put(`${E}/worksheets/:id`, async (req, res) => {
    res.json(
      await records.updateWorksheet(
        await caller(req),
        entityOf(req.params),
        req.params.id,
        req.body,
      ),
    );
  });

  router.post(`${E}/worksheets/:id/lessons`, async (req, res) => {
    res.json(
      await records.addLesson(
        await caller(req),
        entityOf(req.params),
        req.params.id,
        req.body,
      ),
    );
  });

  router.get(`${E}/decisions`, async (req, res) => {
    res.json(
      await records.listRecords(
        await caller(req),
        entityOf(req.params),
        'decisions',
        pageOf(req.query),
      ),
    );
  });

  router.post(`${E}/decisions`, async (req, res) => {
    res
      .status(201)
      .json(
        await records.createDecision(
          await caller(req),
          entityOf(req.params),
          req.body,
        ),
      );
  });

  router.put(`${E}/decisions/:id`, async (req, res) => {
    res.json(
      await records.updateDecision(
        await caller(req),
        entityOf(req.params),
        req.params.id,
        req.body,
      ),
    );
  });

  router.get(`${E}/releases`, async (req, res) => {
    res.json(
      await records.listRecords(
        await caller(req),
        entityOf(req.params),
        'releases',
        pageOf(req.query),
      ),
    );
  });

  router.post(`${E}/releases`, async (req, res) => {
    res
      .status(201)
      .json(
        await records.createRelease(
          await caller(req),
          entityOf(req.params),
          req.body,
        ),
      );
  });

  // The one route CI pipelines may call with service credentials.
  router.post(`${E}/releases/:id/evidence`, async (req, res) => {
    res
      .status(201)
      .json(
        await records.pushReleaseEvidence(
          await caller(req),
          entityOf(req.params),
          req.params.id,
          req.body,
        ),
      );
  });

  router.post(`${E}/releases/:id/decision`, async (req, res) => {
    res.json(
      await records.decideRelease(
        await caller(req),
        entityOf(req.params),
        req.params.id,
        req.body,
      ),
    );
  });
}
