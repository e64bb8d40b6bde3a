import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ENTITY_PATH as E, entityCaller } from './callers';

/**
 * The changes to one entity's records. Each handler hands the caller, the
 * entity and the spec-validated body to the records service, which checks,
 * writes, audits and rescores; creations answer 201.
 */
export function registerRecordChangeRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; records: RecordsService },
) {
  const { records: r } = options;
  const at = entityCaller(options.httpAuth);

  router.put(`${E}/intake`, async (req, res) => {
    res.json(await r.putIntake(...(await at(req)), req.body));
  });
  router.put(`${E}/stages/:stageId`, async (req, res) => {
    const { stageId } = req.params;
    res.json(await r.putStage(...(await at(req)), stageId, req.body));
  });
  router.post(`${E}/stages/:stageId/sign-off`, async (req, res) => {
    const { stageId } = req.params;
    res.json(await r.signOffStage(...(await at(req)), stageId, req.body));
  });
  router.post(`${E}/material-changes`, async (req, res) => {
    res
      .status(201)
      .json(await r.recordMaterialChange(...(await at(req)), req.body));
  });
  router.put(`${E}/rasi/:activityId`, async (req, res) => {
    const { activityId } = req.params;
    res.json(
      await r.putRasiAssignment(...(await at(req)), activityId, req.body),
    );
  });
  router.put(`${E}/assessment/:activityId`, async (req, res) => {
    const { activityId } = req.params;
    res.json(
      await r.putAssessmentAnswer(...(await at(req)), activityId, req.body),
    );
  });
  router.post(`${E}/exceptions`, async (req, res) => {
    res
      .status(201)
      .json(await r.requestException(...(await at(req)), req.body));
  });
  router.post(`${E}/exceptions/:id/transitions`, async (req, res) => {
    const { id } = req.params;
    res.json(await r.transitionException(...(await at(req)), id, req.body));
  });
  router.post(`${E}/worksheets`, async (req, res) => {
    res.status(201).json(await r.startWorksheet(...(await at(req)), req.body));
  });
  router.put(`${E}/worksheets/:id`, async (req, res) => {
    const { id } = req.params;
    res.json(await r.updateWorksheet(...(await at(req)), id, req.body));
  });
  router.post(`${E}/worksheets/:id/lessons`, async (req, res) => {
    const { id } = req.params;
    res.json(await r.addLesson(...(await at(req)), id, req.body));
  });
  router.post(`${E}/decisions`, async (req, res) => {
    res.status(201).json(await r.createDecision(...(await at(req)), req.body));
  });
  router.put(`${E}/decisions/:id`, async (req, res) => {
    const { id } = req.params;
    res.json(await r.updateDecision(...(await at(req)), id, req.body));
  });
  router.post(`${E}/releases`, async (req, res) => {
    res.status(201).json(await r.createRelease(...(await at(req)), req.body));
  });
  // The one route CI pipelines may call with service credentials.
  router.post(`${E}/releases/:id/evidence`, async (req, res) => {
    const { id } = req.params;
    res
      .status(201)
      .json(await r.pushReleaseEvidence(...(await at(req)), id, req.body));
  });
  router.post(`${E}/releases/:id/decision`, async (req, res) => {
    const { id } = req.params;
    res.json(await r.decideRelease(...(await at(req)), id, req.body));
  });
}
