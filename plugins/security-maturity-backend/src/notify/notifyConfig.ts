import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  SECURITY_MATURITY_EVENT_KINDS,
  SecurityMaturityEventKind,
} from '@secmat/backstage-plugin-security-maturity-node';

/**
 * Who a notification goes to, by role on the component:
 * - owners: the component's owners in the catalog;
 * - requester: who requested the exception;
 * - securityLeads: the configured security lead groups;
 * - accountable / responsible: of the RASI activity the moment concerns (the
 *   stage's sign-off activity; exception approval for exception reminders).
 */
export const AUDIENCES = [
  'owners',
  'requester',
  'securityLeads',
  'accountable',
  'responsible',
] as const;

export type Audience = (typeof AUDIENCES)[number];

export type EventRoute = { enabled: boolean; notify: Audience[] };

export type NotifyConfig = {
  /** Off: nothing is sent; events are still published. */
  enabled: boolean;
  routes: Record<SecurityMaturityEventKind, EventRoute>;
  /** Days before an approved exception's expiry that remind, largest first. */
  reminderDays: number[];
  digest: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
};

/** The routing the issue tracker agreed on; every entry can be overridden. */
export const DEFAULT_ROUTES: Record<SecurityMaturityEventKind, Audience[]> = {
  'exception.requested': ['securityLeads'],
  'exception.approved': ['requester', 'owners'],
  'exception.rejected': ['requester', 'owners'],
  'exception.revoked': ['requester', 'owners'],
  'exception.expiring': ['owners', 'accountable'],
  'exception.expired': ['owners', 'accountable'],
  'stage.ready-for-sign-off': ['accountable'],
  'stage.reopened': ['responsible', 'accountable'],
  'release.no-go': ['owners'],
  'score.below-target': ['owners'],
};

const DEFAULT_REMINDER_DAYS = [30, 7, 1];

const DEFAULT_DIGEST_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { cron: '0 8 * * 1' },
  timeout: { minutes: 10 },
};

/**
 * The key of an event in `securityMaturity.notifications.events`: config keys
 * cannot hold dots, so `exception.requested` is `exception-requested`.
 */
export const configKeyOf = (kind: SecurityMaturityEventKind) =>
  kind.replace('.', '-');

export function readNotifyConfig(config: Config): NotifyConfig {
  const root = config.getOptionalConfig('securityMaturity.notifications');
  const events = root?.getOptionalConfig('events');
  const known = SECURITY_MATURITY_EVENT_KINDS.map(configKeyOf);
  for (const key of events?.keys() ?? []) {
    if (!known.includes(key)) {
      throw new Error(
        `securityMaturity.notifications.events.${key}: unknown event; known: ${known.join(
          ', ',
        )}`,
      );
    }
  }
  const routes = Object.fromEntries(
    SECURITY_MATURITY_EVENT_KINDS.map(kind => {
      const entry = events?.getOptionalConfig(configKeyOf(kind));
      const notify = entry?.getOptionalStringArray('notify');
      for (const audience of notify ?? []) {
        if (!(AUDIENCES as readonly string[]).includes(audience)) {
          throw new Error(
            `securityMaturity.notifications.events.${configKeyOf(
              kind,
            )}.notify: unknown audience '${audience}'; known: ${AUDIENCES.join(
              ', ',
            )}`,
          );
        }
      }
      return [
        kind,
        {
          enabled: entry?.getOptionalBoolean('enabled') ?? true,
          notify: (notify as Audience[] | undefined) ?? DEFAULT_ROUTES[kind],
        },
      ];
    }),
  ) as Record<SecurityMaturityEventKind, EventRoute>;

  const reminderDays = [
    ...new Set(
      root?.getOptional<number[]>('reminderDays') ?? DEFAULT_REMINDER_DAYS,
    ),
  ].sort((a, b) => b - a);
  if (
    reminderDays.some(
      d => typeof d !== 'number' || !Number.isInteger(d) || d < 1,
    )
  ) {
    throw new Error(
      'securityMaturity.notifications.reminderDays: whole days of at least 1',
    );
  }
  const digest = root?.getOptionalConfig('digest');
  return {
    enabled: root?.getOptionalBoolean('enabled') ?? true,
    routes,
    reminderDays,
    digest: {
      enabled: digest?.getOptionalBoolean('enabled') ?? false,
      schedule: digest?.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            digest.getConfig('schedule'),
          )
        : DEFAULT_DIGEST_SCHEDULE,
    },
  };
}
