import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  SecurityMaturityRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { SecurityMaturityStore } from '../database/SecurityMaturityStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { AccessControl, AnyRequest, EntityAccess, EntityPath } from './access';
import { audited } from './audit';
import { RecordContext } from './records/context';
import {
  createDecision,
  createRelease,
  decideRelease,
  pushReleaseEvidence,
  updateDecision,
} from './records/decisions';
import {
  LEAD_ACTIONS,
  requestException,
  transitionException,
} from './records/exceptions';
import { putAssessmentAnswer, putRasi } from './records/rasi';
import {
  putIntake,
  putStage,
  recordMaterialChange,
  signOffStage,
} from './records/stages';
import {
  addLesson,
  startWorksheet,
  updateWorksheet,
} from './records/worksheets';
import { ScorerRegistry } from './ScorerRegistry';
import { registerOrgRoutes } from './orgRoutes';
import { OrgStructureSource } from '../org/OrgStructure';
import { SammModelView } from '../samm/sammModel';
import { requiredStageIds } from '../config/requiredStages';
import { scoreFromRow, ScoringService } from '../scoring/ScoringService';

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  scoring: ScoringService;
  sammModel: SammModelView;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  access: AccessControl;
  store: SecurityMaturityStore;
  workflow: WorkflowConfig;
  scorers: ScorerRegistry;
  context: RecordContext;
  orgSource: OrgStructureSource;
}

const E = '/entities/:kind/:namespace/:name';

const entityPath = (req: AnyRequest): EntityPath => ({
  kind: req.params.kind,
  namespace: req.params.namespace,
  name: req.params.name,
});

