import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { SecurityMaturityStore } from '../database/SecurityMaturityStore';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';

const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

/**
 * Expires approved exceptions whose expiry has passed. Global scope: with
 * several backend replicas on one database, one of them runs it at a time.
 */
export async function scheduleExceptionExpiry(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: SecurityMaturityStore;
  /** Rescores the entities whose exceptions just expired. */
  onExpired: (entityRefs: string[]) => Promise<void>;
}) {
  const { config, scheduler, logger, store, onExpired } = options;
  const key = 'securityMaturity.exceptions.expirySchedule';
  const schedule = config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : defaultSchedule;
  // The scheduler runs its own migrations on first use: same replica race.
  await waitForOtherReplicas(() =>
    scheduler.scheduleTask({
      id: 'security-maturity-exception-expiry',
      scope: 'global',
      ...schedule,
      fn: async () => {
        const { expired, entityRefs } = await store.expireExceptions(
          new Date(),
        );
        if (expired > 0) {
          logger.info(`Expired ${expired} exception(s) past their expiry date`);
          await onExpired(entityRefs);
        }
      },
    }),
  );
}
