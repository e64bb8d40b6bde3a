/**
 * Runs `fn`, retrying while another replica holds knex's migration lock or is
 * creating knex's bookkeeping tables. When several replicas start at once,
 * this plugin's migrations and the scheduler's (run when a task is first
 * scheduled) both hit that race; the losers wait (up to a minute) instead of
 * aborting the backend's start.
 */
export async function waitForOtherReplicas<T>(
  fn: () => Promise<T>,
  timeoutMs = 60_000,
  /** Runs before each retry after knex reported its lock as taken. */
  onLocked?: () => Promise<void>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      const message = String((error as Error)?.message);
      // On PostgreSQL a concurrent CREATE TABLE can also collide in pg_type.
      const racing =
        /already locked/i.test(message) ||
        /knex_migrations/.test(message) ||
        /pg_type_typname_nsp_index/.test(message);
      if (!racing || Date.now() > deadline) {
        throw error;
      }
      if (onLocked && /already locked/i.test(message)) {
        await onLocked().catch(() => {});
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}
