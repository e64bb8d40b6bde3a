import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { OrgBottleneck } from '@secmat/backstage-plugin-security-maturity-common';

/** What the security leads' weekly digest summarises. */
export type LeadDigest = {
  pendingApprovals: number;
  /** Approved exceptions expiring within `withinDays`. */
  expiring: number;
  expired: number;
  withinDays: number;
  /** Gates with the most blocked components, most first. */
  blockedGates: OrgBottleneck[];
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * The weekly digest as one notification to the security leads. Its scope is
 * fixed, so each week's digest replaces last week's in their list.
 */
export function digestNotification(digest: LeadDigest): NotificationPayload {
  const gates = digest.blockedGates
    .filter(g => g.blocked > 0)
    .slice(0, 3)
    .map(
      g =>
        `${g.title} (${plural(g.blocked, 'component')} blocked${
          g.medianDaysInStatus !== null
            ? `, median ${Math.round(g.medianDaysInStatus)} days`
            : ''
        })`,
    );
  return {
    title: `Security digest: ${plural(
      digest.pendingApprovals,
      'approval',
    )} waiting, ${plural(digest.expiring, 'exception')} expiring, ${
      digest.expired
    } expired`,
    description: [
      `${plural(
        digest.pendingApprovals,
        'exception request',
      )} waiting for a security lead.`,
      `${plural(digest.expiring, 'approved exception')} expiring within ${
        digest.withinDays
      } days; ${plural(digest.expired, 'expired exception')}.`,
      gates.length > 0
        ? `Gates blocked longest: ${gates.join('; ')}.`
        : 'No gate is blocked.',
    ].join(' '),
    link: '/security-maturity',
    severity: 'normal',
    topic: 'security-maturity.digest',
    scope: 'security-maturity:digest',
  };
}
