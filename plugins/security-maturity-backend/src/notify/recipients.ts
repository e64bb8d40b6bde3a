import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { SecurityMaturityEvent } from '@secmat/backstage-plugin-security-maturity-node';
import { Audience } from './notifyConfig';

/** The RASI activity whose Accountable approves exceptions. */
export const EXCEPTION_APPROVAL_ACTIVITY = 'exception-approval';

/** What the recipients of a moment are resolved from. */
export type RecipientFacts = {
  /** The component's owners in the catalog (user and group refs). */
  owners: string[];
  /** RASI of the component, by activity id. */
  rasi: Map<string, { accountable: string; responsible: string[] }>;
  /** Who requested the exception, for exception moments. */
  requestedBy?: string;
  /** The exception's baseline control, for exception moments. */
  controlId?: string;
};

export type Recipients = { to: string[]; exclude: string[] };

/** The RASI activity a moment concerns, if any. */
function activityOf(
  event: SecurityMaturityEvent,
  workflow: WorkflowConfig,
): string | undefined {
  if (event.record.type === 'stage') {
    return workflow.stages.find(s => s.id === event.record.id)
      ?.signOffActivityId;
  }
  if (
    event.kind === 'exception.expiring' ||
    event.kind === 'exception.expired'
  ) {
    return EXCEPTION_APPROVAL_ACTIVITY;
  }
  return undefined;
}

/**
 * User and group refs to notify (the notifications backend expands groups to
 * their members) and whom to leave out: never the person who caused the
 * moment, so nobody is told of their own action and an approver is never
 * asked to approve their own request.
 *
 * Where the routed roles name nobody (no Accountable assigned yet), a gate
 * ready for sign-off goes to the security leads (the only ones who may sign
 * it off then), anything else to the owners: a moment is never dropped
 * silently for want of a RASI entry.
 */
export function resolveRecipients(options: {
  event: SecurityMaturityEvent;
  notify: Audience[];
  facts: RecipientFacts;
  workflow: WorkflowConfig;
}): Recipients {
  const { event, notify, facts, workflow } = options;
  const activity = activityOf(event, workflow);
  const assignment = activity ? facts.rasi.get(activity) : undefined;
  const byAudience: Record<Audience, string[]> = {
    owners: facts.owners,
    requester: facts.requestedBy ? [facts.requestedBy] : [],
    securityLeads: workflow.securityLeadGroups,
    accountable: assignment ? [assignment.accountable] : [],
    responsible: assignment?.responsible ?? [],
  };
  let to = notify.flatMap(audience => byAudience[audience]);
  if (to.length === 0) {
    to =
      event.kind === 'stage.ready-for-sign-off'
        ? workflow.securityLeadGroups
        : facts.owners;
  }
  const exclude = event.actor.startsWith('user:') ? [event.actor] : [];
  return {
    to: [...new Set(to)].filter(ref => !exclude.includes(ref)),
    exclude,
  };
}
