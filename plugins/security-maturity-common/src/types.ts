// Type aliases rather than interfaces, so they fit the OpenAPI-typed router.

import { SammAnswerOption } from './samm/questions';
import { PracticeTarget } from './samm/targets';

/** A link to evidence: a scan, a pipeline run, an ADR. http(s) only. @public */
export type EvidenceLink = {
  title: string;
  url: string;
};

/** Who changed a record last, and its optimistic-concurrency version. @public */
export type RecordMeta = {
  /** Incremented on every change; an edit names the version it read. */
  version: number;
  updatedAt: string;
  /** Entity ref of the user (or service) that made the last change. */
  updatedBy: string;
};

/** @public */
export type StageStatus =
  | 'not_started'
  | 'in_progress'
  | 'blocked'
  | 'passed'
  | 'waived'
  | 'not_applicable';

/** @public */
export const STAGE_STATUSES: ReadonlyArray<StageStatus> = [
  'not_started',
  'in_progress',
  'blocked',
  'passed',
  'waived',
  'not_applicable',
];

/**
 * The statuses that clear a gate: passed, or waived / not applicable with a
 * recorded reason. @public
 */
export const CLEARED_STATUSES: ReadonlySet<StageStatus> = new Set<StageStatus>([
  'passed',
  'waived',
  'not_applicable',
]);

/** The answers of the intake classification. @public */
export type IntakeAnswers = {
  /** One of the configured data classifications, e.g. `confidential`. */
  dataClassification: string;
  newIntegrations: boolean;
  authFlowChanges: boolean;
  internetExposure: boolean;
  /** e.g. `PCI DSS`, `GDPR`; empty when none apply. */
  regulatoryObligations: string[];
  notes?: string;
};

/** @public */
export type IntakeRecord = IntakeAnswers &
  RecordMeta & {
    /** The risk tier the configured rules derive from the answers. */
    tier: string;
    /** Why that tier: the rule that matched. */
    tierReason: string;
  };

/** @public */
export type ChecklistItem = {
  criterionId: string;
  done: boolean;
  evidence: EvidenceLink[];
  /**
   * Who ticked the criterion (set by the backend, never by the request): a
   * stage is signed off by someone else (sign-off separation).
   */
  doneBy?: string;
};

/** @public */
export type StageRecord = RecordMeta & {
  stageId: string;
  status: StageStatus;
  checklist: ChecklistItem[];
  notes?: string;
  /** Required when the status is waived or not_applicable. */
  reason?: string;
  signedOffBy?: string;
  signedOffAt?: string;
  /** Set when a material change or a runtime lesson re-opened the stage. */
  reopenedReason?: string;
};

/** @public */
export type RasiAssignment = RecordMeta & {
  activityId: string;
  responsible: string[];
  /** Exactly one Accountable: a catalog user or group ref. */
  accountable: string;
  supportive: string[];
  informed: string[];
};

/** @public */
export type ExceptionStatus =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'revoked'
  | 'closed';

/** @public */
export type RiskRating = 'low' | 'medium' | 'high' | 'critical';

/** @public */
export type ExceptionRecord = RecordMeta & {
  id: string;
  controlId: string;
  justification: string;
  compensatingControls: string;
  riskRating: RiskRating;
  expiresAt: string;
  status: ExceptionStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
  /**
   * Set when the caller may not read the exception's confidential contents
   * (only the owners, the people in the component's RASI and security leads
   * may): justification and compensating controls are then empty and the
   * decision note left out.
   */
  redacted?: boolean;
};

/** @public */
export type ContainmentAction = 'isolate' | 'revoke' | 'freeze' | 'recover';

/** @public */
export type WorksheetRecord = RecordMeta & {
  id: string;
  kind: 'incident' | 'drill';
  title: string;
  status: 'open' | 'closed';
  startedAt: string;
  containedAt?: string;
  closedAt?: string;
  readiness: {
    baselineControlsPresent: boolean;
    runtimeVisibility: boolean;
    containmentPathLastTested?: string;
  };
  /** Who may isolate traffic, revoke access, freeze rollout, approve recovery. */
  containmentOwners: Record<ContainmentAction, string | null>;
  timeline: Array<{ at: string; entry: string; by: string }>;
  actions: Array<{ description: string; owner?: string; done: boolean }>;
  findings: string[];
  lessons: Array<{
    lesson: string;
    reopensStageId?: string;
    by: string;
    at: string;
  }>;
  /**
   * Set when the caller may not read the worksheet's confidential contents
   * (only the owners, the people in the component's RASI and security leads
   * may): the text of timeline entries, actions and lessons is empty and the
   * findings are left out; who, when and the state stay.
   */
  redacted?: boolean;
};

/** The parts of a worksheet kept together as one document. @public */
export type WorksheetContent = Pick<
  WorksheetRecord,
  | 'readiness'
  | 'containmentOwners'
  | 'timeline'
  | 'actions'
  | 'findings'
  | 'lessons'
>;

/** @public */
export type DecisionStatus =
  | 'proposed'
  | 'accepted'
  | 'implemented'
  | 'superseded';

/** @public */
export type DecisionRecord = RecordMeta & {
  id: string;
  trigger: string;
  decision: string;
  rationale: string;
  ownerRef: string;
  backlogUrl?: string;
  status: DecisionStatus;
  reReviewAt?: string;
  reReviewTrigger?: string;
};

/** @public */
export type ReleaseEvidence = {
  kind: 'pipeline' | 'scan' | 'signature' | 'provenance' | 'other';
  title: string;
  url: string;
  result?: 'pass' | 'fail' | 'info';
  slsaBuildLevel?: number;
  pushedBy: string;
  pushedAt: string;
};

