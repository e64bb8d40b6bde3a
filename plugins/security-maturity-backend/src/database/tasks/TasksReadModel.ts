import {
  ApprovalTask,
  ComponentTask,
  ContainmentTask,
  ExpiringExceptionTask,
  SignOffTask,
} from '@secmat/backstage-plugin-security-maturity-common';

/** Which page of a list to read. */
export type TaskPageRequest = { limit: number; offset: number };

/** One page of rows, and how many rows the whole list has. */
export type TaskRows<T> = { rows: T[]; totalCount: number };

/** A stage and the RASI activity whose Accountable signs it off. */
export type SignOffStage = {
  stageId: string;
  signOffActivityId: string;
  /** The tiers that require the stage; an unclassified component requires every stage. */
  requiredForTiers: string[];
};

/**
 * "My security tasks" in SQL: each list is one statement over the record and
 * score tables that returns one page and the size of the whole list, however
 * many components the caller owns. Who the caller is (their refs, their
 * components, whether they lead) is the caller's business; refs come in
 * normalised (lower-cased) and rows come back in the shapes of -common,
 * without the titles the configuration gives.
 */
export interface TasksReadModel {
  /** Requested exceptions, oldest request first, except those `requester` made. */
  approvals(
    query: { notRequestedBy: string },
    page: TaskPageRequest,
  ): Promise<TaskRows<Omit<ApprovalTask, 'controlTitle'>>>;

  /**
   * Cleared, required stages without a sign-off whose sign-off activity has
   * one of `accountableRefs` as Accountable, the longest waiting first.
   */
  signOffs(
    query: { accountableRefs: string[]; stages: SignOffStage[] },
    page: TaskPageRequest,
  ): Promise<TaskRows<Omit<SignOffTask, 'stageTitle'>>>;

  /** Approved exceptions of the components expiring by `horizon`, and expired ones; soonest first. */
  expiring(
    query: { entityRefs: string[]; horizon: Date },
    page: TaskPageRequest,
  ): Promise<TaskRows<Omit<ExpiringExceptionTask, 'controlTitle'>>>;

  /** Open worksheets whose containment owners include one of `ownerRefs`, newest first. */
  containment(
    query: { ownerRefs: string[] },
    page: TaskPageRequest,
  ): Promise<TaskRows<ContainmentTask>>;

  /** The components without intake, then those furthest below their target. */
  components(
    query: { entityRefs: string[] },
    page: TaskPageRequest,
  ): Promise<TaskRows<ComponentTask>>;
}
