import {
  DAY_MS,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { OrgReadModel } from '../database/org/OrgReadModel';
import { ReminderStore } from '../database/reminders/ReminderStore';
import { SecurityNotifier } from '../notify/SecurityNotifier';
import { bottlenecks } from '../org/bottlenecks';

/** The digest's horizon for expiring exceptions. */
const DIGEST_WITHIN_DAYS = 30;

/**
 * The security leads' weekly digest, from the org read model over every
 * component: waiting approvals, exceptions expiring and expired, and the
 * gates blocked longest. Sent only when switched on in config.
 */
export async function sendLeadDigest(
  deps: {
    readModel: Pick<OrgReadModel, 'exceptions' | 'stageProgress'>;
    reminders: Pick<ReminderStore, 'countPendingRequests'>;
    notifier: SecurityNotifier;
    workflow: WorkflowConfig;
  },
  now: Date,
): Promise<boolean> {
  const everything = {};
  const [exceptions, progress, pendingApprovals] = await Promise.all([
    deps.readModel.exceptions(
      everything,
      new Date(now.getTime() + DIGEST_WITHIN_DAYS * DAY_MS),
    ),
    deps.readModel.stageProgress(everything),
    deps.reminders.countPendingRequests(),
  ]);
  return deps.notifier.sendLeadDigest({
    pendingApprovals,
    expiring: exceptions.expiring,
    expired: exceptions.expired,
    withinDays: DIGEST_WITHIN_DAYS,
    blockedGates: bottlenecks(deps.workflow, progress, now).sort(
      (a, b) => b.blocked - a.blocked,
    ),
  });
}
