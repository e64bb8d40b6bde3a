import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import {
  DecisionInput,
  ExceptionRequest,
  IntakeAnswers,
  Page,
  RasiUpdate,
  ReleaseEvidence,
  SecurityMaturityRecord,
  StageUpdate,
  WorksheetUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  AccessControl,
  EntityAccess,
  EntityPath,
} from '../access/AccessControl';
import { ListedRecords, ListName } from '../database/records/RecordsStore';
import { ExceptionAction, isLeadAction } from '../domain/exceptionLifecycle';
import { ScoringService } from '../scoring/ScoringService';
import { Operation, OperationRunner } from './OperationRunner';
import { Caller } from './Caller';
import * as assessment from './records/assessment';
import * as decisions from './records/decisions';
import * as exceptions from './records/exceptions';
import { RecordContext } from './records/RecordContext';
import * as rasi from './records/rasi';
import * as releases from './records/releases';
import * as stages from './records/stages';
import * as worksheets from './records/worksheets';
import { ScorerRegistry } from './ScorerRegistry';
import { expireDueExceptions } from './expireDueExceptions';
import { toEntityRecord } from './records/entityRecord';

/**
 * The one way in to an entity's security records. Every entry point (REST
 * routes, actions, scheduled tasks) calls these methods, and each does the
 * same four things in one place: check the caller's access, apply the domain
 * rule in one transaction with its history, rescore the entity, and report
 * the audit outcome (failures and denials included).
 */
export class RecordsService {
  private readonly ctx: RecordContext;
  private readonly runner: OperationRunner;

  constructor(
    private readonly deps: RecordContext & {
      access: AccessControl;
      auditor: AuditorService;
      scoring: ScoringService;
      scorers: ScorerRegistry;
      logger: LoggerService;
    },
  ) {
    this.ctx = {
      records: deps.records,
      workflow: deps.workflow,
      catalog: deps.catalog,
    };
    this.runner = new OperationRunner(deps);
  }

  private run<T>(
    caller: Caller,
    path: EntityPath,
    operation: Operation,
    fn: (access: EntityAccess) => Promise<T>,
  ) {
    return this.runner.run(caller, path, operation, fn);
  }

  // --- reads ---------------------------------------------------------------

  async getEntityRecord(
    caller: Caller,
    path: EntityPath,
  ): Promise<SecurityMaturityRecord> {
    const access = await this.deps.access.forRead(caller.credentials, path);
    return toEntityRecord(
      access,
      await this.deps.records.readPicture(access.entityRef),
      this.deps.workflow,
      this.deps.scorers.describe(),
    );
  }

  async listRecords<L extends ListName>(
    caller: Caller,
    path: EntityPath,
    list: L,
    page: { limit: number; offset: number },
  ): Promise<Page<ListedRecords[L]>> {
    const access = await this.deps.access.forRead(caller.credentials, path);
    return this.deps.records.listPage(
      list,
      access.entityRef,
      page.limit,
      page.offset,
    );
  }

  /** The stored score, or scored on first read if rescoring has not reached it. */
  async getEntityScore(caller: Caller, path: EntityPath) {
    const access = await this.deps.access.forRead(caller.credentials, path);
    return this.deps.scoring.currentScore(access.entity);
  }

  async getEntityScoreHistory(caller: Caller, path: EntityPath, days: number) {
    const access = await this.deps.access.forRead(caller.credentials, path);
    return this.deps.scoring.history(access.entityRef, days);
  }

  // --- stage gates and intake ---------------------------------------------

