/** An exception whose expiry is near or recent, with the reminders it had. */
export type ExpiryCandidate = {
  entityRef: string;
  exceptionId: string;
  controlId: string;
  status: 'approved' | 'expired';
  expiresAt: string;
  /** Thresholds already reminded of (days before expiry; 0 on expiry). */
  sent: number[];
};

export type ReminderKey = {
  entityRef: string;
  exceptionId: string;
  daysBefore: number;
};

/** What the reminder task has sent, so each reminder goes out once. */
export interface ReminderStore {
  /**
   * Approved exceptions expiring before `horizon`, and exceptions expired
   * since `expiredSince`, with the thresholds already sent (two queries).
   */
  findExpiryCandidates(options: {
    horizon: Date;
    expiredSince: Date;
  }): Promise<ExpiryCandidate[]>;
  /**
   * Claims reminders before they are sent: returns those this caller claimed;
   * a reminder another replica (or an earlier run) claimed is left out.
   */
  claim(keys: ReminderKey[], now: Date): Promise<ReminderKey[]>;
  /** Gives a claim back when its sending failed, so the next run retries. */
  release(key: ReminderKey): Promise<void>;
  /** Exception requests waiting for a security lead, for the leads' digest. */
  countPendingRequests(): Promise<number>;
}
