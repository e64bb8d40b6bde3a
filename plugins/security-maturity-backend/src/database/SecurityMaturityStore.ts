import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  EntityRecords,
  Page,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import * as map from './mappers';
import { waitForOtherReplicas } from './waitForOtherReplicas';
import { UnitOfWork } from './UnitOfWork';
import { isPostgres } from './engine';
import { fastTimestampOptions } from './timestamps';
import { ColumnTypes, readColumnTypes, upsertRows } from './upsertRows';

const migrationsDir = resolvePackagePath(
  '@secmat/backstage-plugin-security-maturity-backend',
  'migrations',
);

/**
 * knex inserts its migration lock row when it finds the lock table empty, so
 * replicas starting together on an empty database can each insert one. With
 * two rows nobody can ever take the lock (knex requires its update to lock
 * exactly one row) and every replica waits in vain; with two rows nobody
 * holds it either, so keeping the first row alone is safe.
 */
export async function removeDuplicateLockRows(client: Knex): Promise<void> {
  const rows = await client('knex_migrations_lock')
    .select('index')
    .orderBy('index');
  if (rows.length > 1) {
    await client('knex_migrations_lock')
      .whereIn(
        'index',
        rows.slice(1).map(r => r.index),
      )
      .delete();
  }
}

/** An entity's records as stored; requiredStageIds follows from config. */
export type StoredRecords = Omit<EntityRecords, 'requiredStageIds'>;

/** A row of entity_scores. */
export type ScoreRow = {
  entity_ref: string;
  kind: string;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  tier: string | null;
  target: number | null;
  overall: number;
  percent_to_target: number | null;
  fn_g: number;
  fn_d: number;
  fn_i: number;
  fn_v: number;
  fn_o: number;
  practices: string;
  levels: string;
  activities: string;
  computed_at: Date;
  fingerprint: string;
  snapshot_day: string;
  inputs_fingerprint: string;
  valid_until: Date | null;
  gates_required: number;
  gates_cleared: number;
  exceptions_open: number;
  exceptions_expired: number;
} & PracticeColumns;

/** What rescoring knows of an entity's stored score. */
export type ScoringStateScore = {
  fingerprint: string;
  inputs: string | null;
  /** Epoch ms from which the score may differ with time alone. */
  validUntil: number | null;
};

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
];

/** One float column per SAMM practice, e.g. `p_g_sm`, for SQL aggregation. */
export type PracticeColumns = Record<`p_${string}`, number>;

/** The column of a practice's score: `G-SM` is `p_g_sm`. */
export const practiceColumn = (practiceId: string) =>
  `p_${practiceId.toLocaleLowerCase('en-US').replace('-', '_')}` as const;

/** How many items of each list the whole-picture read includes. */
export const PICTURE_LIST_LIMIT = 100;

/** The actor of changes made by the plugin's own scheduled jobs. */
export const SYSTEM_ACTOR = 'plugin:security-maturity';

export const listTables = {
  exceptions: { order: 'requested_at', map: map.toException },
  worksheets: { order: 'started_at', map: map.toWorksheet },
  decisions: { order: 'created_at', map: map.toDecision },
  releases: { order: 'created_at', map: map.toRelease },
  history: { order: 'id', map: map.toHistory },
} as const;

export type ListTable = keyof typeof listTables;

/**
 * Knex store of the plugin. Entity refs are keyed lower-cased, because the
 * catalog compares refs case-insensitively.
 */
