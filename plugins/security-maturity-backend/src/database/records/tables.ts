import {
  AssessmentAnswer,
  ChecklistItem,
  DecisionRecord,
  ExceptionRecord,
  ExceptionStatus,
  IntakeAnswers,
  IntakeRecord,
  RasiAssignment,
  ReleaseEvidence,
  ReleaseRecord,
  RiskRating,
  RoadmapItem,
  RoadmapPhase,
  StageRecord,
  StageStatus,
  WorksheetContent,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import * as map from './mappers';

/**
 * The record families as the records service writes them: which table, which
 * key columns, and how record-shaped values become columns. The service
 * speaks in these values; only this folder knows table and column names.
 */
export type Family<R, V, K> = {
  table: string;
  key: (key: K) => Record<string, string | number>;
  columns: { [F in keyof V]-?: Column };
  toRecord: (row: any) => R;
};

/** A column name, and whether the value is stored as JSON text. */
type Column = string | { name: string; json: true };

const json = (name: string): Column => ({ name, json: true });

/** The columns of the given values only, so an update touches nothing else. */
export function toRow<V extends object>(
  columns: Record<string, Column>,
  values: V,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = columns[field];
    if (typeof column === 'string') {
      row[column] = value;
    } else {
      row[column.name] = JSON.stringify(value);
    }
  }
  return row;
}

export type IntakeValues = IntakeAnswers & { tier: string; tierReason: string };

export type StageValues = {
  status?: StageStatus;
  /** Time in stage counts from the last change of status. */
  statusSince?: Date;
  checklist?: ChecklistItem[];
  notes?: string | null;
  reason?: string | null;
  signedOffBy?: string | null;
  signedOffAt?: Date | null;
  reopenedReason?: string | null;
};

export type RasiValues = Pick<
  RasiAssignment,
  'responsible' | 'accountable' | 'supportive' | 'informed'
>;

export type AnswerValues = { value: number; notes: string | null };

export type ExceptionValues = {
  controlId?: string;
  justification?: string;
  compensatingControls?: string;
  riskRating?: RiskRating;
  expiresAt?: Date;
  status?: ExceptionStatus;
  requestedBy?: string;
  requestedAt?: Date;
  decidedBy?: string;
  decidedAt?: Date;
  decisionNote?: string | null;
};

export type WorksheetValues = {
  kind?: WorksheetRecord['kind'];
  title?: string;
  status?: WorksheetRecord['status'];
  startedAt?: Date;
  containedAt?: Date | null;
  closedAt?: Date | null;
  content?: WorksheetContent;
};

export type DecisionValues = Omit<
  DecisionRecord,
  | 'id'
  | 'version'
  | 'updatedAt'
  | 'updatedBy'
  | 'backlogUrl'
  | 'reReviewAt'
  | 'reReviewTrigger'
> & {
  backlogUrl: string | null;
  reReviewAt: Date | null;
  reReviewTrigger: string | null;
  createdAt?: Date;
};

export type ReleaseValues = {
  release?: string;
  decision?: ReleaseRecord['decision'];
  decisionNote?: string | null;
  decidedBy?: string;
  decidedAt?: Date;
  evidence?: ReleaseEvidence[];
  createdAt?: Date;
};

const byId = (id: string) => ({ id });
const byActivity = (activityId: string) => ({ activity_id: activityId });

export const intakes: Family<IntakeRecord, IntakeValues, void> = {
  table: 'intakes',
  key: () => ({}),
  columns: {
    dataClassification: 'data_classification',
    newIntegrations: 'new_integrations',
    authFlowChanges: 'auth_flow_changes',
    internetExposure: 'internet_exposure',
    regulatoryObligations: json('regulatory_obligations'),
    notes: 'notes',
    tier: 'tier',
    tierReason: 'tier_reason',
  },
  toRecord: map.toIntake,
};

export const stages: Family<StageRecord, StageValues, string> = {
  table: 'stages',
  key: stageId => ({ stage_id: stageId }),
  columns: {
    status: 'status',
    statusSince: 'status_since',
    checklist: json('checklist'),
    notes: 'notes',
    reason: 'reason',
    signedOffBy: 'signed_off_by',
    signedOffAt: 'signed_off_at',
    reopenedReason: 'reopened_reason',
  },
  toRecord: map.toStage,
};

export const rasiAssignments: Family<RasiAssignment, RasiValues, string> = {
  table: 'rasi_assignments',
  key: byActivity,
  columns: {
    responsible: json('responsible'),
    accountable: 'accountable',
    supportive: json('supportive'),
    informed: json('informed'),
  },
  toRecord: map.toRasi,
};

export const assessmentAnswers: Family<AssessmentAnswer, AnswerValues, string> =
  {
    table: 'assessment_answers',
    key: byActivity,
    columns: { value: 'value', notes: 'notes' },
    toRecord: map.toAnswer,
  };

export const exceptions: Family<ExceptionRecord, ExceptionValues, string> = {
  table: 'exceptions',
  key: byId,
  columns: {
    controlId: 'control_id',
    justification: 'justification',
    compensatingControls: 'compensating_controls',
    riskRating: 'risk_rating',
    expiresAt: 'expires_at',
    status: 'status',
    requestedBy: 'requested_by',
    requestedAt: 'requested_at',
    decidedBy: 'decided_by',
    decidedAt: 'decided_at',
    decisionNote: 'decision_note',
  },
  toRecord: map.toException,
};

export const worksheets: Family<WorksheetRecord, WorksheetValues, string> = {
  table: 'worksheets',
  key: byId,
  columns: {
    kind: 'kind',
    title: 'title',
    status: 'status',
    startedAt: 'started_at',
    containedAt: 'contained_at',
    closedAt: 'closed_at',
    content: json('body'),
  },
  toRecord: map.toWorksheet,
};

export const decisions: Family<DecisionRecord, DecisionValues, string> = {
  table: 'decisions',
  key: byId,
  columns: {
    trigger: 'trigger',
    decision: 'decision',
    rationale: 'rationale',
    ownerRef: 'owner_ref',
    backlogUrl: 'backlog_url',
    status: 'status',
    reReviewAt: 're_review_at',
    reReviewTrigger: 're_review_trigger',
    createdAt: 'created_at',
  },
  toRecord: map.toDecision,
};

export const releases: Family<ReleaseRecord, ReleaseValues, string> = {
  table: 'releases',
  key: byId,
  columns: {
    release: 'release',
    decision: 'decision',
    decisionNote: 'decision_note',
    decidedBy: 'decided_by',
    decidedAt: 'decided_at',
    evidence: json('evidence'),
    createdAt: 'created_at',
  },
  toRecord: map.toRelease,
};

export type RoadmapPhaseValues = {
  name: string;
  items: RoadmapItem[];
  /** The latest due day of its items, for queries by due day. */
  dueOn: string | null;
};

export const roadmapPhases: Family<RoadmapPhase, RoadmapPhaseValues, number> = {
  table: 'roadmap_phases',
  key: phase => ({ phase }),
  columns: { name: 'name', items: json('items'), dueOn: 'due_on' },
  toRecord: map.toRoadmapPhase,
};
