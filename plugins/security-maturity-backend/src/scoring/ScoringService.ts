import { createHash } from 'crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityScore,
  EvidenceSignal,
  isoDayBefore,
  normalizeEntityRef,
  requiredStageIds,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { RecordsStore, StoredRecords } from '../database/records/RecordsStore';
import { EvidenceStore } from '../database/evidence/EvidenceStore';
import { ScoreRow } from '../database/scores/ScoreRow';
import {
  ScoreStore,
  ScoreWrite,
  ScoringStateScore,
} from '../database/scores/ScoreStore';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { computeScore } from './computeScore';
import { scoreFromRow, toScoreRow } from './scoreRows';

/**
 * Raise when computeScore, the formula or the stored row change, so that
 * stored scores are recomputed once.
 */
const SCORE_FORMAT = 3; // 3: practice targets and SAMM's percent to target

/** What one page of scoring writes. */
type ScoreChanges = ScoreWrite;

/** The kinds the plugin scores: components, as the Security tab does. */
export const SCORED_KINDS = ['Component'];

/** What a batch of entities is scored from, read in bulk. */
type BatchInputs = {
  records: Map<string, StoredRecords>;
  /** The current signals from tools, by normalised entity ref. */
  signals: Map<string, EvidenceSignal[]>;
};

/** Per entity: the records' version and, if stored, the score's state. */
type ScoringState = Map<string, { version: number; score?: ScoringStateScore }>;

export type ScoringOptions = {
  records: RecordsStore;
  scores: ScoreStore;
  scorers: ScorerRegistry;
  workflow: WorkflowConfig;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  attestedMaxAgeDays: number;
  /**
   * The entities' signals from tools, read in bulk with their records; none
   * without it.
   */
  evidence?: EvidenceStore;
  /** Entities per catalog page. */
  pageSize?: number;
  /** Entities per bulk read and write (a page is split into batches). */
  batchSize?: number;
};

/**
 * Computes and stores SAMM scores: for one entity right after its records
 * change, and for the whole catalog on a schedule, a page at a time with one
 * bulk read and one bulk write per page.
 */
export class ScoringService {
  constructor(private readonly options: ScoringOptions) {}

  // What every score depends on besides the entity and its records.
  private configHash?: string;

  /**
   * A hash of everything a score is computed from besides the time: the
   * catalog entity, the version of its records (raised by every change), the
   * configuration, and the scorers and their versions. Equal inputs give an
   * equal score until the score's validUntil, so the scheduled run skips them.
   */
  private inputsOf(entity: Entity, version: number) {
    if (!this.configHash) {
      const { workflow, scorers, attestedMaxAgeDays } = this.options;
      this.configHash = createHash('sha1')
        .update(
          JSON.stringify({
            format: SCORE_FORMAT,
            workflow,
            scorers: scorers.scorers.map(({ id, version: v }) => [id, v]),
            attestedMaxAgeDays,
          }),
        )
        .digest('hex');
    }
    return createHash('sha1')
      .update(`${this.configHash}|${version}|`)
      .update(JSON.stringify(entity))
      .digest('hex');
  }

  /**
   * The records and the current signals of a batch of entities: one query per
   * table, whatever the batch's size.
   */
  private async readInputs(refs: string[]): Promise<BatchInputs> {
    const [records, signals] = await Promise.all([
      this.options.records.readRecords(refs),
      this.options.evidence?.readCurrent(refs) ??
        Promise.resolve(new Map<string, EvidenceSignal[]>()),
    ]);
    return { records, signals };
  }

  /** Scores a page of entities with one bulk read and one bulk write. */
  async scoreEntities(
    entities: Entity[],
    now = new Date(),
  ): Promise<EntityScore[]> {
    const refs = entities.map(e => stringifyEntityRef(e));
    const [records, state] = await Promise.all([
      this.readInputs(refs),
      this.readState(refs),
    ]);
    const { scores, changes } = this.compute(entities, records, state, now);
    await this.options.scores.saveScores(changes);
    return scores;
  }

