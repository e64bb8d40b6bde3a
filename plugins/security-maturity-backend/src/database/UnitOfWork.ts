import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { iso } from './mappers';

type Row = Record<string, any>;

/**
 * One change to one entity's records, inside one transaction: every write goes
 * through `tx`, every change leaves a history row, and every edit is guarded by
 * the version the caller read.
 */
export class UnitOfWork {
  constructor(
    readonly tx: Knex.Transaction,
    readonly entityRef: string,
    readonly actor: string,
    readonly now: Date,
  ) {}

  /** The audit columns of a row written by this unit of work. */
  stamp(version: number) {
    return { version, updated_at: this.now, updated_by: this.actor };
  }

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
  }

  async find(table: string, key: Row): Promise<Row | undefined> {
    return this.tx(table)
      .where({ entity_ref: this.entityRef, ...key })
      .first();
  }

  /** Reads a row that must exist, or answers 404. */
  async get(table: string, key: Row, what: string): Promise<Row> {
    const row = await this.find(table, key);
    if (!row) {
      throw new NotFoundError(`${what} was not found`);
    }
    return row;
  }

  /**
   * Creates (expectedVersion 0) or updates (expectedVersion = the version read)
   * the row with this key. Anything else is a conflict: someone changed it since.
   */
  async saveVersioned(
    table: string,
    key: Row,
    expectedVersion: number,
    values: Row,
    what: string,
  ): Promise<Row> {
    const current = await this.find(table, key);
    if (expectedVersion === 0) {
      if (current) {
        throw conflict(what, current);
      }
      const row = {
        entity_ref: this.entityRef,
        ...key,
        ...values,
        ...this.stamp(1),
      };
      try {
        await this.tx(table).insert(row);
      } catch (error) {
        // Someone created it between our read and our insert.
        if (isDatabaseConflictError(error)) {
          throw new ConflictError(
            `${what} was just created by someone else; reload and try again`,
          );
        }
        throw error;
      }
      return row;
    }
    if (!current) {
      throw new ConflictError(
        `${what} does not exist any more (you edited version ${expectedVersion}); reload and try again`,
      );
    }
    return this.updateVersioned(table, key, expectedVersion, values, what);
  }

  /** Updates an existing row if it is still at expectedVersion. */
  async updateVersioned(
    table: string,
    key: Row,
    expectedVersion: number,
    values: Row,
    what: string,
  ): Promise<Row> {
    const where = { entity_ref: this.entityRef, ...key };
    const count = await this.tx(table)
      .where({ ...where, version: expectedVersion })
      .update({ ...values, ...this.stamp(expectedVersion + 1) });
    if (count !== 1) {
      const current = await this.tx(table).where(where).first();
      if (!current) {
        throw new NotFoundError(`${what} was not found`);
      }
      throw conflict(what, current);
    }
    return (await this.tx(table).where(where).first()) as Row;
  }
}

function conflict(what: string, current: Row): ConflictError {
  return new ConflictError(
    `${what} was changed by ${current.updated_by} at ${iso(
      current.updated_at,
    )} (now version ${current.version}); reload and try again`,
  );
}
