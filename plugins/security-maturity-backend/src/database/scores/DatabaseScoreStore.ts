import {
  normalizeEntityRef,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { DataVersion } from '../DataVersion';
import { isPostgres } from '../engine';
import { ColumnTypes, readColumnTypes, upsertRows } from '../upsertRows';
import { practiceColumn, ScoreRow } from './ScoreRow';
import { ScoreStore, ScoreWrite, ScoringStateScore } from './ScoreStore';

/** A snapshot's practice columns, the same as entity_scores' (`p_g_sm`). */
const SNAPSHOT_PRACTICES = SAMM_PRACTICES.map(p => practiceColumn(p.id));

/** The columns of a snapshot besides its key, in the order copySnapshots selects them. */
const SNAPSHOT_VALUES = [
  'overall',
  'functions',
  'practices',
  'fn_g',
  'fn_d',
  'fn_i',
  'fn_v',
  'fn_o',
  ...SNAPSHOT_PRACTICES,
];

/** The score store on the plugin's knex database, with PostgreSQL fast paths. */
export class DatabaseScoreStore implements ScoreStore {
  constructor(
    private readonly db: Knex,
    private readonly changes: DataVersion = new DataVersion(db),
  ) {}

  async readStates(
    entityRefs: string[],
  ): Promise<Map<string, ScoringStateScore>> {
    const rows = await this.db('entity_scores')
      .whereIn('entity_ref', entityRefs.map(normalizeEntityRef))
      .select('entity_ref', 'fingerprint', 'inputs_fingerprint', 'valid_until');
    const states = new Map<string, ScoringStateScore>();
    for (const r of rows) {
      states.set(r.entity_ref, {
        fingerprint: r.fingerprint,
        inputs: r.inputs_fingerprint,
        validUntil:
          r.valid_until === null ? null : new Date(r.valid_until).getTime(),
      });
    }
    return states;
  }

  /**
   * The day's snapshot for entities whose score was not recomputed (unchanged
   * and still valid), copied from their stored score where the day has none
   * yet, so that every entity has a point on every day's trend.
   */
  async snapshotUnchanged(entityRefs: string[], day: string): Promise<void> {
    // The first run of a day writes a snapshot for every component, later
    // runs that day find them there.
    await this.copySnapshots(this.db, entityRefs, day, 'keep');
    await this.changes.bump();
  }

  /**
   * Writes the day's snapshot of scores as entity_scores holds them, copied
   * inside the database: no row travels, and a snapshot always shows the
   * newest score, also where a write of an older computation was refused.
   * Deciding by the primary key alone keeps the plan the same whatever the
   * statistics say about the day (a join on the day, planned from statistics
   * that had not seen it yet, scanned the whole day per page). The functions
   * JSON is spelled with || to work on every engine.
   */
  private async copySnapshots(
    db: Knex | Knex.Transaction,
    entityRefs: string[],
    day: string,
    existing: 'keep' | 'replace',
  ): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += 500) {
      const refs = entityRefs.slice(i, i + 500);
      await db.raw(
        `INSERT INTO score_snapshots
           (entity_ref, day, ${SNAPSHOT_VALUES.join(', ')})
         SELECT entity_ref, ?, overall,
           '{"G":' || fn_g || ',"D":' || fn_d || ',"I":' || fn_i ||
             ',"V":' || fn_v || ',"O":' || fn_o || '}',
           practices, fn_g, fn_d, fn_i, fn_v, fn_o,
           ${SNAPSHOT_PRACTICES.join(', ')}
         FROM entity_scores
         WHERE entity_ref IN (${refs.map(() => '?').join(', ')})
         ON CONFLICT (entity_ref, day) DO ${
           existing === 'keep'
             ? 'NOTHING'
             : `UPDATE SET ${SNAPSHOT_VALUES.map(
                 c => `${c} = excluded.${c}`,
               ).join(', ')}`
         }`,
        [day, ...refs],
      );
    }
  }

  /**
   * Writes a page of scores in bulk: changed rows in full, the day's snapshot
   * of every recomputed score, and only the computed time of the rest.
   */
  async saveScores(options: ScoreWrite): Promise<void> {
    const { changed, snapshotRefs, day, unchangedRefs, computedAt } = options;
    if (!changed.length && !snapshotRefs.length && !unchangedRefs.length)
      return;
    await this.db.transaction(async tx => {
      // A score computed later (a record change rescoring its entity while a
      // scheduled run, perhaps on another replica, is under way) is never
      // replaced by one computed earlier.
      await this.upsert(tx, 'entity_scores', ['entity_ref'], changed, {
        newerThan: 'computed_at',
      });
      await this.copySnapshots(tx, snapshotRefs, day, 'replace');
      for (let i = 0; i < unchangedRefs.length; i += 500) {
        await tx('entity_scores')
          .whereIn('entity_ref', unchangedRefs.slice(i, i + 500))
          .where('computed_at', '<', computedAt)
          .update({ computed_at: computedAt });
      }
    });
    await this.changes.bump();
  }

  /** Inserts or replaces rows that all have the same columns. */
  private async upsert(
    tx: Knex.Transaction,
    table: string,
    key: string[],
    rows: object[],
    options: { newerThan?: string } = {},
  ) {
    if (!rows.length) return;
    await upsertRows(tx, table, key, rows as Record<string, unknown>[], {
      ...options,
      columnTypes: await this.columnTypesOf(table),
    });
  }

  // Column types by table, read once: PostgreSQL's bulk upsert casts to them.
  private readonly columnTypes = new Map<string, Promise<ColumnTypes>>();

  private columnTypesOf(table: string): Promise<ColumnTypes> | undefined {
    if (!isPostgres(this.db)) return undefined;
    let types = this.columnTypes.get(table);
    if (!types) {
      types = readColumnTypes(this.db, table);
      // A failed read is tried again next time, not remembered.
      types.catch(() => this.columnTypes.delete(table));
      this.columnTypes.set(table, types);
    }
    return types;
  }

  async getScoreRow(entityRef: string): Promise<ScoreRow | undefined> {
    return this.db('entity_scores')
      .where({ entity_ref: normalizeEntityRef(entityRef) })
      .first();
  }

  async getScoreHistory(entityRef: string, sinceDay: string) {
    const rows = await this.db('score_snapshots')
      .where({ entity_ref: normalizeEntityRef(entityRef) })
      .where('day', '>=', sinceDay)
      .orderBy('day', 'asc');
    return rows.map(r => ({
      day: r.day as string,
      overall: Number(r.overall),
      functions: JSON.parse(r.functions),
      practices: JSON.parse(r.practices),
    }));
  }

  async putSnapshots(day: string, rows: ScoreRow[]): Promise<void> {
    if (!rows.length) return;
    await this.db('score_snapshots')
      .insert(
        rows.map(r => ({
          entity_ref: r.entity_ref,
          day,
          overall: r.overall,
          functions: JSON.stringify({
            G: r.fn_g,
            D: r.fn_d,
            I: r.fn_i,
            V: r.fn_v,
            O: r.fn_o,
          }),
          practices: r.practices,
          fn_g: r.fn_g,
          fn_d: r.fn_d,
          fn_i: r.fn_i,
          fn_v: r.fn_v,
          fn_o: r.fn_o,
          ...Object.fromEntries(SNAPSHOT_PRACTICES.map(c => [c, r[c]])),
        })),
      )
      .onConflict(['entity_ref', 'day'])
      .merge(SNAPSHOT_VALUES);
    await this.changes.bump();
  }

  /** Deletes snapshots older than the retention; returns how many. */
  async pruneSnapshots(beforeDay: string): Promise<number> {
    const pruned = await this.db('score_snapshots')
      .where('day', '<', beforeDay)
      .delete();
    if (pruned) await this.changes.bump();
    return pruned;
  }
}
