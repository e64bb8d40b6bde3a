import { DAY_MS } from '@secmat/backstage-plugin-security-maturity-common';

/** Whole days from now until an ISO time, rounded up; negative once past. */
export const daysUntil = (iso: string) =>
  Math.ceil((new Date(iso).getTime() - Date.now()) / DAY_MS);
