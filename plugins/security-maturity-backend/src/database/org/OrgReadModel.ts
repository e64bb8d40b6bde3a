import {
  OrgComponent,
  FunctionScores,
  OrgException,
  OrgOverview,
  OrgSort,
  OrgTrendPoint,
  RiskRating,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';

/**
 * A filter of the org views in score-row values: an owner group already
 * resolved to itself and its nested groups, a domain to its systems.
 */
export type ResolvedFilter = {
  owners?: string[];
  systems?: string[];
  tier?: string;
  lifecycle?: string;
  type?: string;
  /** Lower-cased part of the entity ref. */
  q?: string;
};

/** One page of the component list. */
export type OrgPage = {
  sort: OrgSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

/** A half-open time range, as instants and as ISO days (`YYYY-MM-DD`). */
export type Period = {
  start: Date;
  end: Date;
  startDay: string;
  endDay: string;
};

/** Sums of one slice of components, from which rollups derive means. */
export type ScoreSums = {
  components: number;
  overall: number;
  /** Components scored against a target profile (they have a tier). */
  withTarget: number;
  belowTarget: number;
  functions: FunctionScores;
  /** Practice ID (e.g. `G-SM`) to the sum of its scores. */
  practices: Record<string, number>;
  /** Practice ID to the sum of its targets, over the components with one. */
  targets: Record<string, number>;
  /** Practice ID to the sum of its gaps to target. */
  gaps: Record<string, number>;
};

/**
 * Sums of the components compared since a day: their overall and practice
 * scores at the baseline (each one's snapshot of that day, the latest
 * before it, or else its first) and now; and for those with a target, their
 * overall targets and scores.
 */
export type ProgressSums = {
  components: number;
  baseline: { overall: number; practices: Record<string, number> };
  current: { overall: number; practices: Record<string, number> };
  withTarget: { target: number; baseline: number; current: number };
};

/** Progress sums of the components of one owner in one system. */
export type OwnerSystemProgress = {
  ownerRef: string | null;
  systemRef: string | null;
  sums: ProgressSums;
};

/** The distinct values of the score rows the filters can offer. */
export type FacetValues = {
  tiers: string[];
  lifecycles: string[];
  types: string[];
};

/** A component of the org list as stored; its domain follows from its system. */
export type OrgComponentRow = Omit<OrgComponent, 'domainRef'>;

/**
 * Where the filtered components stand on the stages: how many there are per
 * tier, how many have a stage row per stage, tier and status, and since when
 * the stuck ones (in progress or blocked) have had their status.
 */
export type StageProgress = {
  componentsByTier: Array<{ tier: string | null; count: number }>;
  rows: Array<{
    stageId: string;
    tier: string | null;
    status: StageStatus;
    count: number;
  }>;
  stuck: Array<{ stageId: string; statusSince: Date | null }>;
};

/** Approved exceptions expiring by a horizon, and expired ones. */
export type ExceptionDigest = {
  expiring: number;
  expired: number;
  /** The expired first, then the soonest expiring; at most 50. */
  items: OrgException[];
};

/** The RASI assignments of the filtered components. */
export type RasiAssignments = {
  /** Activity ID to the components with an Accountable for it. */
  accountable: Map<string, number>;
  /** Every assignment with Supportive refs, as stored (not normalised). */
  supportive: Array<{ entityRef: string; refs: string[] }>;
};

/** The score sum of some components at one snapshot, per owner. */
export type OwnerSnapshotSums = Array<{
  ownerRef: string | null;
  components: number;
  overall: number;
}>;

/** A component's line in the metrics pack. */
export type PackComponentRow = {
  entityRef: string;
  ownerRef: string | null;
  systemRef: string | null;
  tier: string | null;
  overall: number;
  target: number | null;
  percentToTarget: number | null;
  gatesRequired: number;
  gatesCleared: number;
  exceptionsOpen: number;
  exceptionsExpired: number;
};

/** Everything the quarterly metrics pack shows, as the database returns it. */
export type MetricsPackData = {
  /** Sums over all filtered components now. */
  totals: ScoreSums | undefined;
  /** Sums per owner now (the group rollups). */
  byOwner: Map<string | null, ScoreSums>;
  /** Each component's first snapshot in the quarter, summed per owner. */
  quarterStart: OwnerSnapshotSums;
  /** Each component's last snapshot in the quarter, summed per owner. */
  quarterEnd: OwnerSnapshotSums;
  /** Daily means from the quarter's first day (later days included). */
  trend: OrgTrendPoint[];
  /** Stage ID to stages cleared (status set) in the quarter. */
  stagesCleared: Map<string, number>;
  /** The stages now, for the bottleneck columns. */
  stageProgress: StageProgress;
  /** Exceptions requested in the quarter, per risk rating. */
  exceptionsOpened: Map<RiskRating, number>;
  /** Exception history entries in the quarter, per action. */
  exceptionTransitions: Map<string, number>;
  /** Worksheets started in the quarter, per kind. */
  worksheets: Map<
    string,
    { started: number; contained: number; closed: number }
  >;
  /** The contained worksheets started in the quarter. */
  containments: Array<{ kind: string; startedAt: Date; containedAt: Date }>;
  rasi: RasiAssignments;
  /** Lowest score first. */
  components: PackComponentRow[];
};

/**
 * The org-wide read model: every aggregation is one SQL statement over the
 * score rows (and the record tables where needed), filtered and grouped in
 * the database. Rows come back typed; the maths on them is the caller's.
 */
export interface OrgReadModel {
  facetValues(): Promise<FacetValues>;

  /** One page of components, and how many match the filter. */
  components(
    filter: ResolvedFilter,
    page: OrgPage,
  ): Promise<{ rows: OrgComponentRow[]; totalCount: number }>;

  /** Sums per owner, per system, or over everything (key null). */
  sumsBy(
    filter: ResolvedFilter,
    by: 'owner' | 'system' | null,
  ): Promise<Map<string | null, ScoreSums>>;

  /** Components per half point of overall score, 0–0.5 … 2.5–3. */
  distribution(filter: ResolvedFilter): Promise<OrgOverview['distribution']>;

  stageProgress(filter: ResolvedFilter): Promise<StageProgress>;

  /** Approved exceptions expiring by the horizon, and expired ones. */
  exceptions(filter: ResolvedFilter, horizon: Date): Promise<ExceptionDigest>;

  rasiAssignments(filter: ResolvedFilter): Promise<RasiAssignments>;

  /** Daily means of the filtered components' snapshots since a day. */
  trend(filter: ResolvedFilter, sinceDay: string): Promise<OrgTrendPoint[]>;

  /**
   * The filtered components' scores at a day's snapshots and now, summed
   * per owner and system.
   */
  progressSums(
    filter: ResolvedFilter,
    sinceDay: string,
  ): Promise<OwnerSystemProgress[]>;

  metricsPack(
    filter: ResolvedFilter,
    quarter: Period,
  ): Promise<MetricsPackData>;
}
