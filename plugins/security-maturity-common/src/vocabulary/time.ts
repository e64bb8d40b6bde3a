/** One day in milliseconds. @public */
export const DAY_MS = 86_400_000;

/** The ISO day (`YYYY-MM-DD`) `days` days before `now`. @public */
export function isoDayBefore(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}
