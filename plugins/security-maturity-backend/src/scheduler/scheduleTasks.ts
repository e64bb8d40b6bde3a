import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ScheduleOptions } from '../config/readSecurityMaturityConfig';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';
import { ScoringService } from '../scoring/ScoringService';
import { RecordsService } from '../service/RecordsService';

/**
 * The plugin's scheduled tasks, each with global scope (once across
 * replicas), each calling a service:
 * - exception expiry: approved exceptions past their expiry are expired
 *   through the records service (history, version, audit, rescoring);
 * - rescoring: the whole catalog, then snapshots past their retention dropped.
 */
export async function scheduleTasks(options: {
  schedules: ScheduleOptions;
  historyRetentionDays: number;
  scheduler: SchedulerService;
  logger: LoggerService;
  records: RecordsService;
  scoring: ScoringService;
}) {
  const { schedules, scheduler, logger, records, scoring } = options;
  const schedule = (
    id: string,
    definition: ScheduleOptions[keyof ScheduleOptions],
    fn: () => Promise<void>,
  ) =>
    // The scheduler runs its own migrations on first use: same replica race.
    waitForOtherReplicas(() =>
      scheduler.scheduleTask({ id, scope: 'global', ...definition, fn }),
    );

  await schedule(
    'security-maturity-exception-expiry',
    schedules.exceptionExpiry,
    async () => {
      await records.expireDueExceptions(new Date());
    },
  );
  await schedule('security-maturity-rescore', schedules.rescoring, async () => {
    await scoring.rescoreAll();
    const { pruned, before } = await scoring.pruneHistory(
      options.historyRetentionDays,
    );
    if (pruned) {
      logger.info(`Dropped ${pruned} score snapshots older than ${before}`);
    }
  });
}
