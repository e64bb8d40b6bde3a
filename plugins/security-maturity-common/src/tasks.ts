import {
  ContainmentAction,
  ExceptionStatus,
  Page,
  RiskRating,
  StageStatus,
} from './types';

/**
 * The lists of "My security tasks", in the order the page shows them:
 * approvals waiting for a security lead, gates waiting for the caller's
 * sign-off, exceptions of the caller's components expiring or expired,
 * worksheets whose containment the caller owns, and the caller's components
 * without intake or below target.
 *
 * @public
 */
export const SECURITY_TASK_LISTS = [
  'approvals',
  'signoffs',
  'expiring',
  'containment',
  'components',
] as const;

/** @public */
export type SecurityTaskList = (typeof SECURITY_TASK_LISTS)[number];

/** An exception request waiting for a security lead who did not make it. @public */
export type ApprovalTask = {
  entityRef: string;
  exceptionId: string;
  controlId: string;
  /** The baseline control's title from the configuration. */
  controlTitle: string;
  riskRating: RiskRating;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
};

/** A cleared gate waiting for the sign-off of its Accountable (the caller). @public */
export type SignOffTask = {
  entityRef: string;
  stageId: string;
  stageTitle: string;
  /** A cleared status: the gate waits only for its sign-off. */
  status: Extract<StageStatus, 'passed' | 'waived' | 'not_applicable'>;
  /** The Accountable named in RASI: the caller or one of their groups. */
  accountable: string;
  /** Since when the stage has had its status. */
  since: string;
};

/** An approved exception of the caller's component expiring soon, or expired. @public */
export type ExpiringExceptionTask = {
  entityRef: string;
  exceptionId: string;
  controlId: string;
  controlTitle: string;
  riskRating: RiskRating;
  status: Extract<ExceptionStatus, 'approved' | 'expired'>;
  expiresAt: string;
};

/** An open worksheet whose containment names the caller or one of their groups. @public */
export type ContainmentTask = {
  entityRef: string;
  worksheetId: string;
  title: string;
  kind: 'incident' | 'drill';
  startedAt: string;
  /** When containment was reached, if it was; the worksheet is still open. */
  containedAt: string | null;
  /** The containment actions that name the caller (directly or as a group). */
  actions: ContainmentAction[];
};

/**
 * One of the caller's components that needs work: never classified at
 * intake (so it has no tier and no target), or scored below its tier's
 * target. @public
 */
export type ComponentTask = {
  entityRef: string;
  reason: 'no-intake' | 'below-target';
  tier: string | null;
  /** The stored overall score (0–3); null until the component is scored. */
  overall: number | null;
  target: number | null;
  percentToTarget: number | null;
};

/** The item type of each list. @public */
export type SecurityTaskItems = {
  approvals: ApprovalTask;
  signoffs: SignOffTask;
  expiring: ExpiringExceptionTask;
  containment: ContainmentTask;
  components: ComponentTask;
};

/** One page of one list, with the size of the whole list. @public */
export type SecurityTaskPage<L extends SecurityTaskList> = Page<
  SecurityTaskItems[L]
> & {
  limit: number;
  offset: number;
};

/** The first page of every list, with their totals. @public */
export type SecurityTasks = {
  userEntityRef: string;
  /** Whether the caller is a security lead: only leads have approvals. */
  isSecurityLead: boolean;
  /** Exceptions count as expiring when they expire within this many days. */
  expiringWithinDays: number;
  lists: { [L in SecurityTaskList]: Page<SecurityTaskItems[L]> };
  generatedAt: string;
};
