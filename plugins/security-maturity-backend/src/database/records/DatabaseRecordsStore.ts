import {
  normalizeEntityRef,
  Page,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { DataVersion } from '../DataVersion';
import { fastTimestampOptions } from '../timestamps';
import * as map from './mappers';
import {
  DueException,
  emptyStoredRecords,
  ListedRecords,
  ListName,
  RecordsHeader,
  RecordsStore,
  StoredRecords,
} from './RecordsStore';
import { RecordsTransaction } from './RecordsTransaction';

/** How many items of each list the whole-picture read includes. */
export const PICTURE_LIST_LIMIT = 100;

const lists: {
  [L in ListName]: { order: string; map: (row: any) => ListedRecords[L] };
} = {
  exceptions: { order: 'requested_at', map: map.toException },
  worksheets: { order: 'started_at', map: map.toWorksheet },
  decisions: { order: 'created_at', map: map.toDecision },
  releases: { order: 'created_at', map: map.toRelease },
  history: { order: 'id', map: map.toHistory },
};

/** The records store on the plugin's knex database. */
export class DatabaseRecordsStore implements RecordsStore {
  private readonly readOptions: Record<string, unknown>;

  constructor(
    private readonly db: Knex,
    private readonly changes: DataVersion = new DataVersion(db),
  ) {
    this.readOptions = fastTimestampOptions(db);
  }

  async readPicture(entityRef: string) {
    const ref = normalizeEntityRef(entityRef);
    const [header, records] = await Promise.all([
      this.db('entity_records').where({ entity_ref: ref }).first(),
      this.readRecords([ref]),
    ]);
    const r = records.get(ref)!;
    const newest = <T>(items: T[]) => items.slice(0, PICTURE_LIST_LIMIT);
    const stored: RecordsHeader | undefined = header
      ? {
          version: Number(header.version),
          updatedAt: map.iso(header.updated_at),
          updatedBy: header.updated_by as string,
        }
      : undefined;
    return {
      header: stored,
      ...r,
      exceptions: newest(r.exceptions),
      worksheets: newest(r.worksheets),
      decisions: newest(r.decisions),
      releases: newest(r.releases),
    };
  }

  async readRecords(entityRefs: string[]): Promise<Map<string, StoredRecords>> {
    const refs = entityRefs.map(normalizeEntityRef);
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
      refs.map(ref => [ref, emptyStoredRecords()]),
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

  async readRasi(entityRef: string) {
    const rows = await this.db('rasi_assignments')
      .where({ entity_ref: normalizeEntityRef(entityRef) })
      .orderBy('activity_id')
      .options(this.readOptions);
    return rows.map(map.toRasi);
  }

  async readVersions(entityRefs: string[]): Promise<Map<string, number>> {
    const refs = entityRefs.map(normalizeEntityRef);
    const versions = new Map<string, number>(refs.map(ref => [ref, 0]));
    const headers = await this.db('entity_records')
      .whereIn('entity_ref', refs)
      .select('entity_ref', 'version');
    for (const h of headers) versions.set(h.entity_ref, Number(h.version));
    return versions;
  }

  async listPage<L extends ListName>(
    list: L,
    entityRef: string,
    limit: number,
    offset: number,
  ): Promise<Page<ListedRecords[L]>> {
    const key = { entity_ref: normalizeEntityRef(entityRef) };
    const [rows, [{ count }]] = await Promise.all([
      this.db(list)
        .where(key)
        // id breaks ties, so pages never overlap or skip rows.
        .orderBy([
          { column: lists[list].order, order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(limit)
        .offset(offset),
      this.db(list).where(key).count({ count: '*' }),
    ]);
    return { items: rows.map(lists[list].map), totalCount: Number(count) };
  }

  async mutate<T>(
    entityRef: string,
    actor: string,
    fn: (tx: RecordsTransaction) => Promise<T>,
    now: Date = new Date(),
  ): Promise<T> {
    const ref = normalizeEntityRef(entityRef);
    const result = await this.db.transaction(async tx => {
      const changed = await fn(new RecordsTransaction(tx, ref, actor, now));
      await tx('entity_records')
        .insert({
          entity_ref: ref,
          version: 1,
          created_at: now,
          updated_at: now,
          updated_by: actor,
        })
        .onConflict('entity_ref')
        .merge({
          version: tx.raw('?? + 1', ['entity_records.version']),
          updated_at: now,
          updated_by: actor,
        });
      return changed;
    });
    await this.changes.bump();
    return result;
  }

  async hasAnyRecords(): Promise<boolean> {
    return Boolean(
      await this.db('entity_records').select('entity_ref').first(),
    );
  }

  async findDueExceptions(now: Date): Promise<DueException[]> {
    const rows = await this.db('exceptions')
      .where({ status: 'approved' })
      .where('expires_at', '<=', now)
      .orderBy('entity_ref')
      .select('id', 'entity_ref');
    return rows.map(r => ({ entityRef: r.entity_ref, id: r.id }));
  }
}
