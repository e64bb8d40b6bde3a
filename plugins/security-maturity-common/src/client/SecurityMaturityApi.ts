import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AssessmentAnswer,
  ChecklistItem,
  DecisionRecord,
  ReleaseRecord,
  WorksheetRecord,
  EntityScore,
  ExceptionRecord,
  RasiAssignment,
  RiskRating,
  SecurityMaturityRecord,
  StageRecord,
  StageStatus,
} from '../types';
import { WorkflowConfig } from '../workflow';
import {
  MetricsPackFormat,
  OrgComponentPage,
  OrgComponentQuery,
  OrgFacets,
  OrgFilter,
  OrgOverview,
  OrgTrend,
  Quarter,
} from '../org';

/** @public */
export type StageUpdate = {
  version: number;
  status: StageStatus;
  checklist: ChecklistItem[];
  notes?: string;
  reason?: string;
};

/** @public */
export type RasiUpdate = Pick<
  RasiAssignment,
  'responsible' | 'accountable' | 'supportive' | 'informed'
> & { version: number };

/** @public */
export type ExceptionRequest = {
  controlId: string;
  justification: string;
  compensatingControls: string;
  riskRating: RiskRating;
  expiresAt: string;
};

/** @public */
export type WorksheetUpdate = Pick<
  WorksheetRecord,
  | 'title'
  | 'status'
  | 'readiness'
  | 'containmentOwners'
  | 'timeline'
  | 'actions'
  | 'findings'
> & { version: number; containedAt?: string };

/** @public */
export type DecisionInput = Pick<
  DecisionRecord,
  | 'trigger'
  | 'decision'
  | 'rationale'
  | 'ownerRef'
  | 'status'
  | 'backlogUrl'
  | 'reReviewAt'
  | 'reReviewTrigger'
>;

/** @public */
export type ExceptionAction = 'approve' | 'reject' | 'revoke' | 'close';

/**
 * What the frontend and other tools can ask of the security-maturity backend.
 * Errors are thrown as `ResponseError`s; a 409 means someone changed the
 * record since it was read.
 *
 * @public
 */
export interface SecurityMaturityApi {
  /** The whole security-maturity record of one catalog entity. */
  getEntityRecord(entity: CompoundEntityRef): Promise<SecurityMaturityRecord>;
  /** The configured workflow: stages, RASI activities, tiers, controls. */
  getWorkflowConfig(): Promise<WorkflowConfig>;
  /** The entity's SAMM score with every activity's answer explained. */
  getEntityScore(entity: CompoundEntityRef): Promise<EntityScore>;
  putStage(
    entity: CompoundEntityRef,
    stageId: string,
    update: StageUpdate,
  ): Promise<StageRecord>;
  putRasiAssignment(
    entity: CompoundEntityRef,
    activityId: string,
    update: RasiUpdate,
  ): Promise<RasiAssignment>;
  requestException(
    entity: CompoundEntityRef,
    request: ExceptionRequest,
  ): Promise<ExceptionRecord>;
  transitionException(
    entity: CompoundEntityRef,
    id: string,
    transition: { version: number; action: ExceptionAction; note?: string },
  ): Promise<ExceptionRecord>;

  /** Starts an incident or drill worksheet; containment owners default from RASI. */
  startWorksheet(
    entity: CompoundEntityRef,
    worksheet: { kind: 'incident' | 'drill'; title: string },
  ): Promise<WorksheetRecord>;
  /** Replaces a worksheet's content (timeline, actions, findings, status). */
  updateWorksheet(
    entity: CompoundEntityRef,
    id: string,
    update: WorksheetUpdate,
  ): Promise<WorksheetRecord>;
  /** A lesson learned; with `reopensStageId` it re-opens that stage. */
  addLesson(
    entity: CompoundEntityRef,
    id: string,
    lesson: { version: number; lesson: string; reopensStageId?: string },
  ): Promise<WorksheetRecord>;
  createDecision(
    entity: CompoundEntityRef,
    decision: DecisionInput,
  ): Promise<DecisionRecord>;
  updateDecision(
    entity: CompoundEntityRef,
    id: string,
    decision: DecisionInput & { version: number },
  ): Promise<DecisionRecord>;
  createRelease(
    entity: CompoundEntityRef,
    release: { release: string },
  ): Promise<ReleaseRecord>;
  /** Go or no-go, by a person (never by a pipeline). */
  decideRelease(
    entity: CompoundEntityRef,
    id: string,
    decision: { version: number; decision: 'go' | 'no_go'; note?: string },
  ): Promise<ReleaseRecord>;
  /** Signs off a passed, waived or not-applicable gate (its Accountable or a lead). */
  signOffStage(
    entity: CompoundEntityRef,
    stageId: string,
    signOff: { version: number },
  ): Promise<StageRecord>;
  /** An attested SAMM self-assessment answer (0, 0.25, 0.5 or 1). */
  putAssessmentAnswer(
    entity: CompoundEntityRef,
    activityId: string,
    answer: { version: number; value: number; notes?: string },
  ): Promise<AssessmentAnswer>;
  /** Security leads: the groups, systems, domains and values to filter by. */
  getOrgFacets(): Promise<OrgFacets>;
  /** Security leads: rollups, heatmap, bottlenecks, exceptions, RASI coverage. */
  getOrgOverview(
    filter: OrgFilter,
    options?: { withinDays?: number },
  ): Promise<OrgOverview>;
  /** Security leads: one page of components, filtered and sorted. */
  listOrgComponents(query: OrgComponentQuery): Promise<OrgComponentPage>;
  /** Security leads: the daily mean scores of the filtered components. */
  getOrgTrend(
    filter: OrgFilter,
    options?: { days?: number },
  ): Promise<OrgTrend>;
  /** Security leads: the quarterly metrics pack as a CSV or XLSX file. */
  getMetricsPack(
    filter: OrgFilter & { quarter: Quarter; format: MetricsPackFormat },
  ): Promise<Blob>;
}
