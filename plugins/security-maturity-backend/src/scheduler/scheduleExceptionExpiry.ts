import { SchedulerService } from '@backstage/backend-plugin-api';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';
import { ScheduleOptions } from '../config/readSecurityMaturityConfig';
import { RecordsService } from '../service/RecordsService';

/**
 * Expires approved exceptions whose expiry has passed, through the records
 * service. Global scope: with several backend replicas on one database, one
 * of them runs it at a time.
 */
export async function scheduleExceptionExpiry(options: {
  schedule: ScheduleOptions['exceptionExpiry'];
  scheduler: SchedulerService;
  records: RecordsService;
}) {
  const { schedule, scheduler, records } = options;
  // The scheduler runs its own migrations on first use: same replica race.
  await waitForOtherReplicas(() =>
    scheduler.scheduleTask({
      id: 'security-maturity-exception-expiry',
      scope: 'global',
      ...schedule,
      fn: async () => {
        await records.expireDueExceptions(new Date());
      },
    }),
  );
}