/** @public */
export type ReleaseRecord = RecordMeta & {
  id: string;
  release: string;
  decision: 'pending' | 'go' | 'no_go';
  decisionNote?: string;
  decidedBy?: string;
  decidedAt?: string;
  evidence: ReleaseEvidence[];
};

/** @public */
export type AssessmentAnswer = {
  activityId: string;
  value: number;
  notes?: string;
  answeredBy: string;
  answeredAt: string;
  version: number;
};

/** @public */
export type HistoryEntry = {
  id: number;
  recordType: string;
  recordId: string;
  action: string;
  actor: string;
  at: string;
  changes: Record<string, unknown>;
  /**
   * Set when confidential fields (exception or worksheet text) were left out
   * of `changes` for this caller.
   */
  redacted?: boolean;
};

/**
 * A scorer installed in the backend through the scorers extension point.
 *
 * @public
 */
export type ScorerInfo = {
  id: string;
  title: string;
  description: string;
};

/** What the caller may do with this entity's records. @public */
export type RecordPermissions = {
  /** Owners of the entity and security leads edit its records. */
  canEdit: boolean;
  /** Security leads approve exceptions and sign off security gates. */
  isSecurityLead: boolean;
  /**
   * The RASI activities whose Accountable is the caller or one of their
   * groups: they sign off the stages these activities sign off, owners or
   * not. Absent from backends older than "My security tasks".
   */
  accountableFor?: string[];
  /**
   * Whether the caller reads the confidential contents of exceptions and
   * worksheets (owners, the people in RASI, security leads, or as a policy
   * grants). Absent from older backends.
   */
  canReadConfidential?: boolean;
};

/**
 * The security records of one catalog entity: what scorers read.
 *
 * @public
 */
export type EntityRecords = {
  intake: IntakeRecord | null;
  /** Stages of the configured workflow that this tier requires, in order. */
  requiredStageIds: string[];
  stages: StageRecord[];
  rasi: RasiAssignment[];
  exceptions: ExceptionRecord[];
  worksheets: WorksheetRecord[];
  decisions: DecisionRecord[];
  releases: ReleaseRecord[];
  assessment: AssessmentAnswer[];
};

/**
 * The whole security-maturity picture of one catalog entity, as the Security
 * tab reads it. Sections are empty until someone records something.
 *
 * @public
 */
export type SecurityMaturityRecord = EntityRecords & {
  /** The catalog entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** 0 while nothing has been written; increases with every change to any section. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  scorers: ScorerInfo[];
  permissions: RecordPermissions;
};

/** Where an activity's answer came from. @public */
export type AnswerSource = 'evidence' | 'attested' | 'none';

/** One scored activity, with the reason for its value. @public */
export type ActivityScore = {
  /** SAMM activity ID in the model spelling, e.g. `D-TA-1-A`. */
  id: string;
  /** 0, 0.25, 0.5 or 1. */
  value: number;
  source: AnswerSource;
  /** Why this value, in a sentence a service owner understands. */
  rationale: string;
  links: Array<{ title: string; url: string }>;
  /** The scorer or rule that gave an evidence answer. */
  ruleId?: string;
};

/** An entity's SAMM score, as computed from its records. @public */
export type EntityScore = {
  entityRef: string;
  overall: number;
  functions: Record<string, number>;
  practices: Record<string, number>;
  levels: Record<string, number>;
  tier: string | null;
  /** The tier's target overall score; null until intake sets a tier. */
  target: number | null;
  /**
   * OWASP SAMM's percent to target: 100 × (1 − the practices' summed gaps /
   * their summed targets), so a practice above its target does not make up
   * for one below it; null without a target.
   */
  percentToTarget: number | null;
  /**
   * Practice ID to its target in the tier's profile, its gap and percent to
   * target; null until intake sets a tier.
   */
  practiceTargets: Record<string, PracticeTarget> | null;
  activities: ActivityScore[];
  computedAt: string;
};

/** One day of an entity's score history. @public */
export type ScoreSnapshot = {
  day: string;
  overall: number;
  functions: Record<string, number>;
  practices: Record<string, number>;
};

/** A page of a list endpoint. @public */
export type Page<T> = {
  items: T[];
  totalCount: number;
};

/** Which page of a list endpoint to read; the backend defaults to 50 from 0. @public */
export type PageRequest = {
  /** 1 to 200. */
  limit?: number;
  offset?: number;
};

/** What kind of material change re-opened threat modeling. @public */
export type MaterialChangeKind =
  | 'new-integration'
  | 'auth-change'
  | 'new-sensitive-data'
  | 'other';

/** One SAMM activity as the questionnaire shows it. @public */
export type SammActivityView = {
  /** Model spelling, e.g. `D-SA-1-A`. */
  id: string;
  /** Toolbox spelling, e.g. `D-SA-A-1`. */
  toolboxId: string;
  functionId: string;
  practiceId: string;
  practiceName: string;
  stream: 'A' | 'B';
  streamName?: string;
  level: number;
  title?: string;
  question: string;
  /** What to check before answering (official model only). */
  criteria: string[];
  answers: SammAnswerOption[];
};

/**
 * The SAMM questionnaire the backend serves: our wording, or the official
 * OWASP SAMM model's when it is configured.
 *
 * @public
 */
export type SammModelView = {
  source: 'builtin' | 'official';
  /** Credit shown wherever SAMM content appears. */
  attribution: string;
  activities: SammActivityView[];
};
