import {
  AuditorService,
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  normalizeEntityRef,
  Page,
  SecurityMaturityRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  EntityAccess,
  EntityAccessPolicy,
  EntityPath,
} from '../access/AccessControl';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ListedRecords, ListName } from '../database/records/RecordsStore';
import { WrittenChange } from '../database/records/RecordsTransaction';
import { ReminderStore } from '../database/reminders/ReminderStore';
import { SecurityNotifier } from '../notify/SecurityNotifier';
import { remindOfExpiries } from './remindOfExpiries';
import { isLeadAction } from '../domain/exceptionLifecycle';
import { ScoringService } from '../scoring/ScoringService';
import { Caller } from './Caller';
import { expireDueExceptions } from './expireDueExceptions';
import { Operation, OperationRunner } from './OperationRunner';
import * as assessment from './records/assessment';
import * as decisions from './records/decisions';
import { toEntityRecord } from './records/entityRecord';
import * as exceptions from './records/exceptions';
import { RecordContext } from './records/RecordContext';
import * as rasi from './records/rasi';
import * as releases from './records/releases';
import * as stages from './records/stages';
import * as worksheets from './records/worksheets';
import { ScorerRegistry } from './ScorerRegistry';

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
    private readonly deps: Omit<RecordContext, 'clock'> & {
      /** The time of changes; the real clock unless the demo replays its year. */
      clock?: () => Date;
      access: EntityAccessPolicy;
      auditor: AuditorService;
      scoring: ScoringService;
      scorers: ScorerRegistry;
      logger: LoggerService;
      /** Announces committed changes (signals, events, notifications). */
      notifier?: SecurityNotifier;
      /** What the expiry reminders need besides the notifier. */
      reminding?: {
        reminders: ReminderStore;
        auth: AuthService;
        reminderDays: number[];
      };
    },
  ) {
    this.ctx = {
      records: deps.records,
      workflow: deps.workflow,
      catalog: deps.catalog,
      clock: deps.clock ?? (() => new Date()),
    };
    this.runner = new OperationRunner({ ...deps, clock: this.ctx.clock });
  }

  /**
   * An operation on one entity's records: how it is checked and audited
   * (fixed, or from its arguments), and the record function that does it.
   */
  private operation<A extends unknown[], T>(
    describe: Operation | ((args: NoInfer<A>) => Operation),
    fn: (ctx: RecordContext, access: EntityAccess, ...args: A) => Promise<T>,
  ) {
    return (caller: Caller, path: EntityPath, ...args: A): Promise<T> => {
      const written: WrittenChange[] = [];
      return this.runner.run(
        caller,
        path,
        typeof describe === 'function' ? describe(args) : describe,
        access => fn({ ...this.ctx, written }, access, ...args),
        written,
      );
    };
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

  /**
   * The exceptions of the caller's own components that are expired or expire
   * within `withinDays`, soonest first: one catalog query, one bulk read.
   */
  async listMyExpiringExceptions(caller: Caller, withinDays: number) {
    const { access, records } = this.deps;
    const { entities } = await access.ownedComponents(caller.credentials);
    const refs = entities.map(e => stringifyEntityRef(e));
    const horizon = this.ctx.clock().getTime() + withinDays * DAY_MS;
    const stored = await records.readRecords(refs);
    return refs
      .flatMap(ref =>
        stored
          .get(normalizeEntityRef(ref))!
          .exceptions.filter(
            e =>
              e.status === 'expired' ||
              (e.status === 'approved' && Date.parse(e.expiresAt) <= horizon),
          )
          .map(e => ({ entityRef: normalizeEntityRef(ref), ...e })),
      )
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  }

  async getEntityScoreHistory(caller: Caller, path: EntityPath, days: number) {
    const access = await this.deps.access.forRead(caller.credentials, path);
    return this.deps.scoring.history(access.entityRef, days);
  }

  // --- stage gates and intake ---------------------------------------------

  readonly putIntake = this.operation(
    { actionType: 'intake-update', access: 'edit' },
    stages.putIntake,
  );

  readonly putStage = this.operation(
    ([stageId]) => ({
      actionType: 'stage-update',
      access: 'edit',
      meta: { stageId },
    }),
    stages.putStage,
  );

  /** For the stage's Accountable or a security lead (checked by the rule). */
  readonly signOffStage = this.operation(
    ([stageId]) => ({
      actionType: 'stage-sign-off',
      access: 'user',
      severityLevel: 'high',
      meta: { stageId },
    }),
    stages.signOffStage,
  );

  readonly recordMaterialChange = this.operation(
    { actionType: 'material-change', access: 'edit' },
    stages.recordMaterialChange,
  );

  // --- RASI and self-assessment -------------------------------------------

  readonly putRasiAssignment = this.operation(
    ([activityId]) => ({
      actionType: 'rasi-update',
      access: 'edit',
      meta: { activityId },
    }),
    rasi.putRasiAssignment,
  );

  readonly putAssessmentAnswer = this.operation(
    ([activityId]) => ({
      actionType: 'assessment-answer',
      access: 'edit',
      meta: { activityId },
    }),
    assessment.putAssessmentAnswer,
  );

  // --- exceptions -----------------------------------------------------------

  readonly requestException = this.operation(
    { actionType: 'exception-request', access: 'edit' },
    exceptions.requestException,
  );

  /** Approve, reject and revoke are for security leads; close for owners too. */
  readonly transitionException = this.operation(
    ([id, input]) => ({
      actionType: `exception-${input.action}`,
      access: isLeadAction(input.action) ? 'approve' : 'edit',
      severityLevel: isLeadAction(input.action) ? 'high' : 'medium',
      meta: { exceptionId: id },
    }),
    exceptions.transitionException,
  );

  /**
   * The clock's transition: approved exceptions past their expiry become
   * expired, each entity in its own transaction with history rows and a
   * version bump, audited and rescored like any other change.
   */
  expireDueExceptions(now = new Date()) {
    return expireDueExceptions(this.deps, now);
  }

  /**
   * Reminders of approved exceptions nearing expiry and of expired ones, each
   * threshold once (claimed in the database): for the scheduled task.
   */
  async remindOfExpiries(now = new Date()) {
    const { reminding, notifier } = this.deps;
    if (!reminding || !notifier) return { sent: 0 };
    return remindOfExpiries({ ...this.deps, ...reminding, notifier }, now);
  }

  // --- worksheets -----------------------------------------------------------

  readonly startWorksheet = this.operation(
    { actionType: 'worksheet-start', access: 'edit' },
    worksheets.startWorksheet,
  );

  readonly updateWorksheet = this.operation(
    ([id]) => ({
      actionType: 'worksheet-update',
      access: 'edit',
      meta: { worksheetId: id },
    }),
    worksheets.updateWorksheet,
  );

  readonly addLesson = this.operation(
    ([id]) => ({
      actionType: 'worksheet-lesson',
      access: 'edit',
      meta: { worksheetId: id },
    }),
    worksheets.addLesson,
  );

  // --- decisions and releases -------------------------------------------

  readonly createDecision = this.operation(
    { actionType: 'decision-create', access: 'edit' },
    decisions.createDecision,
  );

  readonly updateDecision = this.operation(
    ([id]) => ({
      actionType: 'decision-update',
      access: 'edit',
      meta: { decisionId: id },
    }),
    decisions.updateDecision,
  );

  readonly createRelease = this.operation(
    { actionType: 'release-create', access: 'edit' },
    releases.createRelease,
  );

  /** The one operation CI pipelines may call with service credentials. */
  readonly pushReleaseEvidence = this.operation(
    ([id]) => ({
      actionType: 'release-evidence',
      access: 'evidence',
      meta: { releaseId: id },
    }),
    releases.pushReleaseEvidence,
  );

  /** Go or no-go, by a person. */
  readonly decideRelease = this.operation(
    ([id]) => ({
      actionType: 'release-decide',
      access: 'edit',
      meta: { releaseId: id },
    }),
    releases.decideRelease,
  );
}
