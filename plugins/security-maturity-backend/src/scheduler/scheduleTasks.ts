import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ScheduleOptions } from '../config/readSecurityMaturityConfig';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';
import { ScoringService } from '../scoring/ScoringService';
import { RecordsService } from '../service/RecordsService';
import { DemoLoader } from '../demo/DemoLoader';
import { CampaignService } from '../campaigns/CampaignService';

/**
 * The plugin's scheduled tasks, each with global scope (once across
 * replicas), each calling a service:
 * - exception expiry: approved exceptions past their expiry are expired
 *   through the records service (history, version, audit, rescoring), then
 *   the expiry reminders due are sent;
 * - the security leads' weekly digest, when switched on;
 * - rescoring: the whole catalog, then snapshots past their retention dropped;
 * - in the demo portal, loading the demo organisation's year on an empty
 *   database.
 */
export async function scheduleTasks(options: {
  schedules: ScheduleOptions;
  historyRetentionDays: number;
  scheduler: SchedulerService;
  logger: LoggerService;
  records: RecordsService;
  scoring: ScoringService;
  /** Campaigns: reminders with the expiry reminders, daily counts after rescoring. */
  campaigns?: Pick<CampaignService, 'remind' | 'recordDay'>;
  /** The demo portal's loader, when the demo is on. */
  demo?: DemoLoader;
  /** The security leads' weekly digest, when switched on. */
  digest?: {
    schedule: ScheduleOptions[keyof ScheduleOptions];
    send: (now: Date) => Promise<unknown>;
  };
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
      // The demo's replayed year runs on its own clock; the next run expires
      // what is due once it is in.
      if (options.demo?.replaying) return;
      // Expire first, so an exception that just expired gets its expiry
      // notice in the same run.
      await records.expireDueExceptions(new Date());
      await records.remindOfExpiries(new Date());
      await options.campaigns?.remind(new Date());
    },
  );
  const { demo } = options;
  if (demo) {
    // Tries until the catalog has the demo's components; once there are
    // records (the demo's or anyone's), each run is one small query.
    await schedule(
      'security-maturity-demo',
      {
        frequency: { seconds: 15 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      },
      async () => {
        // The replayed year notifies nobody; once it is in, today's
        // reminders go out at once, as they would have in a running portal.
        if ((await demo.loadIfEmpty()) === 'loaded') {
          await records.expireDueExceptions(new Date());
          await records.remindOfExpiries(new Date());
        }
      },
    );
  }
  const { digest } = options;
  if (digest) {
    await schedule(
      'security-maturity-lead-digest',
      digest.schedule,
      async () => {
        await digest.send(new Date());
      },
    );
  }
  await schedule('security-maturity-rescore', schedules.rescoring, async () => {
    await scoring.rescoreAll();
    await options.campaigns?.recordDay(new Date());
    const { pruned, before } = await scoring.pruneHistory(
      options.historyRetentionDays,
    );
    if (pruned) {
      logger.info(`Dropped ${pruned} score snapshots older than ${before}`);
    }
  });
}
