import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { SecurityMaturityStore } from '../database/SecurityMaturityStore';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';
import { ScoringService } from './ScoringService';

const DAY_MS = 86_400_000;

/**
 * Rescores the whole catalog on a schedule (global scope: once across
 * replicas) and drops score snapshots past their retention.
 */
export async function scheduleRescoring(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: SecurityMaturityStore;
  scoring: ScoringService;
}) {
  const { config, scheduler, logger, store, scoring } = options;
  const key = 'securityMaturity.scoring.schedule';
  const schedule = config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : {
        frequency: { hours: 6 },
        timeout: { hours: 1 },
        initialDelay: { minutes: 1 },
      };
  const retentionDays =
    config.getOptionalNumber('securityMaturity.scoring.historyRetentionDays') ??
    730;
  // The scheduler runs its own migrations on first use: same replica race.
  await waitForOtherReplicas(() =>
    scheduler.scheduleTask({
      id: 'security-maturity-rescore',
      scope: 'global',
      ...schedule,
      fn: async () => {
        await scoring.rescoreAll();
        const before = new Date(Date.now() - retentionDays * DAY_MS)
          .toISOString()
          .slice(0, 10);
        const pruned = await store.pruneSnapshots(before);
        if (pruned) {
          logger.info(`Dropped ${pruned} score snapshots older than ${before}`);
        }
      },
    }),
  );
}
