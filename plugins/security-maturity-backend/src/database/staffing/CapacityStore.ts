import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';

/** A partner's stored capacity in one quarter. */
export type StoredCapacity = {
  partnerRef: string;
  quarter: string;
  capacity: number;
  version: number;
};

/** A capacity to write, guarded by the version read (0: a new row). */
export type CapacityWrite = {
  partnerRef: string;
  quarter: string;
  capacity: number;
  version: number;
};

/** Security partners' capacity per quarter (the partner_capacity table). */
export class DatabaseCapacityStore {
  constructor(private readonly db: Knex) {}

  /** The capacities stored for these quarters, every partner. */
  async list(quarters: string[]): Promise<StoredCapacity[]> {
    if (quarters.length === 0) return [];
    const rows = await this.db('partner_capacity')
      .whereIn('quarter', [...new Set(quarters)])
      .orderBy(['quarter', 'partner_ref']);
    return rows.map(r => ({
      partnerRef: r.partner_ref,
      quarter: r.quarter,
      capacity: Number(r.capacity),
      version: Number(r.version),
    }));
  }

  /**
   * Writes the capacities in one transaction: all or none. A row changed
   * since its version was read (or created since it was read absent) is a
   * 409 naming the partner and quarter.
   */
  async save(writes: CapacityWrite[], actor: string, now: Date) {
    if (writes.length === 0) return;
    await this.db.transaction(async tx => {
      for (const w of writes) {
        const where = { partner_ref: w.partnerRef, quarter: w.quarter };
        const stamp = { updated_at: now, updated_by: actor };
        const what = `The capacity of ${w.partnerRef} in ${w.quarter}`;
        if (w.version === 0) {
          try {
            await tx('partner_capacity').insert({
              ...where,
              capacity: w.capacity,
              version: 1,
              ...stamp,
            });
          } catch (error) {
            if (isDatabaseConflictError(error)) {
              throw new ConflictError(
                `${what} was just set by someone else; reload and try again`,
              );
            }
            throw error;
          }
          continue;
        }
        const count = await tx('partner_capacity')
          .where({ ...where, version: w.version })
          .update({ capacity: w.capacity, version: w.version + 1, ...stamp });
        if (count !== 1) {
          const current = await tx('partner_capacity').where(where).first();
          throw new ConflictError(
            current
              ? `${what} was changed by ${current.updated_by} (now version ${current.version}); reload and try again`
              : `${what} does not exist any more (you edited version ${w.version}); reload and try again`,
          );
        }
      }
    });
  }
}
