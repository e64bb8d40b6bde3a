import {
  EvidenceFormat,
  EvidenceSignal,
  EvidenceUploadResult,
  normalizeEntityRef,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { iso } from '../records/mappers';
import { DataVersion } from '../DataVersion';
import { fastTimestampOptions } from '../timestamps';
import {
  CollectedWrite,
  EvidenceStore,
  SignalWithState,
  SignalWrite,
  UploadWrite,
} from './EvidenceStore';
import { signalHash } from './signalHash';

const SIGNALS = 'evidence_signals';
const UPLOADS = 'evidence_uploads';

/** Rows per insert: well under SQLite's bind-parameter limit. */
const CHUNK = 500;

function toSignal(row: any): EvidenceSignal {
  const signal: EvidenceSignal = {
    entityRef: row.entity_ref,
    source: row.source,
    key: row.key,
    value: JSON.parse(row.value),
    observedAt: iso(row.observed_at),
  };
  if (row.valid_until !== null && row.valid_until !== undefined) {
    signal.validUntil = iso(row.valid_until);
  }
  if (row.link) signal.link = row.link;
  return signal;
}

function toRow(
  signal: SignalWrite,
  recordedBy: string,
  now: Date,
  uploadId?: string,
) {
  return {
    entity_ref: normalizeEntityRef(signal.entityRef),
    source: signal.source,
    key: signal.key,
    value: JSON.stringify(signal.value),
    state: signal.state === undefined ? null : JSON.stringify(signal.state),
    observed_at: new Date(signal.observedAt),
    valid_until: signal.validUntil ? new Date(signal.validUntil) : null,
    link: signal.link ?? null,
    hash: signalHash(signal),
    upload_id: uploadId ?? null,
    recorded_at: now,
    recorded_by: recordedBy,
  };
}

/**
 * The rows of `db` that are the newest of their entity, source and key:
 * the current signals.
 */
function currentRows(db: Knex | Knex.Transaction, refs: string[]) {
  return db(`${SIGNALS} as s`)
    .whereIn('s.entity_ref', refs)
    .whereNotExists(newer =>
      newer
        .select(db.raw('1'))
        .from(`${SIGNALS} as n`)
        .whereRaw(
          `n.entity_ref = s.entity_ref AND n.source = s.source AND n.${'key'} = s.${'key'}
           AND (n.observed_at > s.observed_at OR (n.observed_at = s.observed_at AND n.id > s.id))`,
        ),
    );
}

/** Inserts signal rows, skipping those whose content is already stored. */
async function insertSignals(
  tx: Knex | Knex.Transaction,
  rows: Array<Record<string, unknown>>,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx(SIGNALS)
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(['entity_ref', 'source', 'key', 'hash'])
      .ignore();
  }
}

/**
 * The evidence part of one change to one entity's records: used inside the
 * records transaction, so a push is written with its history row and version
 * bump, or not at all.
 */
export class EvidenceTransaction {
  constructor(
    private readonly tx: Knex.Transaction,
    private readonly entityRef: string,
    private readonly actor: string,
    private readonly now: Date,
  ) {}

  /** The entity's current signals of one source, with their state. */
  async current(source: string): Promise<SignalWithState[]> {
    const rows = await currentRows(this.tx, [this.entityRef])
      .where('s.source', source)
      .select('s.*');
    return rows.map(row => ({
      ...toSignal(row),
      ...(row.state ? { state: JSON.parse(row.state) } : {}),
    }));
  }

  /** Stores a pushed file and the signals it was summarised into. */
  async insertUpload(
    upload: UploadWrite,
    signals: SignalWrite[],
    result: Omit<EvidenceUploadResult, 'unchanged'>,
  ): Promise<string> {
    const id = randomUUID();
    await this.tx(UPLOADS).insert({
      id,
      entity_ref: this.entityRef,
      format: upload.format,
      sha256: upload.sha256,
      size: upload.size,
      raw: upload.raw ?? null,
      summary: JSON.stringify(result),
      link: upload.link ?? null,
      received_at: this.now,
      received_by: this.actor,
    });
    await insertSignals(
      this.tx,
      signals.map(s => toRow(s, this.actor, this.now, id)),
    );
    return id;
  }
}

/** The evidence store on the plugin's knex database. */
export class DatabaseEvidenceStore implements EvidenceStore {
  private readonly readOptions: Record<string, unknown>;

  constructor(private readonly db: Knex) {
    this.readOptions = fastTimestampOptions(db);
  }

  async readCurrent(
    entityRefs: string[],
  ): Promise<Map<string, EvidenceSignal[]>> {
    const refs = [...new Set(entityRefs.map(normalizeEntityRef))];
    const result = new Map<string, EvidenceSignal[]>(
      refs.map(ref => [ref, []]),
    );
    if (refs.length === 0) return result;
    const rows = await currentRows(this.db, refs)
      .select(
        's.entity_ref',
        's.source',
        's.key',
        's.value',
        's.observed_at',
        's.valid_until',
        's.link',
      )
      .orderBy([{ column: 's.source' }, { column: 's.key' }])
      .options(this.readOptions);
    for (const row of rows) result.get(row.entity_ref)?.push(toSignal(row));
    return result;
  }

