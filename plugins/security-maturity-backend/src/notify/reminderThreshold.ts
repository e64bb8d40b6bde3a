import { DAY_MS } from '@secmat/backstage-plugin-security-maturity-common';

/**
 * The reminder an exception is due, if any: 0 once it has expired, else the
 * smallest configured threshold (days before expiry) it has come within.
 * Only the current threshold counts: an exception approved for five days is
 * reminded at 7 and 1, not also at 30. Undefined when it was sent already or
 * the exception is not within any threshold yet.
 */
export function dueReminder(options: {
  status: 'approved' | 'expired';
  expiresAt: string;
  sent: number[];
  reminderDays: number[];
  now: Date;
}): number | undefined {
  const { status, expiresAt, sent, reminderDays, now } = options;
  const msLeft = Date.parse(expiresAt) - now.getTime();
  let threshold: number | undefined;
  if (status === 'expired' || msLeft <= 0) {
    threshold = status === 'expired' ? 0 : undefined;
  } else {
    const daysLeft = msLeft / DAY_MS;
    threshold = [...reminderDays]
      .sort((a, b) => a - b)
      .find(days => daysLeft <= days);
  }
  return threshold === undefined || sent.includes(threshold)
    ? undefined
    : threshold;
}