const page = (req: AnyRequest) => ({
  limit: Number(req.query.limit ?? 50),
  offset: Number(req.query.offset ?? 0),
});

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    auditor,
    access,
    store,
    workflow,
    scorers,
    context: ctx,
    scoring,
    logger,
  } = options;

  // A record change moves the score at once. The change itself is already
  // committed, so a scoring failure is logged, not answered; the scheduled
  // rescoring repairs it.
  const rescore = async (entity: Entity) => {
    try {
      await scoring.rescoreEntity(entity);
    } catch (error) {
      logger.error(
        `Could not rescore ${stringifyEntityRef(entity)}`,
        error as Error,
      );
    }
  };
  // 256 kB is far above any valid record and keeps oversized bodies out (413).
  const router = await createOpenApiRouter({
    middleware: [express.json({ limit: '256kb' })],
  });

  registerOrgRoutes(router, {
    access,
    auditor,
    db: store.client,
    workflow,
    orgSource: options.orgSource,
  });

  router.get('/config', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(workflow);
  });

  router.get('/scorers', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: scorers.describe() });
  });

  router.get(E, async (req, res) => {
    const a = await access.forRead(req, entityPath(req));
    const picture = await store.readPicture(a.entityRef);
    const tier = picture.intake?.tier;
    const record: SecurityMaturityRecord = {
      entityRef: a.entityRef,
      version: picture.header?.version ?? 0,
      updatedAt: picture.header?.updatedAt,
      updatedBy: picture.header?.updatedBy,
      intake: picture.intake,
      // Until intake sets the tier, every stage is shown as required.
      requiredStageIds: requiredStageIds(workflow, tier),
      stages: picture.stages,
      rasi: picture.rasi,
      exceptions: picture.exceptions,
      worksheets: picture.worksheets,
      decisions: picture.decisions,
      releases: picture.releases,
      assessment: picture.assessment,
      scorers: scorers.describe(),
      permissions: {
        canEdit: a.isUser && (a.isOwner || a.isSecurityLead),
        isSecurityLead: a.isSecurityLead,
      },
    };
    res.json(record);
  });

  for (const table of [
    'exceptions',
    'worksheets',
    'decisions',
    'releases',
    'history',
  ] as const) {
    router.get(
      `${E}/${table}` as `${typeof E}/exceptions`,
      async (req, res) => {
        const a = await access.forRead(req, entityPath(req));
        const { limit, offset } = page(req);
        res.json(await store.listPage(table, a.entityRef, limit, offset));
      },
    );
  }

  /** An edit by an owner or security lead, audited. */
  const edit =
    (
      actionType: string,
      meta: (req: AnyRequest) => Record<string, string>,
      fn: (req: AnyRequest, a: EntityAccess) => Promise<unknown>,
      status = 200,
    ) =>
    async (req: AnyRequest, res: express.Response) => {
      let entity: Entity | undefined;
      const result = await audited(
        auditor,
        req,
        {
          actionType,
          meta: {
            entityRef: stringifyEntityRef(entityPath(req)),
            ...meta(req),
          },
        },
        async () => {
          const a = await access.forEdit(req, entityPath(req));
          entity = a.entity;
          return fn(req, a);
        },
      );
      await rescore(entity!);
      res.status(status).json(result);
    };
  const none = () => ({});

  router.put(
    `${E}/intake`,
    edit('intake-update', none, (req, a) => putIntake(ctx, a, req.body)),
  );
  router.put(
    `${E}/stages/:stageId`,
    edit(
      'stage-update',
      req => ({ stageId: req.params.stageId }),
      (req, a) => putStage(ctx, a, req.params.stageId, req.body),
    ),
  );
  router.post(
    `${E}/material-changes`,
    edit(
      'material-change',
      none,
      (req, a) => recordMaterialChange(ctx, a, req.body),
      201,
    ),
  );
  router.put(
    `${E}/rasi/:activityId`,
    edit(
      'rasi-update',
      req => ({ activityId: req.params.activityId }),
      (req, a) => putRasi(ctx, a, req.params.activityId, req.body),
    ),
  );
  router.post(
    `${E}/exceptions`,
    edit(
      'exception-request',
      none,
      (req, a) => requestException(ctx, a, req.body),
      201,
    ),
  );
  router.post(
    `${E}/worksheets`,
    edit(
      'worksheet-start',
      none,
      (req, a) => startWorksheet(ctx, a, req.body),
      201,
    ),
  );
  router.put(
    `${E}/worksheets/:id`,
    edit(
      'worksheet-update',
      req => ({ worksheetId: req.params.id }),
      (req, a) => updateWorksheet(ctx, a, req.params.id, req.body),
    ),
  );
  router.post(
    `${E}/worksheets/:id/lessons`,
    edit(
      'worksheet-lesson',
      req => ({ worksheetId: req.params.id }),
      (req, a) => addLesson(ctx, a, req.params.id, req.body),
    ),
  );
  router.post(
    `${E}/decisions`,
    edit(
      'decision-create',
      none,
      (req, a) => createDecision(ctx, a, req.body),
      201,
    ),
  );
  router.put(
    `${E}/decisions/:id`,
    edit(
      'decision-update',
      req => ({ decisionId: req.params.id }),
      (req, a) => updateDecision(ctx, a, req.params.id, req.body),
    ),
  );
  router.post(
    `${E}/releases`,
    edit(
      'release-create',
      none,
      (req, a) => createRelease(ctx, a, req.body),
      201,
    ),
  );
  router.post(
    `${E}/releases/:id/decision`,
    edit(
      'release-decide',
      req => ({ releaseId: req.params.id }),
      (req, a) => decideRelease(ctx, a, req.params.id, req.body),
    ),
  );
  router.put(
    `${E}/assessment/:activityId`,
    edit(
      'assessment-answer',
      req => ({ activityId: req.params.activityId }),
      (req, a) => putAssessmentAnswer(ctx, a, req.params.activityId, req.body),
    ),
  );

  /** An audited change whose access check is its own, then a rescore. */
  const change = async (
    req: AnyRequest,
    res: express.Response,
    audit: {
      actionType: string;
      severityLevel?: 'medium' | 'high';
      meta: Record<string, string>;
    },
    fn: () => Promise<{ access: EntityAccess; result: unknown }>,
    status = 200,
  ) => {
    const { access: a, result } = await audited(
      auditor,
      req,
      {
        ...audit,
        meta: { entityRef: stringifyEntityRef(entityPath(req)), ...audit.meta },
      },
      fn,
    );
    await rescore(a.entity);
    res.status(status).json(result);
  };

  // Sign-off: the stage's Accountable or a security lead (checked in signOffStage).
  router.post(`${E}/stages/:stageId/sign-off`, (req, res) =>
    change(
      req,
      res,
      {
        actionType: 'stage-sign-off',
        severityLevel: 'high',
        meta: { stageId: req.params.stageId },
      },
      async () => {
        const a = await access.forUser(req, entityPath(req));
        return {
          access: a,
          result: await signOffStage(
            ctx,
            a,
            req.params.stageId,
            req.body.version,
          ),
        };
      },
    ),
  );

  // Approvals are for security leads; closing is for owners too.
  router.post(`${E}/exceptions/:id/transitions`, (req, res) => {
    const lead = LEAD_ACTIONS.includes(req.body.action);
    return change(
      req,
      res,
      {
        actionType: `exception-${req.body.action}`,
        severityLevel: lead ? 'high' : 'medium',
        meta: { exceptionId: req.params.id },
      },
      async () => {
        const a = lead
          ? await access.forApprove(req, entityPath(req))
          : await access.forEdit(req, entityPath(req));
        return {
          access: a,
          result: await transitionException(ctx, a, req.params.id, req.body),
        };
      },
    );
  });

  // The one route CI pipelines may call with service credentials.
  router.post(`${E}/releases/:id/evidence`, (req, res) =>
    change(
      req,
      res,
      { actionType: 'release-evidence', meta: { releaseId: req.params.id } },
      async () => {
        const a = await access.forEvidencePush(req, entityPath(req));
        return {
          access: a,
          result: await pushReleaseEvidence(ctx, a, req.params.id, req.body),
        };
      },
      201,
    ),
  );

  router.get(`${E}/score`, async (req, res) => {
    const a = await access.forRead(req, entityPath(req));
    const row = await store.getScoreRow(a.entityRef);
    // Scored on first read if the scheduled rescoring has not reached it yet.
    res.json(row ? scoreFromRow(row) : await scoring.rescoreEntity(a.entity));
  });

  router.get(`${E}/score/history`, async (req, res) => {
    const a = await access.forRead(req, entityPath(req));
    const days = Number(req.query.days ?? 90);
    const since = new Date(Date.now() - days * 86_400_000)
      .toISOString()
      .slice(0, 10);
    res.json({ items: await store.getScoreHistory(a.entityRef, since) });
  });

  router.get('/samm/model', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(options.sammModel);
  });

  return router;
}