  async findUpload(
    entityRef: string,
    format: EvidenceFormat,
    sha256: string,
  ): Promise<EvidenceUploadResult | undefined> {
    const row = await this.db(UPLOADS)
      .where({ entity_ref: normalizeEntityRef(entityRef), format, sha256 })
      .first();
    return row ? { ...JSON.parse(row.summary), unchanged: true } : undefined;
  }

  async writeCollected({
    collectorId,
    signals,
    now,
  }: CollectedWrite): Promise<string[]> {
    if (signals.length === 0) return [];
    const rows = signals.map(s => toRow(s, collectorId, now));
    const refs = [...new Set(rows.map(r => r.entity_ref))];
    const changed = await this.db.transaction(async tx => {
      // A collector that finds what it found last time (the same value and
      // link, observed again) moves the current signal's dates forward
      // instead of adding a row, a history row and a rescoring every run:
      // the answer is unchanged, and the score's next validity check reads
      // the later validUntil.
      const current = new Map<
        string,
        { id: unknown; value: string; link: unknown; observedAt: number }
      >();
      for (let i = 0; i < refs.length; i += CHUNK) {
        const found = await currentRows(tx, refs.slice(i, i + CHUNK))
          .where('s.source', collectorId)
          .select(
            's.id',
            's.entity_ref',
            's.key',
            's.value',
            's.link',
            's.observed_at',
          );
        for (const c of found) {
          current.set(`${c.entity_ref}\u0000${c.key}`, {
            id: c.id,
            value: JSON.stringify(JSON.parse(c.value)),
            link: c.link ?? null,
            observedAt: new Date(c.observed_at).getTime(),
          });
        }
      }
      // Which of them are stored already: one query per chunk of entities.
      const known = new Set<string>();
      for (let i = 0; i < refs.length; i += CHUNK) {
        const existing = await tx(SIGNALS)
          .whereIn('entity_ref', refs.slice(i, i + CHUNK))
          .where('source', collectorId)
          .whereIn(
            'hash',
            rows.map(r => r.hash),
          )
          .select('entity_ref', 'key', 'hash');
        for (const e of existing) {
          known.add(`${e.entity_ref}\u0000${e.key}\u0000${e.hash}`);
        }
      }
      const fresh: typeof rows = [];
      const refreshed: Array<(typeof rows)[number] & { id: unknown }> = [];
      for (const r of rows) {
        if (known.has(`${r.entity_ref}\u0000${r.key}\u0000${r.hash}`)) continue;
        const same = current.get(`${r.entity_ref}\u0000${r.key}`);
        if (
          same &&
          same.value === r.value &&
          same.link === r.link &&
          r.observed_at.getTime() >= same.observedAt
        ) {
          refreshed.push({ ...r, id: same.id });
        } else {
          fresh.push(r);
        }
      }
      // In bulk: an upsert on the current rows' IDs that moves only the dates.
      for (let i = 0; i < refreshed.length; i += CHUNK) {
        await tx(SIGNALS)
          .insert(refreshed.slice(i, i + CHUNK))
          .onConflict('id')
          .merge(['observed_at', 'valid_until', 'hash', 'recorded_at']);
      }
      if (fresh.length === 0) return [];
      await insertSignals(tx, fresh);
      const touched = [...new Set(fresh.map(r => r.entity_ref))];
      // As a change through the records would: a history row and a raised
      // version per entity, so that scores are recomputed.
      const history = touched.map(ref => ({
        entity_ref: ref,
        record_type: 'evidence',
        record_id: collectorId,
        action: 'collect',
        actor: collectorId,
        at: now,
        changes: JSON.stringify({
          source: collectorId,
          keys: [
            ...new Set(fresh.filter(r => r.entity_ref === ref).map(r => r.key)),
          ],
        }),
      }));
      for (let i = 0; i < history.length; i += CHUNK) {
        await tx('history').insert(history.slice(i, i + CHUNK));
      }
      for (let i = 0; i < touched.length; i += CHUNK) {
        await tx('entity_records')
          .insert(
            touched.slice(i, i + CHUNK).map(ref => ({
              entity_ref: ref,
              version: 1,
              created_at: now,
              updated_at: now,
              updated_by: collectorId,
            })),
          )
          .onConflict('entity_ref')
          .merge({
            version: tx.raw('?? + 1', ['entity_records.version']),
            updated_at: now,
            updated_by: collectorId,
          });
      }
      return touched;
    });
    // As after any committed change to records: cached views recompute.
    if (changed.length) await new DataVersion(this.db).bump();
    return changed;
  }

  async prune(before: Date): Promise<number> {
    // Old signals that a newer one of the same entity, source and key
    // replaced; the current one stays however old it is.
    const old = await this.db(SIGNALS)
      .where('observed_at', '<', before)
      .whereExists(newer =>
        newer
          .select(this.db.raw('1'))
          .from(`${SIGNALS} as n`)
          .whereRaw(
            `n.entity_ref = ${SIGNALS}.entity_ref AND n.source = ${SIGNALS}.source AND n.${'key'} = ${SIGNALS}.${'key'}
             AND (n.observed_at > ${SIGNALS}.observed_at OR (n.observed_at = ${SIGNALS}.observed_at AND n.id > ${SIGNALS}.id))`,
          ),
      )
      .delete();
    const uploads = await this.db(UPLOADS)
      .where('received_at', '<', before)
      .delete();
    return Number(old) + Number(uploads);
  }
}
