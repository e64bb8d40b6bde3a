import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EvidenceFormat,
  EvidenceSignal,
  EvidenceUploadResult,
} from '../evidence';
import { ReleaseVerdict } from '../verdict';
import {
  AssessmentAnswer,
  ChecklistItem,
  DecisionRecord,
  EntityScore,
  ExceptionRecord,
  HistoryEntry,
  IntakeAnswers,
  IntakeRecord,
  MaterialChangeKind,
  Page,
  PageRequest,
  RasiAssignment,
  ReleaseEvidence,
  ReleaseRecord,
  RiskRating,
  SammModelView,
  ScoreSnapshot,
  ScorerInfo,
  SecurityMaturityRecord,
  StageRecord,
  StageStatus,
  WorksheetRecord,
} from '../types';
import { WorkflowConfig } from '../workflow';
import {
  CapacityInput,
  CapacityPartner,
  CapacityView,
  StaffingApplyResult,
  StaffingPreview,
  StaffingQuery,
} from '../staffing';
import { EntityRoadmap, RoadmapPhase, RoadmapPhaseInput } from '../roadmap';
import { SecurityTaskList, SecurityTaskPage, SecurityTasks } from '../tasks';
import {
  MetricsPackFormat,
  OrgComponentPage,
  OrgComponentQuery,
  OrgFacets,
  OrgFilter,
  OrgOverview,
  OrgOverviewOptions,
  OrgTrend,
  OrgUnitComponentQuery,
  Quarter,
} from '../org';
import {
  Campaign,
  CampaignDetail,
  CampaignInput,
  CampaignMissingPage,
  CampaignSummary,
  EntityCampaign,
} from '../campaigns';

/** The intake answers and the version they are based on (0 to create). @public */
export type IntakeUpdate = IntakeAnswers & { version: number };

/** A material change of the entity; recording it re-opens threat modeling. @public */
export type MaterialChangeInput = {
  kind: MaterialChangeKind;
  description: string;
};

/** Evidence a CI pipeline adds to a pending release; the backend stamps who and when. @public */
export type ReleaseEvidenceInput = Omit<
  ReleaseEvidence,
  'pushedBy' | 'pushedAt'
