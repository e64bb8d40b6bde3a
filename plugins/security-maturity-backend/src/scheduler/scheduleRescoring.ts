import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';
import { ScheduleOptions } from '../config/readSecurityMaturityConfig';
import { ScoringService } from '../scoring/ScoringService';

/**
 * Rescores the whole catalog on a schedule (global scope: once across
 * replicas) and drops score snapshots past their retention.
 */
export async function scheduleRescoring(options: {
  schedule: ScheduleOptions['rescoring'];
  historyRetentionDays: number;
  scheduler: SchedulerService;
  logger: LoggerService;
  scoring: ScoringService;
}) {
  const { schedule, historyRetentionDays, scheduler, logger, scoring } =
    options;
  // The scheduler runs its own migrations on first use: same replica race.
  await waitForOtherReplicas(() =>
    scheduler.scheduleTask({
      id: 'security-maturity-rescore',
      scope: 'global',
      ...schedule,
      fn: async () => {
        await scoring.rescoreAll();
        const { pruned, before } = await scoring.pruneHistory(
          historyRetentionDays,
        );
        if (pruned) {
          logger.info(`Dropped ${pruned} score snapshots older than ${before}`);
        }
      },
    }),
  );
}
