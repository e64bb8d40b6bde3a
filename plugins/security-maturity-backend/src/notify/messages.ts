import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  securityTabRecordAnchor,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  SecurityMaturityEvent,
  securityMaturityEventTopic,
} from '@secmat/backstage-plugin-security-maturity-node';

/** Where each kind of record opens in the Security tab. */
function anchorOf(record: SecurityMaturityEvent['record']): string {
  switch (record.type) {
    case 'exception':
    case 'stage':
      return securityTabRecordAnchor(record.type, record.id);
    case 'release':
      return 'security-releases';
    default:
      return 'security-next-steps';
  }
}

/** The address of the record in the component's Security tab. */
export function recordLink(event: SecurityMaturityEvent): string {
  const { kind, namespace, name } = parseEntityRef(event.entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/security#${anchorOf(event.record)}`;
}

/** Nearer thresholds are more urgent: 30 days low, 7 normal, 1 high. */
const reminderSeverity = (
  threshold: number,
): NotificationPayload['severity'] => {
  if (threshold <= 1) return 'high';
  return threshold <= 7 ? 'normal' : 'low';
};

const nameOf = (ref: string) => {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
};

/**
 * A notification for one moment: what happened, on which component, what to
 * do, and a link to the record. The scope is the record, so later moments of
 * the same record (a reminder, the decision) replace the earlier one in each
 * person's list instead of piling up. No free text of the record (such as an
 * exception's justification) leaves the component's tab.
 */
export function notificationFor(
  event: SecurityMaturityEvent,
  workflow: WorkflowConfig,
): NotificationPayload {
  const component = nameOf(event.entityRef);
  const who = nameOf(event.actor);
  const control =
    workflow.baselineControls.find(c => c.id === event.details.controlId)
      ?.title ?? event.details.controlId;
  const stage =
    workflow.stages.find(s => s.id === event.record.id)?.title ??
    event.record.id;
  const day = (iso: unknown) => String(iso ?? '').slice(0, 10);
  const d = event.details;

  const text = (): Pick<
    NotificationPayload,
    'title' | 'description' | 'severity'
  > => {
    switch (event.kind) {
      case 'exception.requested':
        return {
          title: `Exception requested on ${component}: ${control}`,
          description: `${who} asks for an exception to "${control}" until ${day(
            d.expiresAt,
          )}. Approve or reject it in the Security tab.`,
          severity: 'normal',
        };
      case 'exception.approved':
      case 'exception.rejected':
      case 'exception.revoked': {
        const verb = event.kind.split('.')[1];
        return {
          title: `Exception ${verb} on ${component}: ${control}`,
          description: `${who} ${verb} the exception to "${control}".`,
          severity: event.kind === 'exception.revoked' ? 'high' : 'normal',
        };
      }
      case 'exception.expiring': {
        const days = Number(d.daysLeft);
        return {
          title: `Exception on ${component} expires in ${days} day${
            days === 1 ? '' : 's'
          }: ${control}`,
          description: `The approved exception to "${control}" expires on ${day(
            d.expiresAt,
          )}. Meet the control, or request a new exception before then.`,
          severity: reminderSeverity(Number(d.threshold)),
        };
      }
      case 'exception.expired':
        return {
          title: `Exception on ${component} expired: ${control}`,
          description: `The exception to "${control}" expired on ${day(
            d.expiresAt,
          )} and now counts against ${component}. Meet the control or request a new exception.`,
          severity: 'high',
        };
      case 'stage.ready-for-sign-off':
        return {
          title: `${stage} on ${component} is ready for your sign-off`,
          description: `${who} marked the gate ${String(d.status).replace(
            '_',
            ' ',
          )}. As its Accountable, review and sign it off in the Security tab.`,
          severity: 'normal',
        };
      case 'stage.reopened':
        return {
          title: `${stage} on ${component} was re-opened`,
          description: `${d.reason || 'A change re-opened the gate'}.`,
          severity: 'normal',
        };
      case 'release.no-go':
        return {
          title: `Release of ${component} is no-go`,
          description: `${who} decided no-go for a release of ${component}. See the release record for the evidence.`,
          severity: 'high',
        };
      case 'score.below-target':
        return {
          title: `${component} fell below its SAMM target`,
          description: `Its overall score is ${Number(d.overall).toFixed(
            2,
          )}, below the tier's target of ${Number(d.target).toFixed(
            2,
          )}. The Security tab lists the next steps that raise it.`,
          severity: 'normal',
        };
      default:
        throw new Error(`No notification for ${event.kind}`);
    }
  };
  return {
    ...text(),
    link: recordLink(event),
    topic: securityMaturityEventTopic(event.kind),
    scope: `security-maturity:${event.entityRef}:${event.record.type}:${event.record.id}`,
  };
}

/** A reminder of a campaign to one person, about the components they own. */
export type CampaignReminder = {
  recipientRef: string;
  campaignId: string;
  title: string;
  goalText: string;
  targetDay: string;
  /** Their components still missing the goal. */
  components: number;
  /** One of them, whose Security tab the reminder opens. */
  example: string;
  overdue: boolean;
};

/**
 * A campaign reminder: what the campaign asks, of how many of the person's
 * components, by when; it opens the Security tab of one of them, where the
 * campaign's chip says the same. The scope is the campaign, so a later
 * reminder replaces the earlier one in the person's list.
 */
export function campaignReminderNotification(
  r: CampaignReminder,
): NotificationPayload {
  const { kind, namespace, name } = parseEntityRef(r.example);
  const count =
    r.components === 1 ? `${name}` : `${r.components} of your components`;
  return {
    title: `Campaign "${r.title}": ${count} ${
      r.components === 1 ? 'does' : 'do'
    } not meet ${r.goalText} yet`,
    description: r.overdue
      ? `The campaign's target date ${r.targetDay} has passed. Start with ${name}.`
      : `Due by ${r.targetDay}. Start with ${name}.`,
    link: `/catalog/${namespace}/${kind.toLocaleLowerCase(
      'en-US',
    )}/${name}/security#security-campaigns`,
    severity: r.overdue ? 'high' : 'normal',
    topic: 'security-maturity-campaign',
    scope: `security-maturity:campaign:${r.campaignId}`,
  };
}
