import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Page } from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import * as map from './mappers';
import { UnitOfWork } from './UnitOfWork';

const migrationsDir = resolvePackagePath(
  '@secmat/backstage-plugin-security-maturity-backend',
  'migrations',
);

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
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new SecurityMaturityStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Everything the Security tab shows for one entity, in one round of reads. */
  async readPicture(entityRef: string) {
    const key = { entity_ref: entityRef.toLocaleLowerCase('en-US') };
    const newest = (table: ListTable) =>
      this.db(table)
        .where(key)
        .orderBy(listTables[table].order, 'desc')
        .limit(PICTURE_LIST_LIMIT);
    const [
      header,
      intake,
      stages,
      rasi,
      exceptions,
      worksheets,
      decisions,
      releases,
      answers,
    ] = await Promise.all([
      this.db('entity_records').where(key).first(),
      this.db('intakes').where(key).first(),
      this.db('stages').where(key),
      this.db('rasi_assignments').where(key).orderBy('activity_id'),
      newest('exceptions'),
      newest('worksheets'),
      newest('decisions'),
      newest('releases'),
      this.db('assessment_answers').where(key).orderBy('activity_id'),
    ]);
    return {
      header: header
        ? {
            version: Number(header.version),
            updatedAt: map.iso(header.updated_at),
            updatedBy: header.updated_by as string,
          }
        : undefined,
      intake: intake ? map.toIntake(intake) : null,
      stages: stages.map(map.toStage),
      rasi: rasi.map(map.toRasi),
      exceptions: exceptions.map(map.toException),
      worksheets: worksheets.map(map.toWorksheet),
      decisions: decisions.map(map.toDecision),
      releases: releases.map(map.toRelease),
      assessment: answers.map(map.toAnswer),
    };
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
  async expireExceptions(now: Date): Promise<number> {
    return this.db.transaction(async tx => {
      const due = await tx('exceptions')
        .where({ status: 'approved' })
        .where('expires_at', '<=', now)
        .select('id', 'entity_ref', 'version');
      if (due.length === 0) {
        return 0;
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
      return expired;
    });
  }
}
