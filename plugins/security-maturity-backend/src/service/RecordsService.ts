import {
  AuditorService,
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  normalizeEntityRef,
  Page,
  phaseDueOn,
  ReleaseVerdict,
  SecurityMaturityRecord,
  WorksheetUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  EntityAccess,
  EntityAccessPolicy,
  EntityPath,
} from '../access/AccessControl';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { ListedRecords, ListName } from '../database/records/RecordsStore';
import { WrittenChange } from '../database/records/RecordsTransaction';
import { ReminderStore } from '../database/reminders/ReminderStore';
import { SecurityNotifier } from '../notify/SecurityNotifier';
import { remindOfExpiries } from './remindOfExpiries';
import { isLeadAction } from '../domain/exceptionLifecycle';
import {
  redactException,
  redactHistoryEntry,
  redactWorksheet,
} from '../domain/confidentiality';
import { ScoringService } from '../scoring/ScoringService';
import { GATES_ONLY_POLICY, ReleasePolicy } from '../config/readReleasePolicy';
import { releaseVerdict } from '../domain/releaseVerdict';
import { Caller } from './Caller';
import { expireDueExceptions } from './expireDueExceptions';
import { Operation, OperationRunner, toHttpError } from './OperationRunner';
import * as assessment from './records/assessment';
import * as decisions from './records/decisions';
import * as evidence from './records/evidence';
import { collectEvidence } from './collectEvidence';
import { toEntityRecord } from './records/entityRecord';
import * as exceptions from './records/exceptions';
import { RecordContext } from './records/RecordContext';
import * as rasi from './records/rasi';
import * as releases from './records/releases';
import * as roadmap from './records/roadmap';
import { DatabaseRoadmapStore } from '../database/roadmap/DatabaseRoadmapStore';
import { buildRoadmap } from '../roadmap/buildRoadmap';
import { checkRoadmapEntity } from '../roadmap/roadmapRules';
import * as stages from './records/stages';
import * as worksheets from './records/worksheets';
import { ScorerRegistry } from './ScorerRegistry';

