import { Knex } from 'knex';

/**
 * The count of changes to records and scores, kept in the shared database so
 * that every replica sees it. Writers bump it after they commit; readers read
 * it before they compute. A view cached under a count therefore never hides a
 * change committed before that count was read: the change's bump moves the
 * count past it (see org/ViewCache.ts).
 */
export class DataVersion {
  constructor(private readonly db: Knex) {}

  async read(): Promise<number> {
    const row = await this.db('data_version').where({ id: 1 }).first('version');
    return Number(row?.version ?? 0);
  }

  /**
   * Called after a commit. A failed bump must not turn a committed change
   * into an error for its caller (a retry would then conflict); the caches'
   * time limit bounds how long a view may miss it.
   */
  async bump(): Promise<void> {
    try {
      await this.db('data_version').where({ id: 1 }).increment('version', 1);
    } catch {
      // See above: the change is committed; the cache expires on its own.
    }
  }
}
