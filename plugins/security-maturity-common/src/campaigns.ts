import { OrgFilter } from './org';
import { SAMM_PRACTICES } from './samm/structure';
import { WorkflowConfig } from './workflow';

/**
 * One condition of a campaign goal, over our model:
 * - `practice`: a SAMM practice scores at least `atLeast` (0–3);
 * - `stage`: a stage gate is cleared (passed, waived or not applicable);
 * - `accountable`: a RASI activity has its Accountable assigned;
 * - `noExpiredExceptions`: the component has no expired exception.
 *
 * @public
 */
export type CampaignCondition =
  | { kind: 'practice'; practiceId: string; atLeast: number }
  | { kind: 'stage'; stageId: string }
  | { kind: 'accountable'; activityId: string }
  | { kind: 'noExpiredExceptions' };

/** A campaign goal: every condition must hold (AND). @public */
export type CampaignGoal = { all: CampaignCondition[] };

/**
 * The components a campaign covers: the org page's filters (an owner group
 * with its nested groups, a system, a domain, a tier, a lifecycle, a type).
 *
 * @public
 */
export type CampaignScope = Omit<OrgFilter, 'q'>;

/** The scope keys of a campaign, in the order of the org page's filters. @public */
export const CAMPAIGN_SCOPE_KEYS = [
  'owner',
  'system',
  'domain',
  'tier',
  'lifecycle',
  'type',
] as const;

/** What a security lead sends to create or change a campaign. @public */
export type CampaignInput = {
  title: string;
  scope: CampaignScope;
  goal: CampaignGoal;
  /** YYYY-MM-DD. */
  startDay: string;
  /** YYYY-MM-DD, not before the start. */
  targetDay: string;
  /** Who runs the campaign (a user or group ref). */
  ownerRef: string;
  /**
   * Days between two reminders to each owner of a component still missing
   * the goal (7 at least: never more than one a week); null: no reminders.
   */
  reminderCadenceDays?: number | null;
};

/** A stored campaign. @public */
export type Campaign = Required<CampaignInput> & {
  id: string;
  archived: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};

/** How many components of the scope meet the goal now. @public */
export type CampaignProgress = { meeting: number; total: number };

/** A campaign in the list, with where it stands now. @public */
export type CampaignSummary = Campaign & { progress: CampaignProgress };

/** One day of the burn-up: components meeting the goal, of those scored. @public */
export type CampaignBurnUpPoint = {
  day: string;
  meeting: number;
  total: number;
};

/**
 * Where the burn-up comes from: a goal of practice scores only is read from
 * the daily score snapshots (from the start day, history included); a goal
 * with a record condition (a stage, an Accountable, expired exceptions),
 * which the snapshots do not hold, from the campaign's own daily counts,
 * written by the daily rescoring from the day the campaign existed.
 *
 * @public
 */
export type CampaignBurnUpSource = 'score-snapshots' | 'campaign-days';

/** A campaign with its progress and burn-up. @public */
export type CampaignDetail = {
  campaign: Campaign;
  progress: CampaignProgress;
  burnUp: { source: CampaignBurnUpSource; points: CampaignBurnUpPoint[] };
};

/** A component of the scope that does not meet the goal yet. @public */
export type CampaignMissingComponent = {
  entityRef: string;
  ownerRef: string | null;
  systemRef: string | null;
  tier: string | null;
  overall: number;
};

/** One page of the components still missing a campaign's goal. @public */
export type CampaignMissingPage = {
  items: CampaignMissingComponent[];
  totalCount: number;
  limit: number;
  offset: number;
};

/** A campaign that covers one component, for its Security tab. @public */
export type EntityCampaign = {
  id: string;
  title: string;
  goal: CampaignGoal;
  /** The goal in words, e.g. `Threat Assessment ≥ 1`. */
  goalText: string;
  targetDay: string;
  ownerRef: string;
  /** Whether this component meets the goal now. */
  meets: boolean;
};

/** A condition in words, with the workflow's titles. @public */
export function campaignConditionText(
  condition: CampaignCondition,
  workflow?: Pick<WorkflowConfig, 'stages' | 'rasiActivities'>,
): string {
  switch (condition.kind) {
    case 'practice': {
      const practice = SAMM_PRACTICES.find(p => p.id === condition.practiceId);
      return `${practice?.name ?? condition.practiceId} \u2265 ${
        condition.atLeast
      }`;
    }
    case 'stage': {
      const stage = workflow?.stages.find(s => s.id === condition.stageId);
      return `${stage?.title ?? condition.stageId} cleared`;
    }
    case 'accountable': {
      const activity = workflow?.rasiActivities.find(
        a => a.id === condition.activityId,
      );
      return `Accountable for ${
        activity?.title ?? condition.activityId
      } assigned`;
    }
    default:
      return 'No expired exceptions';
  }
}

/** A goal in words: its conditions joined by "and". @public */
export function campaignGoalText(
  goal: CampaignGoal,
  workflow?: Pick<WorkflowConfig, 'stages' | 'rasiActivities'>,
): string {
  return goal.all.map(c => campaignConditionText(c, workflow)).join(' and ');
}
