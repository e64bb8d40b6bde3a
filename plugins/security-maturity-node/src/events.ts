/**
 * The moments the security-maturity backend publishes on Backstage's events
 * service, each under the topic `security-maturity.<kind>`. A module (Slack,
 * Jira, a ticketing bridge) subscribes with
 * `events.subscribe({ id, topics: [securityMaturityEventTopic('exception.requested')], onEvent })`.
 *
 * @public
 */
export const SECURITY_MATURITY_EVENT_KINDS = [
  'exception.requested',
  'exception.approved',
  'exception.rejected',
  'exception.revoked',
  'exception.expiring',
  'exception.expired',
  'stage.ready-for-sign-off',
  'stage.reopened',
  'release.no-go',
  'score.below-target',
] as const;

/** @public */
export type SecurityMaturityEventKind =
  (typeof SECURITY_MATURITY_EVENT_KINDS)[number];

/** The events-service topic of one kind of moment. @public */
export function securityMaturityEventTopic(kind: SecurityMaturityEventKind) {
  return `security-maturity.${kind}`;
}

/**
 * The payload of every security-maturity event. It names the record, never
 * its free text (justifications stay in the component's tab).
 *
 * @public
 */
export type SecurityMaturityEvent = {
  kind: SecurityMaturityEventKind;
  /** The component (normalised entity ref). */
  entityRef: string;
  /** The record the moment is about. */
  record: {
    type: 'exception' | 'stage' | 'release' | 'score';
    id: string;
  };
  /** Who caused it: a user ref, or `plugin:security-maturity` for the clock. */
  actor: string;
  /** ISO time of the moment. */
  at: string;
  /**
   * Facts about the moment: for exceptions `controlId`, `requestedBy`,
   * `expiresAt`, and for reminders `threshold` (the configured days before
   * expiry reminded of, 0 on expiry) and `daysLeft`; for stages `stageId`
   * and `reason`; for scores `overall` and `target`.
   */
  details: Record<string, string | number | null>;
};