  /** The records' versions and the stored scores' state, read together. */
  private async readState(refs: string[]): Promise<ScoringState> {
    const [versions, scores] = await Promise.all([
      this.options.records.readVersions(refs),
      this.options.scores.readStates(refs),
    ]);
    const state: ScoringState = new Map();
    for (const [ref, version] of versions) {
      state.set(ref, { version, score: scores.get(ref) });
    }
    return state;
  }

  /**
   * The day's snapshot of entities as their records stood at `at`, written
   * without changing their current score: how the demo replays a year.
   */
  async snapshotAt(entities: Entity[], at: Date): Promise<void> {
    const refs = entities.map(e => stringifyEntityRef(e));
    const [records, state] = await Promise.all([
      this.readInputs(refs),
      this.readState(refs),
    ]);
    const { changes, rows } = this.compute(entities, records, state, at);
    await this.options.scores.putSnapshots(changes.day, rows);
  }

  /** Rescores entities named by ref (looked up in the catalog). */
  async rescoreRefs(entityRefs: string[]): Promise<void> {
    const { catalog, auth } = this.options;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const found = items.filter((e): e is Entity => Boolean(e));
    if (found.length) await this.scoreEntities(found);
  }

  /** The stored score, or one computed now if the entity has none yet. */
  async currentScore(entity: Entity): Promise<EntityScore> {
    const row = await this.options.scores.getScoreRow(
      stringifyEntityRef(entity),
    );
    return row ? scoreFromRow(row) : this.rescoreEntity(entity);
  }

  /** The entity's daily score snapshots of the last `days` days. */
  history(entityRef: string, days: number) {
    return this.options.scores.getScoreHistory(entityRef, isoDayBefore(days));
  }

  /** Drops snapshots older than the retention; returns how many and since when. */
  async pruneHistory(retentionDays: number) {
    const before = isoDayBefore(retentionDays);
    return { before, pruned: await this.options.scores.pruneSnapshots(before) };
  }

  /** Scores a page and works out what to write: the CPU-bound part. */
  private compute(
    entities: Entity[],
    { records, signals }: BatchInputs,
    state: ScoringState,
    now: Date,
  ): { scores: EntityScore[]; changes: ScoreChanges; rows: ScoreRow[] } {
    const { scorers, workflow, attestedMaxAgeDays } = this.options;
    const list = scorers.scorers;
    const day = now.toISOString().slice(0, 10);
    const scores: EntityScore[] = [];
    const rows: ScoreRow[] = [];
    for (const entity of entities) {
      const ref = normalizeEntityRef(stringifyEntityRef(entity));
      const stored = records.get(ref)!;
      const requiredIds = requiredStageIds(workflow, stored.intake?.tier);
      const { score, validUntil } = computeScore({
        entity,
        records: { ...stored, requiredStageIds: requiredIds },
        signals: signals.get(ref) ?? [],
        scorers: list,
        workflow,
        attestedMaxAgeDays,
        now,
      });
      scores.push(score);
      rows.push(
        toScoreRow(entity, ref, score, stored, requiredIds, {
          day,
          inputs: this.inputsOf(entity, state.get(ref)?.version ?? 0),
          validUntil,
        }),
      );
    }
    const previous = (ref: string) => state.get(ref)?.score;
    const changed = rows.filter(
      r =>
        previous(r.entity_ref)?.fingerprint !== r.fingerprint ||
        previous(r.entity_ref)?.inputs !== r.inputs_fingerprint,
    );
    const changedRefs = new Set(changed.map(r => r.entity_ref));
    const changes: ScoreChanges = {
      changed,
      // Recomputed scores always write the day's snapshot.
      snapshotRefs: rows.map(r => r.entity_ref),
      day,
      unchangedRefs: rows
        .filter(r => !changedRefs.has(r.entity_ref))
        .map(r => r.entity_ref),
      computedAt: now,
    };
    return { scores, changes, rows };
  }