  putIntake(
    caller: Caller,
    path: EntityPath,
    input: IntakeAnswers & { version: number },
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'intake-update', access: 'edit' },
      a => stages.putIntake(this.ctx, a, input),
    );
  }

  putStage(
    caller: Caller,
    path: EntityPath,
    stageId: string,
    input: StageUpdate,
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'stage-update', access: 'edit', meta: { stageId } },
      a => stages.putStage(this.ctx, a, stageId, input),
    );
  }

  /** The stage's Accountable or a security lead (checked by the rule). */
  signOffStage(
    caller: Caller,
    path: EntityPath,
    stageId: string,
    input: { version: number },
  ) {
    return this.run(
      caller,
      path,
      {
        actionType: 'stage-sign-off',
        access: 'user',
        severityLevel: 'high',
        meta: { stageId },
      },
      a => stages.signOffStage(this.ctx, a, stageId, input),
    );
  }

  recordMaterialChange(
    caller: Caller,
    path: EntityPath,
    input: { kind: string; description: string },
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'material-change', access: 'edit' },
      a => stages.recordMaterialChange(this.ctx, a, input),
    );
  }

  // --- RASI and self-assessment -------------------------------------------

  putRasiAssignment(
    caller: Caller,
    path: EntityPath,
    activityId: string,
    input: RasiUpdate,
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'rasi-update', access: 'edit', meta: { activityId } },
      a => rasi.putRasiAssignment(this.ctx, a, activityId, input),
    );
  }

  putAssessmentAnswer(
    caller: Caller,
    path: EntityPath,
    activityId: string,
    input: { version: number; value: number; notes?: string },
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'assessment-answer', access: 'edit', meta: { activityId } },
      a => assessment.putAssessmentAnswer(this.ctx, a, activityId, input),
    );
  }

  // --- exceptions -----------------------------------------------------------

  requestException(caller: Caller, path: EntityPath, input: ExceptionRequest) {
    return this.run(
      caller,
      path,
      { actionType: 'exception-request', access: 'edit' },
      a => exceptions.requestException(this.ctx, a, input),
    );
  }

  /** Approve, reject and revoke are for security leads; close for owners too. */
  transitionException(
    caller: Caller,
    path: EntityPath,
    id: string,
    input: { version: number; action: ExceptionAction; note?: string },
  ) {
    const lead = isLeadAction(input.action);
    return this.run(
      caller,
      path,
      {
        actionType: `exception-${input.action}`,
        access: lead ? 'approve' : 'edit',
        severityLevel: lead ? 'high' : 'medium',
        meta: { exceptionId: id },
      },
      a => exceptions.transitionException(this.ctx, a, id, input),
    );
  }

  /**
   * The clock's transition: approved exceptions past their expiry become
   * expired, each entity in its own transaction with history rows and a
   * version bump, audited and rescored like any other change.
   */
  expireDueExceptions(now = new Date()) {
    return expireDueExceptions(this.deps, now);
  }

  // --- worksheets -----------------------------------------------------------

  startWorksheet(
    caller: Caller,
    path: EntityPath,
    input: { kind: 'incident' | 'drill'; title: string },
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'worksheet-start', access: 'edit' },
      a => worksheets.startWorksheet(this.ctx, a, input),
    );
  }

  updateWorksheet(
    caller: Caller,
    path: EntityPath,
    id: string,
    input: WorksheetUpdate,
  ) {
    return this.run(
      caller,
      path,
      {
        actionType: 'worksheet-update',
        access: 'edit',
        meta: { worksheetId: id },
      },
      a => worksheets.updateWorksheet(this.ctx, a, id, input),
    );
  }

  addLesson(
    caller: Caller,
    path: EntityPath,
    id: string,
    input: { version: number; lesson: string; reopensStageId?: string },
  ) {
    return this.run(
      caller,
      path,
      {
        actionType: 'worksheet-lesson',
        access: 'edit',
        meta: { worksheetId: id },
      },
      a => worksheets.addLesson(this.ctx, a, id, input),
    );
  }

  // --- decisions and releases -------------------------------------------

  createDecision(caller: Caller, path: EntityPath, input: DecisionInput) {
    return this.run(
      caller,
      path,
      { actionType: 'decision-create', access: 'edit' },
      a => decisions.createDecision(this.ctx, a, input),
    );
  }

  updateDecision(
    caller: Caller,
    path: EntityPath,
    id: string,
    input: DecisionInput & { version: number },
  ) {
    return this.run(
      caller,
      path,
      {
        actionType: 'decision-update',
        access: 'edit',
        meta: { decisionId: id },
      },
      a => decisions.updateDecision(this.ctx, a, id, input),
    );
  }

  createRelease(caller: Caller, path: EntityPath, input: { release: string }) {
    return this.run(
      caller,
      path,
      { actionType: 'release-create', access: 'edit' },
      a => releases.createRelease(this.ctx, a, input),
    );
  }

  /** The one operation CI pipelines may call with service credentials. */
  pushReleaseEvidence(
    caller: Caller,
    path: EntityPath,
    id: string,
    input: Omit<ReleaseEvidence, 'pushedBy' | 'pushedAt'>,
  ) {
    return this.run(
      caller,
      path,
      {
        actionType: 'release-evidence',
        access: 'evidence',
        meta: { releaseId: id },
      },
      a => releases.pushReleaseEvidence(this.ctx, a, id, input),
    );
  }

  decideRelease(
    caller: Caller,
    path: EntityPath,
    id: string,
    input: { version: number; decision: 'go' | 'no_go'; note?: string },
  ) {
    return this.run(
      caller,
      path,
      { actionType: 'release-decide', access: 'edit', meta: { releaseId: id } },
      a => releases.decideRelease(this.ctx, a, id, input),
    );
  }
}
