/**
 * The security-maturity record of one catalog entity, as the Security tab reads it.
 * (Type aliases rather than interfaces, so they fit the OpenAPI-typed router.)
 *
 * Each section is a list of first-class records; a section is empty until someone
 * records something for the entity.
 *
 * @public
 */
export type SecurityMaturityRecord = {
  /** The catalog entity this record belongs to, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Optimistic-concurrency version of the record; 0 while nothing has been written. */
  version: number;
  /** When the record last changed, ISO 8601; undefined while nothing has been written. */
  updatedAt?: string;
  /** Entity ref of the user who last changed the record. */
  updatedBy?: string;
  /** Intake classification and the risk tier it yields; null until intake is done. */
  intake: IntakeSummary | null;
  stages: StageSummary[];
  rasi: RasiAssignmentSummary[];
  exceptions: ExceptionSummary[];
  worksheets: WorksheetSummary[];
  decisions: DecisionSummary[];
  releases: ReleaseSummary[];
  /** The scorers that the backend has installed (the SAMM module, and any others). */
  scorers: ScorerInfo[];
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
export type IntakeSummary = {
  tier: string;
  classifiedAt: string;
  classifiedBy: string;
};

/** @public */
export type StageSummary = {
  stageId: string;
  status: StageStatus;
  updatedAt: string;
};

/** @public */
export type RasiAssignmentSummary = {
  activityId: string;
  role: 'responsible' | 'accountable' | 'supportive' | 'informed';
  assigneeRef: string;
};

/** @public */
export type ExceptionSummary = {
  id: string;
  controlId: string;
  status:
    | 'requested'
    | 'approved'
    | 'rejected'
    | 'expired'
    | 'revoked'
    | 'closed';
  expiresAt: string;
};

/** @public */
export type WorksheetSummary = {
  id: string;
  kind: 'incident' | 'drill';
  title: string;
  status: 'open' | 'closed';
};

/** @public */
export type DecisionSummary = {
  id: string;
  title: string;
  status: string;
};

/** @public */
export type ReleaseSummary = {
  id: string;
  release: string;
  decision: 'go' | 'no_go' | 'pending';
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
