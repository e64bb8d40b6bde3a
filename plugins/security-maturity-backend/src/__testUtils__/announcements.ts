import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import {
  SECURITY_MATURITY_EVENT_KINDS,
  SecurityMaturityEvent,
  securityMaturityEventTopic,
} from '@secmat/backstage-plugin-security-maturity-node';

/** A notification as a test asserts it: recipients, topic, text, link. */
export function summarizeNotification(n: NotificationSendOptions) {
  const entity = n.recipients.type === 'entity' ? n.recipients : undefined;
  return {
    to: entity ? [entity.entityRef].flat().sort() : 'broadcast',
    exclude: entity ? [entity.excludeEntityRef ?? []].flat() : [],
    topic: n.payload.topic,
    title: n.payload.title,
    link: n.payload.link,
    scope: n.payload.scope,
    severity: n.payload.severity,
  };
}

/**
 * What the plugin announced in a test backend: the notifications it sent (as
 * the notifications backend receives them), the moments that reached a
 * subscriber of the events service (Backstage's in-memory events service, a
 * real subscriber) and the signals it published.
 */
export function recordingAnnouncements() {
  const notifications: NotificationSendOptions[] = [];
  const events: Array<{ topic: string; payload: SecurityMaturityEvent }> = [];
  const signals: SignalPayload[] = [];
  const eventsService = mockServices.events();
  const subscribed = eventsService.subscribe({
    id: 'test-subscriber',
    topics: SECURITY_MATURITY_EVENT_KINDS.map(securityMaturityEventTopic),
    onEvent: async params => {
      events.push({
        topic: params.topic,
        payload: params.eventPayload as SecurityMaturityEvent,
      });
    },
  });
  const factories = [
    createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        send: async (options: NotificationSendOptions) => {
          notifications.push(options);
        },
      }),
    }),
    createServiceFactory({
      service: eventsServiceRef,
      deps: {},
      factory: () => eventsService,
    }),
    createServiceFactory({
      service: signalsServiceRef,
      deps: {},
      factory: () => ({
        publish: async (signal: SignalPayload<any>) => {
          signals.push(signal);
        },
      }),
    }),
  ];
  return { factories, notifications, events, signals, subscribed };
}
