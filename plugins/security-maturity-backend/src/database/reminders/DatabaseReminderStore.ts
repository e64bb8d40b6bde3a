import { Knex } from 'knex';
import { iso } from '../records/mappers';
import { ExpiryCandidate, ReminderKey, ReminderStore } from './ReminderStore';

/** The reminder store on the plugin's knex database. */
export class DatabaseReminderStore implements ReminderStore {
  constructor(private readonly db: Knex) {}

  async findExpiryCandidates(options: {
    horizon: Date;
    expiredSince: Date;
  }): Promise<ExpiryCandidate[]> {
    const rows = await this.db('exceptions')
      .where(q =>
        q
          .where({ status: 'approved' })
          .where('expires_at', '<=', options.horizon),
      )
      .orWhere(q =>
        q
          .where({ status: 'expired' })
          .where('expires_at', '>=', options.expiredSince),
      )
      .orderBy('expires_at')
      .select('entity_ref', 'id', 'control_id', 'status', 'expires_at');
    if (rows.length === 0) return [];
    const sent = await this.db('reminders_sent')
      .whereIn(
        'exception_id',
        rows.map(r => r.id),
      )
      .select('exception_id', 'days_before');
    const sentById = new Map<string, number[]>();
    for (const s of sent) {
      sentById.set(s.exception_id, [
        ...(sentById.get(s.exception_id) ?? []),
        Number(s.days_before),
      ]);
    }
    return rows.map(r => ({
      entityRef: r.entity_ref,
      exceptionId: r.id,
      controlId: r.control_id,
      status: r.status,
      expiresAt: iso(r.expires_at),
      sent: sentById.get(r.id) ?? [],
    }));
  }

  async claim(keys: ReminderKey[], now: Date): Promise<ReminderKey[]> {
    const claimed: ReminderKey[] = [];
    // In slices, within SQLite's limit of bound variables per statement.
    for (let i = 0; i < keys.length; i += 500) {
      claimed.push(...(await this.claimSlice(keys.slice(i, i + 500), now)));
    }
    return claimed;
  }

  private async claimSlice(keys: ReminderKey[], now: Date) {
    if (keys.length === 0) return [];
    // Inserts that lose a race to another replica are ignored, and RETURNING
    // gives back only the rows this statement inserted.
    const claimed = await this.db('reminders_sent')
      .insert(
        keys.map(k => ({
          entity_ref: k.entityRef,
          exception_id: k.exceptionId,
          days_before: k.daysBefore,
          sent_at: now,
        })),
      )
      .onConflict(['entity_ref', 'exception_id', 'days_before'])
      .ignore()
      .returning(['entity_ref', 'exception_id', 'days_before']);
    return (claimed as any[]).map(r => ({
      entityRef: r.entity_ref,
      exceptionId: r.exception_id,
      daysBefore: Number(r.days_before),
    }));
  }

  async release(key: ReminderKey): Promise<void> {
    await this.db('reminders_sent')
      .where({
        entity_ref: key.entityRef,
        exception_id: key.exceptionId,
        days_before: key.daysBefore,
      })
      .delete();
  }

  async countPendingRequests(): Promise<number> {
    const [{ count }] = await this.db('exceptions')
      .where({ status: 'requested' })
      .count({ count: '*' });
    return Number(count);
  }
}
