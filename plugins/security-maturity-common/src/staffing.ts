import { OrgFilter, Quarter } from './org';

// The staffing, capacity and RASI workbook: the XLSX round trip of a scope's
// RASI assignments and its security partners' capacity per quarter.

/**
 * What a partner's capacity counts, as the portal configures it.
 *
 * @public
 */
export type CapacityUnit = 'components' | 'hours';

/**
 * The content type of the workbook, both ways.
 *
 * @public
 */
export const STAFFING_WORKBOOK_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The sheets and columns of the workbook, in order.
 *
 * @public
 */
export const STAFFING_WORKBOOK_LAYOUT = {
  RASI: [
    'Component',
    'Activity ID',
    'Activity',
    'Responsible',
    'Accountable',
    'Supportive',
    'Informed',
    'Version',
  ],
  Staffing: [
    'Partner',
    'Team',
    'Quarter',
    'Capacity',
    'Unit',
    'Load',
    'Utilisation',
    'Version',
  ],
  Coverage: ['Component', 'Activity ID', 'Gap'],
} as const;

/**
 * One security partner's load against their capacity in a quarter.
 *
 * @public
 */
export type CapacityPartner = {
  /** A catalog user or group ref, lower-cased. */
  ref: string;
  /** Their team: the group itself, or the user's first group. */
  team: string | null;
  /** Null: no capacity set for the quarter. */
  capacity: number | null;
  /** 0 when no capacity is stored yet. */
  capacityVersion: number;
  /** Components they support (Supportive in any activity) org-wide, in the unit. */
  load: number;
  /** Components of the scope they support. */
  components: number;
  /** load / capacity; null without a capacity. */
  utilisation: number | null;
  overAllocated: boolean;
};

/**
 * The capacity view of the org page for a scope and quarter.
 *
 * @public
 */
export type CapacityView = {
  quarter: Quarter;
  unit: CapacityUnit;
  /** With hours: how many hours one supported component takes. */
  hoursPerComponent: number;
  partners: CapacityPartner[];
  /** Components of the scope without any Supportive partner. */
  withoutPartner: string[];
  /** Components of the scope with activities lacking an Accountable. */
  withoutAccountable: Array<{ entityRef: string; activityIds: string[] }>;
  /** How many components the scope has. */
  components: number;
};

/**
 * A problem of an uploaded workbook, where it is.
 *
 * @public
 */
export type StaffingProblem = {
  sheet: string;
  /** 1-based, as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  message: string;
  /** The component the row is about, where known. */
  entityRef?: string;
  kind:
    | 'unknown-ref'
    | 'accountable'
    | 'unknown-activity'
    | 'unknown-component'
    | 'conflict'
    | 'not-allowed'
    | 'invalid';
};

/** @public */
export type RasiRole =
  | 'responsible'
  | 'accountable'
  | 'supportive'
  | 'informed';

/**
 * Who a previewed change adds to and removes from one role.
 *
 * @public
 */
export type RasiRoleChange = {
  role: RasiRole;
  added: string[];
  removed: string[];
};

/**
 * A previewed change of one assignment (component x activity).
 *
 * @public
 */
export type StaffingAssignmentChange = {
  activityId: string;
  title: string;
  /** added: the activity had no assignment; changed: people added or removed. */
  kind: 'added' | 'changed';
  /** The version the workbook was exported at (0: none). */
  version: number;
  roles: RasiRoleChange[];
};

/** @public */
export type StaffingComponentPreview = {
  entityRef: string;
  /** refused: a problem keeps the whole component from being written. */
  status: 'unchanged' | 'changes' | 'refused';
  changes: StaffingAssignmentChange[];
  problems: StaffingProblem[];
};

/** @public */
export type CapacityChange = {
  partnerRef: string;
  quarter: Quarter;
  before: number | null;
  after: number;
  version: number;
};

/**
 * The dry run of an uploaded workbook: nothing is written.
 *
 * @public
 */
export type StaffingPreview = {
  workbook: string;
  components: StaffingComponentPreview[];
  capacity: CapacityChange[];
  /** Every problem, component rows' and capacity rows' alike. */
  problems: StaffingProblem[];
  summary: {
    components: number;
    componentsChanged: number;
    componentsRefused: number;
    assignmentChanges: number;
    capacityChanges: number;
    problems: number;
  };
  /** The capacity view as it is, and as it would be after applying. */
  before: CapacityView;
  after: CapacityView;
};

/**
 * What applying a workbook wrote.
 *
 * @public
 */
export type StaffingApplyResult = {
  workbook: string;
  applied: Array<{ entityRef: string; assignments: number }>;
  refused: Array<{ entityRef: string; reason: string }>;
  capacity: CapacityChange[];
  preview: StaffingPreview;
};

/**
 * The scope and quarter of a workbook or capacity view.
 *
 * @public
 */
export type StaffingQuery = OrgFilter & { quarter?: Quarter };

/**
 * One capacity, set from the org page.
 *
 * @public
 */
export type CapacityInput = {
  partnerRef: string;
  quarter: Quarter;
  capacity: number;
  /** The version read; 0 to create. */
  version: number;
};
