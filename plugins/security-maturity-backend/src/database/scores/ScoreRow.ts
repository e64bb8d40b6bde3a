/** The row types of the score tables, shared by the score store and the org read model. */

/** A row of entity_scores. */
export type ScoreRow = {
  entity_ref: string;
  kind: string;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  tier: string | null;
  target: number | null;
  overall: number;
  percent_to_target: number | null;
  fn_g: number;
  fn_d: number;
  fn_i: number;
  fn_v: number;
  fn_o: number;
  practices: string;
  levels: string;
  activities: string;
  computed_at: Date;
  fingerprint: string;
  snapshot_day: string;
  inputs_fingerprint: string;
  valid_until: Date | null;
  gates_required: number;
  gates_cleared: number;
  exceptions_open: number;
  exceptions_expired: number;
  /** JSON: practice ID to target, gap and percent; null without a tier. */
  targets: string | null;
} & PracticeColumns &
  PracticeTargetColumns;

/** One float column per SAMM practice, e.g. `p_g_sm`, for SQL aggregation. */
export type PracticeColumns = Record<`p_${string}`, number>;

/**
 * Per SAMM practice its target and gap, e.g. `target_g_sm` and `gap_g_sm`,
 * for the org views' gap to target; null without a tier.
 */
export type PracticeTargetColumns = Record<
  `target_${string}` | `gap_${string}`,
  number | null
>;

const suffix = (practiceId: string) =>
  practiceId.toLocaleLowerCase('en-US').replace('-', '_');

/** The column of a practice's score: `G-SM` is `p_g_sm`. */
export const practiceColumn = (practiceId: string) =>
  `p_${suffix(practiceId)}` as const;

/** The column of a practice's target: `G-SM` is `target_g_sm`. */
export const practiceTargetColumn = (practiceId: string) =>
  `target_${suffix(practiceId)}` as const;

/** The column of a practice's gap to target: `G-SM` is `gap_g_sm`. */
export const practiceGapColumn = (practiceId: string) =>
  `gap_${suffix(practiceId)}` as const;
