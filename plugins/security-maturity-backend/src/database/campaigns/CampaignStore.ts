import {
  Campaign,
  CampaignBurnUpPoint,
  CampaignGoal,
  CampaignMissingComponent,
  CampaignProgress,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ResolvedFilter } from '../org/OrgReadModel';

/** The stored fields of a campaign that an edit may change. */
export type CampaignValues = Pick<
  Campaign,
  | 'title'
  | 'scope'
  | 'goal'
  | 'startDay'
  | 'targetDay'
  | 'ownerRef'
  | 'reminderCadenceDays'
>;

/** The owners of a campaign's missing components, one row per owner. */
export type MissingByOwner = {
  ownerRef: string;
  components: number;
  /** The first of their missing components, by ref. */
  example: string;
};

/**
 * Campaigns and what they count. Every count is one SQL statement over the
 * score rows (and the stage and RASI tables where the goal names them),
 * filtered, grouped and paged in the database.
 */
export interface CampaignStore {
  list(options: { includeArchived: boolean }): Promise<Campaign[]>;
  get(id: string): Promise<Campaign | undefined>;
  insert(campaign: Campaign): Promise<void>;
  /**
   * Changes a campaign if it is still at `version`; 404 when it does not
   * exist, 409 when someone changed it since.
   */
  update(
    id: string,
    version: number,
    change: Partial<CampaignValues> & { archived?: boolean },
    by: { actor: string; at: Date },
  ): Promise<Campaign>;

  /** Components of the scope, and those meeting the goal, now. */
  progress(
    scope: ResolvedFilter,
    goal: CampaignGoal,
  ): Promise<CampaignProgress>;
  /**
   * Per day from `fromDay` to `toDay` (both included), the scope's components
   * with a snapshot that day and those of them whose snapshot meets the goal:
   * one statement. Only for goals of practice scores.
   */
  burnUpFromSnapshots(
    scope: ResolvedFilter,
    goal: CampaignGoal,
    fromDay: string,
    toDay: string,
  ): Promise<CampaignBurnUpPoint[]>;
  /** The campaign's own daily counts from `fromDay` to `toDay`. */
  campaignDays(
    campaignId: string,
    fromDay: string,
    toDay: string,
  ): Promise<CampaignBurnUpPoint[]>;
  /** Writes (or rewrites) a campaign's count of a day. */
  writeCampaignDay(
    campaignId: string,
    point: CampaignBurnUpPoint,
  ): Promise<void>;
  /** One page of the scope's components not meeting the goal, by owner. */
  missing(
    scope: ResolvedFilter,
    goal: CampaignGoal,
    page: { limit: number; offset: number },
  ): Promise<{ items: CampaignMissingComponent[]; totalCount: number }>;
  /** The owners of the missing components, with how many each has. */
  missingByOwner(
    scope: ResolvedFilter,
    goal: CampaignGoal,
  ): Promise<MissingByOwner[]>;
  /**
   * Whether the entity is in the scope and, if so, whether it meets the
   * goal; undefined when it is outside (or not scored).
   */
  entityStatus(
    entityRef: string,
    scope: ResolvedFilter,
    goal: CampaignGoal,
  ): Promise<{ meets: boolean } | undefined>;

  /**
   * Claims the reminder of a campaign to a person: true when it is theirs
   * to send (none sent yet, or the last one `cadenceDays` ago or more);
   * false when another replica or an earlier run sent one within the
   * cadence. Atomic per row, so two replicas never both claim.
   */
  claimReminder(
    campaignId: string,
    recipientRef: string,
    now: Date,
    cadenceDays: number,
  ): Promise<boolean>;
  /** Gives a claim back after a failed send. */
  releaseReminder(campaignId: string, recipientRef: string): Promise<void>;
}