>;

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
  /** The scorers installed in the backend, in registration order. */
  listScorers(): Promise<{ items: ScorerInfo[] }>;
  /** The configured workflow: stages, RASI activities, tiers, controls. */
  getWorkflowConfig(): Promise<WorkflowConfig>;
  /** The entity's SAMM score with every activity's answer explained. */
  getEntityScore(entity: CompoundEntityRef): Promise<EntityScore>;
  /** The entity's daily score snapshots of the last `days` (default 90), oldest first. */
  getEntityScoreHistory(
    entity: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<{ items: ScoreSnapshot[] }>;
  /**
   * The SAMM questionnaire: our wording, or the official model when the
   * backend is configured with it.
   */
  getSammModel(): Promise<SammModelView>;
  /**
   * "My security tasks": the first page (`limit`, default 5) of every list
   * of what the signed-in user owes, with each list's total. Users only.
   */
  getSecurityTasks(options?: { limit?: number }): Promise<SecurityTasks>;
  /** One page of one list of "My security tasks". Users only. */
  listSecurityTasks<L extends SecurityTaskList>(
    list: L,
    page?: PageRequest,
  ): Promise<SecurityTaskPage<L>>;
  /** Records the intake classification; the tier follows from the configured rules. */
  putIntake(
    entity: CompoundEntityRef,
    update: IntakeUpdate,
  ): Promise<IntakeRecord>;
  /** Records a material change; returns the re-opened threat-modeling stage. */
  recordMaterialChange(
    entity: CompoundEntityRef,
    change: MaterialChangeInput,
  ): Promise<StageRecord>;
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
  /** The entity's exceptions, newest first. */
  listExceptions(
    entity: CompoundEntityRef,
    page?: PageRequest,
  ): Promise<Page<ExceptionRecord>>;
  requestException(
    entity: CompoundEntityRef,
    request: ExceptionRequest,
  ): Promise<ExceptionRecord>;
  transitionException(
    entity: CompoundEntityRef,
    id: string,
    transition: { version: number; action: ExceptionAction; note?: string },
  ): Promise<ExceptionRecord>;

  /** The entity's incident and drill worksheets, newest first. */
  listWorksheets(
    entity: CompoundEntityRef,
    page?: PageRequest,
  ): Promise<Page<WorksheetRecord>>;
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
  /** The entity's threat-model decisions, newest first. */
  listDecisions(
    entity: CompoundEntityRef,
    page?: PageRequest,
  ): Promise<Page<DecisionRecord>>;
  createDecision(
    entity: CompoundEntityRef,
    decision: DecisionInput,
  ): Promise<DecisionRecord>;
  updateDecision(
    entity: CompoundEntityRef,
    id: string,
    decision: DecisionInput & { version: number },
  ): Promise<DecisionRecord>;
  /** The entity's release decision records, newest first. */
  listReleases(
    entity: CompoundEntityRef,
    page?: PageRequest,
  ): Promise<Page<ReleaseRecord>>;
  createRelease(
    entity: CompoundEntityRef,
    release: { release: string },
  ): Promise<ReleaseRecord>;
  /**
   * Adds evidence (a pipeline run, scan, signature, provenance) to a pending
   * release. The one route that also accepts service credentials, so a CI
   * pipeline can call it: in Node, give the client a `fetchApi` that sends
   * `Authorization: Bearer <token>` with a token of an external access entry
   * (`backend.auth.externalAccess`) limited to the `security-maturity` plugin.
   * Users may call it too, if they own the entity or are security leads.
   */
  pushReleaseEvidence(
    entity: CompoundEntityRef,
    id: string,
    evidence: ReleaseEvidenceInput,
  ): Promise<ReleaseRecord>;
  /**
   * What the records and the entity's current evidence recommend for a
   * release: go, or no-go-recommended with reasons. Service credentials may
   * read it (see pushReleaseEvidence); it never decides.
   */
  getReleaseVerdict(
    entity: CompoundEntityRef,
    id: string,
  ): Promise<ReleaseVerdict>;
  /** The entity's current evidence signals from tools. */
  listEntityEvidence(
    entity: CompoundEntityRef,
  ): Promise<{ items: EvidenceSignal[] }>;
  /**
   * Pushes a tool's file (SARIF, OpenSSF Scorecard, CycloneDX, SLSA
   * provenance) for the entity: for CI pipelines with service credentials.
   */
  pushEntityEvidence(
    entity: CompoundEntityRef,
    format: EvidenceFormat,
    document: object,
    options?: { link?: string },
  ): Promise<EvidenceUploadResult>;
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
  /** Every change to the entity's records, newest first. */
  listHistory(
    entity: CompoundEntityRef,
    page?: PageRequest,
  ): Promise<Page<HistoryEntry>>;
  /** Security leads: the groups, systems, domains and values to filter by. */
  getOrgFacets(): Promise<OrgFacets>;
  /**
   * Security leads: rollups, heatmap (scores and gaps to target), bottlenecks,
   * exceptions, RASI coverage; with `since`, the progress since that day.
   */
  getOrgOverview(
    filter: OrgFilter,
    options?: OrgOverviewOptions,
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
  /**
   * Security leads (the filtered organisation) and owners (their own
   * components): partners' load against their capacity in a quarter.
   */
  getStaffingCapacity(query?: StaffingQuery): Promise<CapacityView>;
  /** Security leads: one partner's capacity in a quarter, at the version read. */
  putStaffingCapacity(input: CapacityInput): Promise<CapacityPartner>;
  /** The staffing, capacity and RASI workbook of a scope as XLSX. */
  getStaffingWorkbook(query?: StaffingQuery): Promise<Blob>;
  /** The dry run of a filled workbook: every change and problem; nothing written. */
  previewStaffingWorkbook(
    workbook: Blob | ArrayBuffer,
    options?: { name?: string; quarter?: Quarter },
  ): Promise<StaffingPreview>;
  /** Applies a filled workbook, all or nothing per component. */
  applyStaffingWorkbook(
    workbook: Blob | ArrayBuffer,
    options?: { name?: string; quarter?: Quarter },
  ): Promise<StaffingApplyResult>;
  /**
   * The team view of a group (its nested groups included), a system or a
   * domain: rollups, practice row, bottlenecks, exceptions and RASI gaps of
   * the components below it. For members of the group or of a group above
   * it, owners of the system or domain, security leads, and whoever a
   * permission policy grants the unit.
   */
  getOrgUnitOverview(
    unit: CompoundEntityRef,
    options?: OrgOverviewOptions,
  ): Promise<OrgOverview>;
  /** One page of the components below a group, system or domain. */
  listOrgUnitComponents(
    unit: CompoundEntityRef,
    query?: OrgUnitComponentQuery,
  ): Promise<OrgComponentPage>;
  /** Org readers: the campaigns with where each stands now. */
  listCampaigns(options?: {
    includeArchived?: boolean;
  }): Promise<{ items: CampaignSummary[] }>;
  /** Security leads: a new campaign. */
  createCampaign(input: CampaignInput): Promise<Campaign>;
  /** Org readers: a campaign, its progress and burn-up. */
  getCampaign(id: string): Promise<CampaignDetail>;
  /** Security leads: changes a campaign (409 on a stale version). */
  updateCampaign(
    id: string,
    input: CampaignInput & { version: number },
  ): Promise<Campaign>;
  /** Security leads: archives a campaign; it stops reminding. */
  archiveCampaign(id: string, body: { version: number }): Promise<Campaign>;
  /** Org readers: one page of the components still missing the goal. */
  listCampaignMissing(
    id: string,
    page?: PageRequest,
  ): Promise<CampaignMissingPage>;
  /** The active campaigns that cover an entity, for its Security tab. */
  getEntityCampaigns(
    entity: CompoundEntityRef,
  ): Promise<{ items: EntityCampaign[] }>;
  /**
   * The entity's roadmap: its phases with their items (owners resolved,
   * done or not), the projected score after each phase and the actual
   * progress against the plan from the daily snapshots.
   */
  getEntityRoadmap(entity: CompoundEntityRef): Promise<EntityRoadmap>;
  /** Creates (version 0) or replaces a phase of the roadmap (owners and leads). */
  putRoadmapPhase(
    entity: CompoundEntityRef,
    phase: number,
    input: RoadmapPhaseInput,
  ): Promise<RoadmapPhase>;
  /** Removes a phase of the roadmap at the version read; answers it as it was. */
  deleteRoadmapPhase(
    entity: CompoundEntityRef,
    phase: number,
    version: number,
  ): Promise<RoadmapPhase>;
}
