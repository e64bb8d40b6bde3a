import { SammFunctionId } from './samm/structure';
import { RiskRating, ExceptionStatus } from './types';

/** The five SAMM business function scores, keyed G, D, I, V, O. @public */
export type FunctionScores = Record<SammFunctionId, number>;

/**
 * Filters of the org-wide views. `owner` is a group (its nested groups are
 * included) or a user; `domain` covers the systems in that domain.
 *
 * @public
 */
export type OrgFilter = {
  owner?: string;
  system?: string;
  domain?: string;
  tier?: string;
  lifecycle?: string;
  type?: string;
  /** Part of the entity ref, e.g. `payments`. */
  q?: string;
};

/** @public */
export type OrgSort =
  | 'overall'
  | 'percentToTarget'
  | 'name'
  | 'openGates'
  | 'exceptions';

/** @public */
export type OrgComponentQuery = OrgFilter & {
  sort?: OrgSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
};

/**
 * The kinds of catalog entity with a team view (a Security tab rolling up the
 * components below them). @public
 */
export type OrgUnitKind = 'group' | 'system' | 'domain';

/**
 * One page of an org unit's components: the unit decides the owner, system
 * or domain; the rest filters, sorts and pages as on the org page. @public
 */
export type OrgUnitComponentQuery = Omit<
  OrgComponentQuery,
  'owner' | 'system' | 'domain'
>;

/** One component's row in the org-wide list. @public */
export type OrgComponent = {
  entityRef: string;
  type: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
  systemRef: string | null;
  domainRef: string | null;
  tier: string | null;
  target: number | null;
  overall: number;
  percentToTarget: number | null;
  functions: FunctionScores;
  gatesRequired: number;
  gatesCleared: number;
  exceptionsOpen: number;
  exceptionsExpired: number;
  computedAt: string;
};

/** @public */
export type OrgComponentPage = {
  items: OrgComponent[];
  /** How many components match the filter (all pages). */
  totalCount: number;
  limit: number;
  offset: number;
};

/**
 * Scores rolled up over an owner group (with its nested groups), a system or a
 * domain. @public
 */
export type OrgRollup = {
  ref: string;
  title: string;
  /** Groups only: the parent group, when it is in the view too. */
  parentRef: string | null;
  /** Groups only: depth below the top of the view (0 = top). */
  depth: number;
  components: number;
  overall: number;
  percentToTarget: number | null;
  belowTarget: number;
  functions: FunctionScores;
  /** Practice ID (e.g. `G-SM`) to mean practice score: the heatmap row. */
  practices: Record<string, number>;
};

/** @public */
export type OrgBottleneck = {
  stageId: string;
  title: string;
  inProgress: number;
  blocked: number;
  notStarted: number;
  /** Median days since the stuck stages took their status. */
  medianDaysInStatus: number | null;
};

/** An exception in the org view: no justification or compensating controls. @public */
export type OrgException = {
  id: string;
  entityRef: string;
  controlId: string;
  riskRating: RiskRating;
  status: ExceptionStatus;
  expiresAt: string;
};

/** @public */
export type OrgRasiCoverage = {
  activities: Array<{
    activityId: string;
    title: string;
    /** Components with an Accountable for this activity. */
    covered: number;
    /** Components without one. */
    missingAccountable: number;
  }>;
  /** Who is Supportive for how many components: the staffing view. */
  partners: Array<{ ref: string; components: number; assignments: number }>;
};

/** The OWASP SAMM benchmark averages, with their source. @public */
export type SammBenchmark = {
  source: string;
  overall: number;
  functions: FunctionScores;
};

/** @public */
export const SAMM_BENCHMARK: SammBenchmark = {
  source: 'OWASP SAMM Benchmark v24.1.1',
  overall: 1.44,
  functions: { G: 1.35, D: 1.5, I: 1.46, V: 1.12, O: 1.81 },
};

/** Everything the org page shows above the component list. @public */
export type OrgOverview = {
  components: number;
  overall: number;
  percentToTarget: number | null;
  belowTarget: number;
  functions: FunctionScores;
  practices: Record<string, number>;
  /** Components per half-point of overall score, 0–0.5 … 2.5–3. */
  distribution: Array<{ from: number; to: number; count: number }>;
  groups: OrgRollup[];
  systems: OrgRollup[];
  domains: OrgRollup[];
  bottlenecks: OrgBottleneck[];
  exceptions: {
    withinDays: number;
    expiring: number;
    expired: number;
    /** The soonest expiring and the expired, at most 50. */
    items: OrgException[];
  };
  rasi: OrgRasiCoverage;
  benchmark: SammBenchmark;
  generatedAt: string;
};

/** @public */
export type OrgTrendPoint = {
  day: string;
  components: number;
  overall: number;
  functions: FunctionScores;
};

/** @public */
export type OrgTrend = { points: OrgTrendPoint[] };

/**
 * What the org page covers for the caller: the whole organisation (security
 * leads), or the subtrees of groups a permission policy grants them. @public
 */
export type OrgScope = {
  wholeOrg: boolean;
  /** Not the whole organisation: the top group of each granted subtree. */
  groups: Array<{ ref: string; title: string }>;
};

/** Which groups, systems and domains the filters can offer. @public */
export type OrgFacets = {
  scope: OrgScope;
  groups: Array<{ ref: string; title: string; parentRef: string | null }>;
  systems: Array<{ ref: string; title: string; domainRef: string | null }>;
  domains: Array<{ ref: string; title: string }>;
  tiers: string[];
  lifecycles: string[];
  types: string[];
};

/** @public */
export type MetricsPackFormat = 'csv' | 'xlsx';

/** A quarter such as `2026-Q4`. @public */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;