/** How each paged list hides confidential contents (lists not named have none). */
const REDACTIONS: {
  [L in ListName]?: (item: ListedRecords[L]) => ListedRecords[L];
} = {
  exceptions: redactException,
  worksheets: redactWorksheet,
  history: redactHistoryEntry,
};

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
      /** The roadmaps' phases and the snapshots they are measured against. */
      roadmap?: DatabaseRoadmapStore;
      /** What each tier's releases need (the verdict); none: gates only. */
      releasePolicy?: ReleasePolicy;
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
      signOffSeparation: deps.signOffSeparation ?? 'strict',
      evidence: deps.evidence,
    };
    this.runner = new OperationRunner({ ...deps, clock: this.ctx.clock });
  }

  /**
   * An operation on one entity's records: how it is checked and audited
   * (fixed, or from its arguments), and the record function that does it.
   * `redact` hides the confidential contents of what it returns from a
   * caller who may not read them (an edit response is a read too).
   */
  private operation<A extends unknown[], T>(
    describe: Operation | ((args: NoInfer<A>) => Operation),
    fn: (ctx: RecordContext, access: EntityAccess, ...args: A) => Promise<T>,
    redact?: (result: T) => T,
  ) {
    return (caller: Caller, path: EntityPath, ...args: A): Promise<T> => {
      const written: WrittenChange[] = [];
      return this.runner.run(
        caller,
        path,
        typeof describe === 'function' ? describe(args) : describe,
        async access => {
          const result = await fn({ ...this.ctx, written }, access, ...args);
          if (!redact || (await this.readsConfidential(access))) return result;
          return redact(result);
        },
        written,
      );
    };
  }

  /** Whether the caller reads the entity's confidential contents. */
  private async readsConfidential(access: EntityAccess) {
    return this.deps.access.readsConfidential(
      access,
      await this.deps.records.readRasi(access.entityRef),
    );
  }

  // --- reads ---------------------------------------------------------------

  async getEntityRecord(
    caller: Caller,
    path: EntityPath,
  ): Promise<SecurityMaturityRecord> {
    const access = await this.deps.access.forRead(caller.credentials, path);
    const picture = await this.deps.records.readPicture(access.entityRef);
    return toEntityRecord(
      access,
      picture,
      this.deps.workflow,
      this.deps.scorers.describe(),
      await this.deps.access.readsConfidential(access, picture.rasi),
    );
  }

  async listRecords<L extends ListName>(
    caller: Caller,
    path: EntityPath,
    list: L,
    page: { limit: number; offset: number },
  ): Promise<Page<ListedRecords[L]>> {
    const access = await this.deps.access.forRead(caller.credentials, path);
    const found = await this.deps.records.listPage(
      list,
      access.entityRef,
      page.limit,
      page.offset,
    );
    const redact = REDACTIONS[list] as
      | ((item: ListedRecords[L]) => ListedRecords[L])
      | undefined;
    if (!redact || (await this.readsConfidential(access))) return found;
    return { ...found, items: found.items.map(redact) };
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
    // Their own components: an owner reads the contents unless a policy denies it.
    const reads =
      refs.length === 0 ||
      (await access.ownerReadsConfidential(caller.credentials));
    return refs
      .flatMap(ref =>
        stored
          .get(normalizeEntityRef(ref))!
          .exceptions.filter(
            e =>
              e.status === 'expired' ||
              (e.status === 'approved' && Date.parse(e.expiresAt) <= horizon),
          )
          .map(e => ({
            entityRef: normalizeEntityRef(ref),
            ...(reads ? e : redactException(e)),
          })),
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

  /**
   * For the stage's Accountable or a security lead, and a second person when
   * separation is strict (checked by the rule).
   */
  readonly signOffStage = this.operation(
    ([stageId]) => ({
      actionType: 'stage-sign-off',
      access: 'signoff',
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

  /**
   * A staffing workbook's assignments of one component, all or none, each
   * at the version exported, with history rows naming the workbook.
   */
  readonly importRasiAssignments = this.operation(
    ([input]) => ({
      actionType: 'rasi-import',
      access: 'edit',
      meta: {
        workbook: input.workbook,
        activityIds: input.rows.map(r => r.activityId),
      },
    }),
    rasi.importRasiAssignments,
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
    redactException,
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
    redactException,
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
    redactWorksheet,
  );

  /**
   * An update replaces the worksheet's text: only for those who read it, or
   * saving a redacted copy would erase it.
   */
  readonly updateWorksheet = this.operation(
    ([id]) => ({
      actionType: 'worksheet-update',
      access: 'edit',
      meta: { worksheetId: id },
    }),
    async (
      ctx: RecordContext,
      access: EntityAccess,
      id: string,
      input: WorksheetUpdate,
    ) => {
      if (!(await this.readsConfidential(access))) {
        throw new NotAllowedError(
          `The contents of ${access.entityRef}'s worksheets are restricted to its owners, the people named in its RASI and security leads; you may not rewrite them`,
        );
      }
      return worksheets.updateWorksheet(ctx, access, id, input);
    },
    redactWorksheet,
  );

  readonly addLesson = this.operation(
    ([id]) => ({
      actionType: 'worksheet-lesson',
      access: 'edit',
      meta: { worksheetId: id },
    }),
    worksheets.addLesson,
    redactWorksheet,
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

  /**
   * Owners, security leads and CI pipelines (service credentials, with the
   * evidence push permission) create release records; only a person decides.
   */
  readonly createRelease = this.operation(
    { actionType: 'release-create', access: 'evidence' },
    releases.createRelease,
  );

  /**
   * What the release's records and the entity's current evidence recommend:
   * whoever may read the entity, CI services included. It never decides.
   */
  async getReleaseVerdict(
    caller: Caller,
    path: EntityPath,
    id: string,
  ): Promise<ReleaseVerdict> {
    const { access: policy, records, workflow } = this.deps;
    const access = await policy.forRead(caller.credentials, path);
    // All of the entity's records: the release may be older than the newest
    // few the entity picture lists.
    const [stored, signals] = await Promise.all([
      records.readRecords([access.entityRef]),
      this.ctx.evidence?.store.readCurrent([access.entityRef]),
    ]);
    const picture = stored.get(access.entityRef)!;
    const release = picture.releases.find(r => r.id === id);
    if (!release) {
      throw new NotFoundError(
        `The release ${id} of ${access.entityRef} was not found`,
      );
    }
    return releaseVerdict({
      entityRef: access.entityRef,
      release,
      records: picture,
      signals: signals?.get(access.entityRef) ?? [],
      workflow,
      policy: this.deps.releasePolicy ?? GATES_ONLY_POLICY,
      now: this.ctx.clock(),
    });
  }

  /** CI pipelines (service credentials) push evidence; see createRelease. */
  readonly pushReleaseEvidence = this.operation(
    ([id]) => ({
      actionType: 'release-evidence',
      access: 'evidence',
      meta: { releaseId: id },
    }),
    releases.pushReleaseEvidence,
  );

  // --- evidence from tools ---------------------------------------------------

  /**
   * A tool's file (SARIF, Scorecard, CycloneDX, SLSA provenance) summarised
   * into the entity's signals: CI pipelines with service credentials, owners
   * and security leads, as for release evidence.
   */
  readonly pushEntityEvidence = this.operation(
    ([input]) => ({
      actionType: 'evidence-push',
      access: 'evidence',
      meta: { format: input.format },
    }),
    evidence.pushEntityEvidence,
  );

  /** The entity's current signals from tools, newest per source and key. */
  async listEntityEvidence(caller: Caller, path: EntityPath) {
    const access = await this.deps.access.forRead(caller.credentials, path);
    return evidence.listEntityEvidence(this.ctx, access.entityRef);
  }

  /**
   * What a collector found for a page of entities, written in bulk (history
   * rows and version bumps for the entities with new signals), audited and
   * rescored: the collectors' way in.
   */
  recordCollectedSignals(
    collectorId: string,
    signals: Parameters<typeof collectEvidence>[1]['signals'],
    now = new Date(),
  ) {
    return collectEvidence(this.deps, { collectorId, signals, now });
  }

  // --- roadmap -------------------------------------------------------------

  /**
   * The entity's roadmap: phases with their items (owners resolved, done or
   * not), the projected score after each phase and the plan against the
   * daily snapshots. Whoever may read the entity.
   */
  async getRoadmap(caller: Caller, path: EntityPath) {
    const { access: policy, scoring, records, workflow } = this.deps;
    const store = this.requireRoadmap();
    const access = await policy.forRead(caller.credentials, path);
    try {
      checkRoadmapEntity(access.entity);
    } catch (error) {
      throw toHttpError(error);
    }
    const [phases, score, assignments] = await Promise.all([
      store.readPhases(access.entityRef),
      scoring.currentScore(access.entity),
      records.readRasi(access.entityRef),
    ]);
    const today = this.ctx.clock().toISOString().slice(0, 10);
    const dueDays = phases.map(p => phaseDueOn(p.items));
    const snapshots = await store.snapshotsOnOrBefore(access.entityRef, [
      today,
      ...dueDays.filter((d): d is string => d !== null && d < today),
    ]);
    return buildRoadmap({
      entity: access.entity,
      score,
      phases,
      rasi: assignments,
      workflow,
      snapshots,
      today,
      canEdit: access.isUser && (access.isOwner || access.isSecurityLead),
    });
  }

  private requireRoadmap() {
    if (!this.deps.roadmap) throw new Error('The roadmap store is not set up');
    return this.deps.roadmap;
  }

  /** Owners and security leads; a stale version gets 409. */
  readonly putRoadmapPhase = this.operation(
    ([phase]) => ({
      actionType: 'roadmap-update',
      access: 'edit',
      meta: { phase },
    }),
    roadmap.putRoadmapPhase,
  );

  readonly deleteRoadmapPhase = this.operation(
    ([phase]) => ({
      actionType: 'roadmap-delete',
      access: 'edit',
      meta: { phase },
    }),
    roadmap.deleteRoadmapPhase,
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
