import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DAY_MS } from '@secmat/backstage-plugin-security-maturity-common';
import { SecurityMaturityEvent } from '@secmat/backstage-plugin-security-maturity-node';
import {
  ReminderKey,
  ReminderStore,
} from '../database/reminders/ReminderStore';
import { dueReminder } from '../notify/reminderThreshold';
import { ownersOf, SecurityNotifier } from '../notify/SecurityNotifier';
import { SYSTEM_ACTOR } from './expireDueExceptions';

const keyOf = (k: ReminderKey) =>
  `${k.entityRef}\u0000${k.exceptionId}\u0000${k.daysBefore}`;

/** Exceptions that expired longer ago than this are not reminded of. */
const EXPIRED_LOOKBACK_DAYS = 7;

/**
 * Reminds owners and the Accountable for exception approval of approved
 * exceptions nearing expiry (each configured threshold once) and of expired
 * ones (once). A reminder is claimed in the database before it is sent, so it
 * goes out once across replicas and restarts; a failed send gives its claim
 * back for the next run. Runs in the global exception-expiry task.
 */
export async function remindOfExpiries(
  deps: {
    reminders: ReminderStore;
    notifier: SecurityNotifier;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    reminderDays: number[];
  },
  now: Date,
): Promise<{ sent: number }> {
  const { reminders, notifier, reminderDays } = deps;
  if (reminderDays.length === 0) return { sent: 0 };
  const candidates = await reminders.findExpiryCandidates({
    horizon: new Date(now.getTime() + Math.max(...reminderDays) * DAY_MS),
    expiredSince: new Date(now.getTime() - EXPIRED_LOOKBACK_DAYS * DAY_MS),
  });
  const due = candidates.flatMap(candidate => {
    const daysBefore = dueReminder({ ...candidate, reminderDays, now });
    return daysBefore === undefined ? [] : [{ candidate, daysBefore }];
  });
  const claimed = await reminders.claim(
    due.map(({ candidate, daysBefore }) => ({
      entityRef: candidate.entityRef,
      exceptionId: candidate.exceptionId,
      daysBefore,
    })),
    now,
  );
  if (claimed.length === 0) return { sent: 0 };

  const isClaimed = new Set(claimed.map(keyOf));
  const mine = due.filter(({ candidate, daysBefore }) =>
    isClaimed.has(
      keyOf({
        entityRef: candidate.entityRef,
        exceptionId: candidate.exceptionId,
        daysBefore,
      }),
    ),
  );
  const owners = await ownersByRef(
    deps,
    mine.map(d => d.candidate.entityRef),
  );
  const events: SecurityMaturityEvent[] = mine.map(
    ({ candidate, daysBefore }) => ({
      kind: daysBefore === 0 ? 'exception.expired' : 'exception.expiring',
      entityRef: candidate.entityRef,
      record: { type: 'exception', id: candidate.exceptionId },
      actor: SYSTEM_ACTOR,
      at: now.toISOString(),
      details: {
        controlId: candidate.controlId,
        expiresAt: candidate.expiresAt,
        threshold: daysBefore,
        daysLeft: Math.max(
          0,
          Math.ceil((Date.parse(candidate.expiresAt) - now.getTime()) / DAY_MS),
        ),
      },
    }),
  );
  const failed = await notifier.announce(events, owners);
  for (const event of failed) {
    await reminders.release({
      entityRef: event.entityRef,
      exceptionId: event.record.id,
      daysBefore: Number(event.details.threshold),
    });
  }
  const sent = events.length - failed.length;
  if (sent > 0) deps.logger.info(`Sent ${sent} exception expiry reminder(s)`);
  return { sent };
}

/** The owners of each entity, in one catalog request. */
async function ownersByRef(
  deps: { catalog: CatalogService; auth: AuthService },
  refs: string[],
): Promise<Map<string, string[]>> {
  const unique = [...new Set(refs)];
  const { items } = await deps.catalog.getEntitiesByRefs(
    {
      entityRefs: unique,
      fields: ['kind', 'metadata', 'spec.owner', 'relations'],
    },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  const owners = new Map<string, string[]>();
  items.forEach((entity, i) => {
    if (entity) owners.set(unique[i], ownersOf(entity));
  });
  return owners;
}
