import { SammFunctionId } from './samm/structure';
import { PracticeTarget } from './samm/targets';
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
  /** SAMM's percent to target, pooled as in OrgOverview. */
  percentToTarget: number | null;
  belowTarget: number;
  functions: FunctionScores;
  /** Practice ID (e.g. `G-SM`) to mean practice score: the heatmap row. */
  practices: Record<string, number>;
  /**
   * Practice ID to the mean target and mean gap of the components with a
   * target, and the percent to target over all of them (the heatmap's "gap
   * to target" row); null when none has a target.
   */
  practiceTargets: Record<string, PracticeTarget> | null;
  /** With `since`: how the unit's scores moved since that day. */
  progress?: OrgProgress;
};

/** A mean score at the baseline and now, and the change. @public */
export type ScoreChange = {
  baseline: number;
  current: number;
  /** current − baseline: negative when the score fell. */
  change: number;
};

/**
 * OWASP SAMM's "progress to date" of some components since a day, from the
 * daily snapshots. Each component's baseline is its snapshot of that day, or
 * the latest before it; a component first scored after the day starts from
 * its first snapshot.
 *
 * @public
 */
export type OrgProgress = {
  /** The day, `YYYY-MM-DD`. */
  since: string;
  /** The components compared (those with a snapshot). */
  components: number;
  /** Mean overall score at the baseline and now. */
  overall: ScoreChange;
  /** Practice ID to its mean score at the baseline and now. */
  practices: Record<string, ScoreChange>;
  /**
   * SAMM's progress to date in percent, over the components with a target:
   * 100 × (Σ current − Σ baseline) / (Σ target − Σ baseline) of their overall
   * scores. Negative when they fell, above 100 past the targets; null when
   * none has a target above its baseline.
   */
  progressToTarget: number | null;
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
  /**
   * Practice ID to its average: the five the report publishes, the others
   * derived from their function's average (see SAMM_BENCHMARK).
   */
  practices: Record<string, number>;
};

/**
 * The OWASP SAMM benchmark (v24.1.1, 30 assessments, mostly large firms
 * assessed by third parties): the published composite and function averages,
 * and per practice the five lowest the report publishes (V-ST 1.24, G-SM
 * 1.23, D-TA 1.15, V-AA 1.09, V-RT 1.02). The report gives no other practice
 * average, so each other practice takes the share of its function's average
 * the published ones leave: G-PC and G-EG (3 × 1.35 − 1.23) / 2 = 1.41, D-SR
 * and D-SA (3 × 1.5 − 1.15) / 2 = 1.675, the Implementation and Operations
 * practices their function's 1.46 and 1.81. Every function's mean then equals
 * the published average (Verification's 1.1167 rounds to 1.12), and no
 * derived practice is below 1.24, as the report's "lowest five" requires.
 * Default target profiles follow these proportions.
 *
 * @public
 */
export const SAMM_BENCHMARK: SammBenchmark = {
  source: 'OWASP SAMM Benchmark v24.1.1',
  overall: 1.44,
  functions: { G: 1.35, D: 1.5, I: 1.46, V: 1.12, O: 1.81 },
  practices: {
    'G-SM': 1.23,
    'G-PC': 1.41,
    'G-EG': 1.41,
    'D-TA': 1.15,
    'D-SR': 1.675,
    'D-SA': 1.675,
    'I-SB': 1.46,
    'I-SD': 1.46,
    'I-DM': 1.46,
    'V-AA': 1.09,
    'V-RT': 1.02,
    'V-ST': 1.24,
    'O-IM': 1.81,
    'O-EM': 1.81,
    'O-OM': 1.81,
  },
};

/** Everything the org page shows above the component list. @public */
export type OrgOverview = {
  components: number;
  overall: number;
  /**
   * SAMM's percent to target over the components with a target, their
   * practices pooled: 100 × (1 − Σ gaps / Σ targets). A component with a
   * higher target weighs more; one above its target in a practice does not
   * make up for another below. Null when none has a target.
   */
  percentToTarget: number | null;
  belowTarget: number;
  functions: FunctionScores;
  practices: Record<string, number>;
  /** As in OrgRollup: per practice, the mean target and gap. */
  practiceTargets: Record<string, PracticeTarget> | null;
  /** With `since`: how these components' scores moved since that day. */
  progress?: OrgProgress;
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

/** Options of the org page's and the team views' overviews. @public */
export type OrgOverviewOptions = {
  /** Exceptions expiring within this many days; the backend defaults to 30. */
  withinDays?: number;
  /** A day, `YYYY-MM-DD`: adds the progress since then. */
  since?: string;
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
