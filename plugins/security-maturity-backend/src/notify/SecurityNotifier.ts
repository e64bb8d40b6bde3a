import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  EntityScore,
  entitySignalChannel,
  normalizeEntityRef,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  SecurityMaturityEvent,
  securityMaturityEventTopic,
} from '@secmat/backstage-plugin-security-maturity-node';
import { RecordsStore } from '../database/records/RecordsStore';
import { WrittenChange } from '../database/records/RecordsTransaction';
import { deriveEvents } from './deriveEvents';
import { digestNotification, LeadDigest } from './leadDigest';
import {
  CampaignReminder,
  campaignReminderNotification,
  notificationFor,
} from './messages';
import { NotifyConfig } from './notifyConfig';
import { RecipientFacts, resolveRecipients } from './recipients';

/** The component's owners in the catalog, as user and group refs. */
export function ownersOf(entity: Entity): string[] {
  const owners = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
  const specOwner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (owners.length === 0 && typeof specOwner === 'string') {
    owners.push(
      stringifyEntityRef(
        parseEntityRef(specOwner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    );
  }
  return [...new Set(owners.map(ref => normalizeEntityRef(ref)))];
}

/**
 * A moment with the facts its history row does not hold (a decision names
 * only the new status): the exception's control and requester.
 */
function withRecordFacts(
  event: SecurityMaturityEvent,
  facts: RecipientFacts,
): SecurityMaturityEvent {
  if (event.record.type !== 'exception') return event;
  return {
    ...event,
    details: {
      controlId: facts.controlId ?? null,
      requestedBy: facts.requestedBy ?? null,
      ...event.details,
    },
  };
}

/** The score moment of a change: the component fell below its tier target. */
export function scoreEvent(options: {
  entityRef: string;
  actor: string;
  at: Date;
  before?: EntityScore;
  after: EntityScore;
}): SecurityMaturityEvent | undefined {
  const { before, after } = options;
  if (after.target === null || after.overall >= after.target) return undefined;
  // Only the fall: a component already below target is not re-announced by
  // every edit, and one just classified (no target before) has not fallen.
  if (!before || before.target === null || before.overall < before.target) {
    return undefined;
  }
  return {
    kind: 'score.below-target',
    entityRef: options.entityRef,
    record: { type: 'score', id: 'overall' },
    actor: options.actor,
    at: options.at.toISOString(),
    details: { overall: after.overall, target: after.target },
  };
}

/**
 * Tells people what a change means for them. After a change commits, the
 * records service hands it here: open tabs learn of it through signals, the
 * moments go out on the events service (for Slack, Jira and other modules)
 * and, as configured, as notifications routed by ownership and RASI. A
 * failure here is logged and never undoes or fails the committed change.
 */
export class SecurityNotifier {
  constructor(
    private readonly deps: {
      config: NotifyConfig;
      workflow: WorkflowConfig;
      records: RecordsStore;
      events: EventsService;
      notifications?: NotificationService;
      signals?: SignalsService;
      logger: LoggerService;
    },
  ) {}

  /** After one operation on an entity's records has committed. */
  async afterChange(options: {
    entity: Entity;
    actor: string;
    at: Date;
    written: WrittenChange[];
    score?: { before?: EntityScore; after: EntityScore };
  }) {
    const { entity, actor, at, written, score } = options;
    const entityRef = normalizeEntityRef(stringifyEntityRef(entity));
    await this.signal(entityRef, actor, at);
    const events = deriveEvents({ entityRef, actor, at, written });
    const fell = score && scoreEvent({ entityRef, actor, at, ...score });
    if (fell) events.push(fell);
    if (events.length > 0) {
      await this.announce(events, new Map([[entityRef, ownersOf(entity)]]));
    }
  }

  /** An open Security tab of the entity offers a reload. */
  async signal(entityRef: string, actor: string, at: Date) {
    const { signals, logger } = this.deps;
    if (!signals) return;
    try {
      await signals.publish({
        recipients: { type: 'broadcast' },
        channel: entitySignalChannel(entityRef),
        message: { entityRef, actor, at: at.toISOString() },
      });
    } catch (error) {
      logger.warn(`Could not signal the change of ${entityRef}: ${error}`);
    }
  }

  /**
   * Publishes the moments and sends their notifications. `owners` gives each
   * entity's owners (the caller has the entities at hand already).
   * @returns the moments whose notification could not be sent
   */
  async announce(
    events: SecurityMaturityEvent[],
    owners: Map<string, string[]>,
  ): Promise<SecurityMaturityEvent[]> {
    const { config, workflow, logger } = this.deps;
    const failed: SecurityMaturityEvent[] = [];
    const facts = await this.factsFor(events, owners);
    for (const bare of events) {
      const event = withRecordFacts(bare, facts(bare));
      try {
        await this.deps.events.publish({
          topic: securityMaturityEventTopic(event.kind),
          eventPayload: event,
        });
      } catch (error) {
        logger.warn(`Could not publish ${event.kind}: ${error}`);
      }
      const route = config.routes[event.kind];
      if (!config.enabled || !route.enabled || !this.deps.notifications) {
        continue;
      }
      const { to, exclude } = resolveRecipients({
        event,
        notify: route.notify,
        facts: facts(event),
        workflow,
      });
      if (to.length === 0) continue;
      try {
        await this.deps.notifications.send({
          recipients: {
            type: 'entity',
            entityRef: to,
            ...(exclude.length ? { excludeEntityRef: exclude } : {}),
          },
          payload: notificationFor(event, workflow),
        });
      } catch (error) {
        failed.push(event);
        logger.warn(
          `Could not notify ${to.join(', ')} of ${event.kind} on ${
            event.entityRef
          }: ${error}`,
        );
      }
    }
    return failed;
  }

  /** The security leads' weekly digest; false when it is not to be sent. */
  async sendLeadDigest(digest: LeadDigest): Promise<boolean> {
    const { config, notifications, workflow } = this.deps;
    if (!config.enabled || !config.digest.enabled || !notifications) {
      return false;
    }
    await notifications.send({
      recipients: { type: 'entity', entityRef: workflow.securityLeadGroups },
      payload: digestNotification(digest),
    });
    return true;
  }

  /**
   * A campaign reminder to one person; false when notifications are off.
   * A failure to send is thrown, so the caller can give its claim back.
   */
  async sendCampaignReminder(reminder: CampaignReminder): Promise<boolean> {
    const { config, notifications } = this.deps;
    if (!config.enabled || !notifications) return false;
    await notifications.send({
      recipients: { type: 'entity', entityRef: reminder.recipientRef },
      payload: campaignReminderNotification(reminder),
    });
    return true;
  }

  /** RASI and requesters of the entities, read in one bulk read. */
  private async factsFor(
    events: SecurityMaturityEvent[],
    owners: Map<string, string[]>,
  ): Promise<(event: SecurityMaturityEvent) => RecipientFacts> {
    const refs = [...new Set(events.map(e => e.entityRef))];
    const stored = await this.deps.records.readRecords(refs);
    return event => {
      const picture = stored.get(event.entityRef);
      const exception =
        event.record.type === 'exception'
          ? picture?.exceptions.find(e => e.id === event.record.id)
          : undefined;
      return {
        owners: owners.get(event.entityRef) ?? [],
        rasi: new Map((picture?.rasi ?? []).map(r => [r.activityId, r])),
        requestedBy: exception?.requestedBy,
        controlId: exception?.controlId,
      };
    };
  }
}