export class SecurityMaturityStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<SecurityMaturityStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await waitForOtherReplicas(
        () => client.migrate.latest({ directory: migrationsDir }),
        60_000,
        () => removeDuplicateLockRows(client),
      );
    }
    return new SecurityMaturityStore(client);
  }

  private readonly readOptions: Record<string, unknown>;

  private constructor(private readonly db: Knex) {
    this.readOptions = fastTimestampOptions(db);
  }

  /** The database, for the org views' read-only aggregations. */
  get client(): Knex {
    return this.db;
  }

  /** Everything the Security tab shows for one entity, in one round of reads. */
  async readPicture(entityRef: string) {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const [header, records] = await Promise.all([
      this.db('entity_records').where({ entity_ref: ref }).first(),
      this.readRecords([ref]),
    ]);
    const r = records.get(ref)!;
    const newest = <T>(items: T[]) => items.slice(0, PICTURE_LIST_LIMIT);
    return {
      header: header
        ? {
            version: Number(header.version),
            updatedAt: map.iso(header.updated_at),
            updatedBy: header.updated_by as string,
          }
        : undefined,
      ...r,
      exceptions: newest(r.exceptions),
      worksheets: newest(r.worksheets),
      decisions: newest(r.decisions),
      releases: newest(r.releases),
    };
  }

  /**
   * The records of many entities at once (one query per table, not per
   * entity), for scoring a page of the catalog. Lists come newest first.
   */
  async readRecords(entityRefs: string[]): Promise<Map<string, StoredRecords>> {
    const refs = entityRefs.map(r => r.toLocaleLowerCase('en-US'));
    const options = this.readOptions;
    const all = (table: string) =>
      this.db(table).whereIn('entity_ref', refs).options(options);
    const rows = (table: string, order: string) =>
      all(table).orderBy(order, 'desc');
    const [
      intakes,
      stages,
      rasi,
      exceptions,
      worksheets,
      decisions,
      releases,
      answers,
    ] = await Promise.all([
      all('intakes'),
      all('stages'),
      rows('rasi_assignments', 'activity_id'),
      rows('exceptions', 'requested_at'),
      rows('worksheets', 'started_at'),
      rows('decisions', 'created_at'),
      rows('releases', 'created_at'),
      rows('assessment_answers', 'activity_id'),
    ]);
    const result = new Map<string, StoredRecords>(
      refs.map(ref => [
        ref,
        {
          intake: null,
          stages: [],
          rasi: [],
          exceptions: [],
          worksheets: [],
          decisions: [],
          releases: [],
          assessment: [],
        },
      ]),
    );
    const each = <K extends keyof StoredRecords>(
      list: any[],
      key: K,
      mapper: (row: any) => any,
    ) => {
      for (const row of list) {
        const target = result.get(row.entity_ref)!;
        if (key === 'intake') {
          target.intake = mapper(row);
        } else {
          (target[key] as unknown[]).push(mapper(row));
        }
      }
    };
    each(intakes, 'intake', map.toIntake);
    each(stages, 'stages', map.toStage);
    each(rasi.reverse(), 'rasi', map.toRasi);
    each(exceptions, 'exceptions', map.toException);
    each(worksheets, 'worksheets', map.toWorksheet);
    each(decisions, 'decisions', map.toDecision);
    each(releases, 'releases', map.toRelease);
    each(answers.reverse(), 'assessment', map.toAnswer);
    return result;
  }

  /**
   * What rescoring needs to know of a page of entities before reading their
   * records: the stored score's fingerprints and validity, and
   * the records' version.
   */
  async getScoringState(
    entityRefs: string[],
  ): Promise<Map<string, { version: number; score?: ScoringStateScore }>> {
    const refs = entityRefs.map(r => r.toLocaleLowerCase('en-US'));
    const [scores, headers] = await Promise.all([
      this.db('entity_scores')
        .whereIn('entity_ref', refs)
        .select(
          'entity_ref',
          'fingerprint',
          'inputs_fingerprint',
          'valid_until',
        ),
      this.db('entity_records')
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'version'),
    ]);
    const state = new Map<
      string,
      { version: number; score?: ScoringStateScore }
    >(refs.map(ref => [ref, { version: 0 }]));
    for (const h of headers)
      state.get(h.entity_ref)!.version = Number(h.version);
    for (const r of scores) {
      state.get(r.entity_ref)!.score = {
        fingerprint: r.fingerprint,
        inputs: r.inputs_fingerprint,
        validUntil:
          r.valid_until === null ? null : new Date(r.valid_until).getTime(),
      };
    }
    return state;
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
           practices, fn_g, fn_d, fn_i, fn_v, fn_o
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
  async saveScores(options: {
    changed: ScoreRow[];
    /** Recomputed entities, whose snapshot of the day is written anew. */
    snapshotRefs: string[];
    day: string;
    unchangedRefs: string[];
    computedAt: Date;
  }): Promise<void> {
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
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .first();
  }

  async getScoreHistory(entityRef: string, sinceDay: string) {
    const rows = await this.db('score_snapshots')
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .where('day', '>=', sinceDay)
      .orderBy('day', 'asc');
    return rows.map(r => ({
      day: r.day as string,
      overall: Number(r.overall),
      functions: JSON.parse(r.functions),
      practices: JSON.parse(r.practices),
    }));
  }

  /** Deletes snapshots older than the retention; returns how many. */
  async pruneSnapshots(beforeDay: string): Promise<number> {
    return this.db('score_snapshots').where('day', '<', beforeDay).delete();
  }

  async listPage<T extends ListTable>(
    table: T,
    entityRef: string,
    limit: number,
    offset: number,
  ): Promise<Page<ReturnType<(typeof listTables)[T]['map']>>> {
    const key = { entity_ref: entityRef.toLocaleLowerCase('en-US') };
    const [rows, [{ count }]] = await Promise.all([
      this.db(table)
        .where(key)
        // id breaks ties, so pages never overlap or skip rows.
        .orderBy([
          { column: listTables[table].order, order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(limit)
        .offset(offset),
      this.db(table).where(key).count({ count: '*' }),
    ]);
    const mapper = listTables[table].map as (row: any) => any;
    return { items: rows.map(mapper), totalCount: Number(count) };
  }

  /**
   * Runs one change to one entity's records in a transaction and bumps the
   * entity's record header (version, who, when) with it.
   */
  async mutate<T>(
    entityRef: string,
    actor: string,
    fn: (uow: UnitOfWork) => Promise<T>,
  ): Promise<T> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    return this.db.transaction(async tx => {
      const uow = new UnitOfWork(tx, ref, actor, new Date());
      const result = await fn(uow);
      await tx('entity_records')
        .insert({
          entity_ref: ref,
          version: 1,
          created_at: uow.now,
          updated_at: uow.now,
          updated_by: actor,
        })
        .onConflict('entity_ref')
        .merge({
          version: tx.raw('?? + 1', ['entity_records.version']),
          updated_at: uow.now,
          updated_by: actor,
        });
      return result;
    });
  }

  /**
   * Marks approved exceptions whose expiry has passed as expired, with history
   * rows, in one transaction. Idempotent: a second run finds nothing to do.
   */
  async expireExceptions(
    now: Date,
  ): Promise<{ expired: number; entityRefs: string[] }> {
    return this.db.transaction(async tx => {
      const due = await tx('exceptions')
        .where({ status: 'approved' })
        .where('expires_at', '<=', now)
        .select('id', 'entity_ref', 'version');
      if (due.length === 0) {
        return { expired: 0, entityRefs: [] };
      }
      let expired = 0;
      // Chunked to keep the IN lists within every engine's bind limit.
      for (let i = 0; i < due.length; i += 500) {
        const chunk = due.slice(i, i + 500);
        const ids = chunk.map(r => r.id);
        expired += await tx('exceptions')
          .whereIn('id', ids)
          .where({ status: 'approved' })
          .update({
            status: 'expired',
            version: tx.raw('?? + 1', ['version']),
            updated_at: now,
            updated_by: SYSTEM_ACTOR,
          });
        await tx('history').insert(
          chunk.map(r => ({
            entity_ref: r.entity_ref,
            record_type: 'exception',
            record_id: r.id,
            action: 'expire',
            actor: SYSTEM_ACTOR,
            at: now,
            changes: JSON.stringify({
              status: { from: 'approved', to: 'expired' },
            }),
          })),
        );
        await tx('entity_records')
          .whereIn('entity_ref', [...new Set(chunk.map(r => r.entity_ref))])
          .update({
            version: tx.raw('?? + 1', ['version']),
            updated_at: now,
            updated_by: SYSTEM_ACTOR,
          });
      }
      return {
        expired,
        entityRefs: [...new Set(due.map(r => r.entity_ref as string))],
      };
    });
  }
}
