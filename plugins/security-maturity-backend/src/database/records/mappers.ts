import {
  AssessmentAnswer,
  DecisionRecord,
  ExceptionRecord,
  HistoryEntry,
  IntakeRecord,
  RasiAssignment,
  RecordMeta,
  ReleaseRecord,
  RoadmapItem,
  RoadmapPhase,
  StageRecord,
  WorksheetContent,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';

// Rows come back differently per engine (SQLite: 0/1 booleans, epoch-ms dates;
// PostgreSQL: booleans and Date objects); these mappers make them one shape.

type Row = Record<string, any>;

// Strings already in toISOString() form (see timestamps.ts) pass unchanged.
const isIsoString = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length === 24 &&
  value[10] === 'T' &&
  value[23] === 'Z';

export const iso = (value: unknown): string =>
  isIsoString(value)
    ? value
    : new Date(value as string | number | Date).toISOString();
const optIso = (value: unknown) =>
  value === null || value === undefined ? undefined : iso(value);
const opt = <T>(value: T | null): T | undefined =>
  value === null ? undefined : value;
const json = <T>(value: string): T => JSON.parse(value) as T;
const isoDate = (value: unknown) =>
  value ? iso(value).slice(0, 10) : undefined;

export const toMeta = (row: Row): RecordMeta => ({
  version: Number(row.version),
  updatedAt: iso(row.updated_at),
  updatedBy: row.updated_by,
});

export const toIntake = (row: Row): IntakeRecord => ({
  dataClassification: row.data_classification,
  newIntegrations: Boolean(row.new_integrations),
  authFlowChanges: Boolean(row.auth_flow_changes),
  internetExposure: Boolean(row.internet_exposure),
  regulatoryObligations: json(row.regulatory_obligations),
  notes: opt(row.notes),
  tier: row.tier,
  tierReason: row.tier_reason,
  ...toMeta(row),
});

export const toStage = (row: Row): StageRecord => ({
  stageId: row.stage_id,
  status: row.status,
  checklist: json(row.checklist),
  notes: opt(row.notes),
  reason: opt(row.reason),
  signedOffBy: opt(row.signed_off_by),
  signedOffAt: optIso(row.signed_off_at),
  reopenedReason: opt(row.reopened_reason),
  ...toMeta(row),
});

export const toRasi = (row: Row): RasiAssignment => ({
  activityId: row.activity_id,
  responsible: json(row.responsible),
  accountable: row.accountable,
  supportive: json(row.supportive),
  informed: json(row.informed),
  ...toMeta(row),
});

export const toException = (row: Row): ExceptionRecord => ({
  id: row.id,
  controlId: row.control_id,
  justification: row.justification,
  compensatingControls: row.compensating_controls,
  riskRating: row.risk_rating,
  expiresAt: iso(row.expires_at),
  status: row.status,
  requestedBy: row.requested_by,
  requestedAt: iso(row.requested_at),
  decidedBy: opt(row.decided_by),
  decidedAt: optIso(row.decided_at),
  decisionNote: opt(row.decision_note),
  ...toMeta(row),
});

export const toWorksheet = (row: Row): WorksheetRecord => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  status: row.status,
  startedAt: iso(row.started_at),
  containedAt: optIso(row.contained_at),
  closedAt: optIso(row.closed_at),
  ...json<WorksheetContent>(row.body),
  ...toMeta(row),
});

export const toDecision = (row: Row): DecisionRecord => ({
  id: row.id,
  trigger: row.trigger,
  decision: row.decision,
  rationale: row.rationale,
  ownerRef: row.owner_ref,
  backlogUrl: opt(row.backlog_url),
  status: row.status,
  reReviewAt: isoDate(row.re_review_at),
  reReviewTrigger: opt(row.re_review_trigger),
  ...toMeta(row),
});

export const toRoadmapPhase = (row: Row): RoadmapPhase => ({
  phase: Number(row.phase),
  name: row.name,
  items: json<RoadmapItem[]>(row.items),
  ...toMeta(row),
});

export const toRelease = (row: Row): ReleaseRecord => ({
  id: row.id,
  release: row.release,
  decision: row.decision,
  decisionNote: opt(row.decision_note),
  decidedBy: opt(row.decided_by),
  decidedAt: optIso(row.decided_at),
  evidence: json(row.evidence),
  ...toMeta(row),
});

export const toAnswer = (row: Row): AssessmentAnswer => ({
  activityId: row.activity_id,
  value: Number(row.value),
  notes: opt(row.notes),
  answeredBy: row.updated_by,
  answeredAt: iso(row.updated_at),
  version: Number(row.version),
});

export const toHistory = (row: Row): HistoryEntry => ({
  id: Number(row.id),
  recordType: row.record_type,
  recordId: row.record_id,
  action: row.action,
  actor: row.actor,
  at: iso(row.at),
  changes: json(row.changes),
});
