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
} & PracticeColumns;

/** One float column per SAMM practice, e.g. `p_g_sm`, for SQL aggregation. */
export type PracticeColumns = Record<`p_${string}`, number>;

/** The column of a practice's score: `G-SM` is `p_g_sm`. */
export const practiceColumn = (practiceId: string) =>
  `p_${practiceId.toLocaleLowerCase('en-US').replace('-', '_')}` as const;
