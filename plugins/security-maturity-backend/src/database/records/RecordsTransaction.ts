import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { iso } from './mappers';
import { diff } from '../../domain/diff';
import { Family, toRow } from './tables';
import { EvidenceTransaction } from '../evidence/DatabaseEvidenceStore';

/**
 * One change to one entity's records, inside one database transaction, in
 * the records' own terms: every write leaves a history row (the caller says
 * what changed), and every edit is guarded by the version the caller read.
 * The transaction itself is not handed out.
 */
/** A history row as this transaction wrote it: what changed, in its terms. */
export type WrittenChange = {
  recordType: string;
  recordId: string;
  action: string;
  changes: Record<string, unknown>;
};

export class RecordsTransaction {
  /** The history rows written so far: what the change did, for notifying. */
  readonly written: WrittenChange[] = [];

  constructor(
    private readonly tx: Knex.Transaction,
    readonly entityRef: string,
    readonly actor: string,
    readonly now: Date,
  ) {}

  async history(
    recordType: string,
    recordId: string,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    await this.tx('history').insert({
      entity_ref: this.entityRef,
      record_type: recordType,
      record_id: recordId,
      action,
      actor: this.actor,
      at: this.now,
      changes: JSON.stringify(changes),
    });
    this.written.push({ recordType, recordId, action, changes });
  }

  async find<R, V, K>(family: Family<R, V, K>, key: K): Promise<R | undefined> {
    const row = await this.findRow(family, key);
    return row ? family.toRecord(row) : undefined;
  }

  /** The record that must exist, or 404 naming `what`. */
  async get<R, V, K>(family: Family<R, V, K>, key: K, what: string) {
    const record = await this.find(family, key);
    if (!record) {
      throw new NotFoundError(`${what} was not found`);
    }
    return record;
  }

  /** The records whose fields equal these values. */
  async findWhere<R, V, K>(
    family: Family<R, V, K>,
    values: Partial<V>,
  ): Promise<R[]> {
    const rows = await this.tx(family.table).where({
      entity_ref: this.entityRef,
      ...toRow(family.columns, values),
    });
    return rows.map(family.toRecord);
  }

  /** The records of these keys that exist, in one query. */
  async findMany<R, V, K>(family: Family<R, V, K>, keys: K[]): Promise<R[]> {
    if (keys.length === 0) return [];
    const rows = await this.tx(family.table)
      .where({ entity_ref: this.entityRef })
      .where(query => {
        for (const key of keys) query.orWhere(family.key(key));
      });
    return rows.map(family.toRecord);
  }

  /** A new record at version 1 (new ids are the caller's). */
  async insert<R, V, K>(family: Family<R, V, K>, key: K, values: V) {
    const row = {
      entity_ref: this.entityRef,
      ...family.key(key),
      ...toRow(family.columns, values as object),
      ...this.stamp(1),
    };
    await this.tx(family.table).insert(row);
    return family.toRecord(row);
  }

  /**
   * Creates (readVersion 0) or updates (readVersion = the version read) the
   * record with this key. Anything else is a conflict: someone changed it.
   */
  async save<R, V, K>(
    family: Family<R, V, K>,
    key: K,
    readVersion: number,
    values: V,
    what: string,
  ): Promise<R> {
    const current = await this.findRow(family, key);
    if (readVersion === 0) {
      if (current) {
        throw conflict(what, current);
      }
      try {
        return await this.insert(family, key, values);
      } catch (error) {
        // Someone created it between our read and our insert.
        if (isDatabaseConflictError(error)) {
          throw new ConflictError(
            `${what} was just created by someone else; reload and try again`,
          );
        }
        throw error;
      }
    }
    if (!current) {
      throw new ConflictError(
        `${what} does not exist any more (you edited version ${readVersion}); reload and try again`,
      );
    }
    return this.update(family, key, readVersion, values, what);
  }

  /**
   * `save`, with the history row written here: `create` or `update` and the
   * changed fields. Values may depend on the record as it was.
   */
  async saveRecorded<R extends object, V, K>(
    family: Family<R, V, K>,
    key: K,
    readVersion: number,
    values: V | ((before: R | undefined) => V),
    about: { what: string; recordType: string; recordId: string },
  ): Promise<{ before: R | undefined; after: R }> {
    const before = await this.find(family, key);
    const after = await this.save(
      family,
      key,
      readVersion,
      typeof values === 'function'
        ? (values as (b: R | undefined) => V)(before)
        : values,
      about.what,
    );
    await this.history(
      about.recordType,
      about.recordId,
      before ? 'update' : 'create',
      diff(before, after),
    );
    return { before, after };
  }

  /** Updates an existing record if it is still at readVersion. */
  async update<R, V, K>(
    family: Family<R, V, K>,
    key: K,
    readVersion: number,
    values: Partial<V>,
    what: string,
  ): Promise<R> {
    const where = { entity_ref: this.entityRef, ...family.key(key) };
    const count = await this.tx(family.table)
      .where({ ...where, version: readVersion })
      .update({
        ...toRow(family.columns, values),
        ...this.stamp(readVersion + 1),
      });
    if (count !== 1) {
      const current = await this.tx(family.table).where(where).first();
      if (!current) {
        throw new NotFoundError(`${what} was not found`);
      }
      throw conflict(what, current);
    }
    return family.toRecord(await this.tx(family.table).where(where).first());
  }

  /**
   * Deletes an existing record if it is still at readVersion (404 when it
   * is gone, 409 when someone changed it); returns it as it was.
   */
  async remove<R, V, K>(
    family: Family<R, V, K>,
    key: K,
    readVersion: number,
    what: string,
  ): Promise<R> {
    const where = { entity_ref: this.entityRef, ...family.key(key) };
    const current = await this.tx(family.table).where(where).first();
    if (!current) {
      throw new NotFoundError(`${what} was not found`);
    }
    const count = await this.tx(family.table)
      .where({ ...where, version: readVersion })
      .delete();
    if (count !== 1) {
      throw conflict(what, current);
    }
    return family.toRecord(current);
  }

  /** The evidence signals and pushed files of the entity, in this change. */
  evidence(): EvidenceTransaction {
    return new EvidenceTransaction(
      this.tx,
      this.entityRef,
      this.actor,
      this.now,
    );
  }

  private findRow<R, V, K>(family: Family<R, V, K>, key: K) {
    return this.tx(family.table)
      .where({ entity_ref: this.entityRef, ...family.key(key) })
      .first();
  }

  /** The audit columns of a row written by this transaction. */
  private stamp(version: number) {
    return { version, updated_at: this.now, updated_by: this.actor };
  }
}

function conflict(what: string, current: Record<string, any>): ConflictError {
  return new ConflictError(
    `${what} was changed by ${current.updated_by} at ${iso(
      current.updated_at,
    )} (now version ${current.version}); reload and try again`,
  );
}