  /** Rescores one entity and says what its stored score was before. */
  async rescoreEntityFrom(
    entity: Entity,
    now = new Date(),
  ): Promise<{ before?: EntityScore; after: EntityScore }> {
    const row = await this.options.scores.getScoreRow(
      stringifyEntityRef(entity),
    );
    const after = await this.rescoreEntity(entity, now);
    return { before: row ? scoreFromRow(row) : undefined, after };
  }

  async rescoreEntity(entity: Entity, now = new Date()): Promise<EntityScore> {
    const [score] = await this.scoreEntities([entity], now);
    return score;
  }

  /** Rescores every component in the catalog, streaming it in pages. */
  async rescoreAll(now = new Date()): Promise<{
    entities: number;
    milliseconds: number;
    skipped: number;
  }> {
    const { catalog, auth, logger, scores } = this.options;
    const { pageSize = 500, batchSize = 250 } = this.options;
    const started = Date.now();
    const day = now.toISOString().slice(0, 10);
    let entities = 0;
    let skipped = 0;
    // A pipeline, so that the catalog, the database and the CPU work at the
    // same time: while batch N is scored, batch N+1's records are read, batch
    // N-1's scores are written and the catalog serves the next page. Each
    // stage holds at most one batch or page, so memory does not grow with the
    // catalog. Small batches are also garbage sooner (the bench README has
    // the numbers).
    let writing: Promise<void> = Promise.resolve();
    const write = async (fn: () => Promise<void>) => {
      await writing;
      writing = fn();
      // A failure is thrown where the write is awaited, not reported as
      // unhandled in between.
      writing.catch(() => {});
    };
    type Batch = {
      entities: Entity[];
      state: ScoringState;
      records: Promise<BatchInputs>;
    };
    const scoreBatch = async (batch: Batch) => {
      const records = await batch.records;
      const { changes } = this.compute(
        batch.entities,
        records,
        batch.state,
        now,
      );
      await write(() => scores.saveScores(changes));
    };
    const pages = catalog
      .streamEntities(
        { filter: { kind: SCORED_KINDS }, pageSize },
        { credentials: await auth.getOwnServiceCredentials() },
      )
      [Symbol.asyncIterator]();
    let previous: Batch | undefined;
    for (let next = pages.next(); ; ) {
      const { value: page, done } = await next;
      if (done) break;
      next = pages.next();
      // Rejections are thrown where each promise is awaited below.
      next.catch(() => {});
      entities += page.length;
      const { stale, state, unchanged } = await this.sortOut(page, now);
      skipped += page.length - stale.length;
      if (unchanged.length) {
        await write(() => scores.snapshotUnchanged(unchanged, day));
      }
      for (let i = 0; i < stale.length; i += batchSize) {
        const batch = stale.slice(i, i + batchSize);
        const records = this.readInputs(batch.map(e => stringifyEntityRef(e)));
        records.catch(() => {});
        if (previous) await scoreBatch(previous);
        previous = { entities: batch, state, records };
      }
    }
    if (previous) await scoreBatch(previous);
    await writing;
    const milliseconds = Date.now() - started;
    logger.info(
      `Rescored ${entities} entities in ${milliseconds} ms (${skipped} unchanged and still valid, not recomputed)`,
    );
    return { entities, milliseconds, skipped };
  }

  /**
   * Sorts a page into the entities to rescore (something they are computed
   * from changed, or their score's time is up) and the rest, which are left
   * as they are, computed_at included: it says when the score was computed.
   * The rest only get the day's snapshot, where it is missing.
   */
  private async sortOut(page: Entity[], now: Date) {
    const refs = page.map(e => normalizeEntityRef(stringifyEntityRef(e)));
    const state = await this.readState(refs);
    const stale: Entity[] = [];
    const unchanged: string[] = [];
    page.forEach((entity, i) => {
      const { score, version } = state.get(refs[i])!;
      if (
        !score ||
        score.inputs !== this.inputsOf(entity, version) ||
        (score.validUntil !== null && score.validUntil <= now.getTime())
      ) {
        stale.push(entity);
      } else {
        unchanged.push(refs[i]);
      }
    });
    return { stale, state, unchanged };
  }
}
