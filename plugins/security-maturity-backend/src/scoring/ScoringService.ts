import { createHash, hash } from 'crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CLEARED_STATUSES,
  EntityScore,
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { requiredStageIds } from '../config/requiredStages';
import {
  practiceColumn,
  ScoreRow,
  SecurityMaturityStore,
  StoredRecords,
} from '../database/SecurityMaturityStore';
import { ScorerRegistry } from '../service/ScorerRegistry';
import {
  computeScore,
  decodeActivities,
  encodeActivities,
} from './computeScore';

/**
 * Raise when computeScore, the formula or the stored row change, so that
 * stored scores are recomputed once.
 */
const SCORE_FORMAT = 2;

/** What one page of scoring writes. */
type ScoreChanges = Parameters<SecurityMaturityStore['saveScores']>[0];

/** The kinds the plugin scores: components, as the Security tab does. */
export const SCORED_KINDS = ['Component'];

type ScoringState = Awaited<
  ReturnType<SecurityMaturityStore['getScoringState']>
>;

export type ScoringOptions = {
  store: SecurityMaturityStore;
  scorers: ScorerRegistry;
  workflow: WorkflowConfig;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  attestedMaxAgeDays: number;
  /** Entities per catalog page. */
  pageSize?: number;
  /** Entities per bulk read and write (a page is split into batches). */
  batchSize?: number;
};

const PRACTICE_COLUMNS = SAMM_PRACTICES.map(p => ({
  id: p.id,
  column: practiceColumn(p.id),
}));

const relation = (entity: Entity, type: string) =>
  entity.relations?.find(r => r.type === type)?.targetRef ?? null;

/**
 * Computes and stores SAMM scores: for one entity right after its records
 * change, and for the whole catalog on a schedule, a page at a time with one
 * bulk read and one bulk write per page.
 */
export class ScoringService {
  constructor(private readonly options: ScoringOptions) {}

  private toRow(
    entity: Entity,
    ref: string,
    score: EntityScore,
    records: StoredRecords,
    required: ReadonlySet<string>,
    about: { day: string; inputs: string; validUntil: number | null },
  ): ScoreRow {
    let gatesCleared = 0;
    for (const s of records.stages) {
      if (required.has(s.stageId) && CLEARED_STATUSES.has(s.status))
        gatesCleared++;
    }
    let exceptionsOpen = 0;
    let exceptionsExpired = 0;
    for (const e of records.exceptions) {
      if (e.status === 'requested' || e.status === 'approved') exceptionsOpen++;
      else if (e.status === 'expired') exceptionsExpired++;
    }
    const content: Omit<
      ScoreRow,
      'computed_at' | 'fingerprint' | 'snapshot_day' | 'inputs_fingerprint'
    > = {
      entity_ref: ref,
      kind: entity.kind.toLocaleLowerCase('en-US'),
      type: (entity.spec?.type as string | undefined) ?? null,
      lifecycle: (entity.spec?.lifecycle as string | undefined) ?? null,
      owner_ref: relation(entity, RELATION_OWNED_BY),
      system_ref: relation(entity, RELATION_PART_OF),
      tier: score.tier,
      target: score.target,
      overall: score.overall,
      percent_to_target: score.percentToTarget,
      fn_g: score.functions.G,
      fn_d: score.functions.D,
      fn_i: score.functions.I,
      fn_v: score.functions.V,
      fn_o: score.functions.O,
      practices: JSON.stringify(score.practices),
      levels: JSON.stringify(score.levels),
      // Unanswered activities are implied, which keeps rows small.
      activities: encodeActivities(score.activities),
      gates_required: required.size,
      gates_cleared: gatesCleared,
      exceptions_open: exceptionsOpen,
      exceptions_expired: exceptionsExpired,
      valid_until:
        about.validUntil === null ? null : new Date(about.validUntil),
    };
    for (const p of PRACTICE_COLUMNS) content[p.column] = score.practices[p.id];
    // The stored values in order, hashed in one call: hashing them one by one
    // cost more than computing the score.
    const fingerprint = hash(
      'sha1',
      Object.values(content)
        .map(value => (value instanceof Date ? value.getTime() : value ?? ''))
        .join('\u001f'),
    );
    return {
      ...content,
      computed_at: new Date(score.computedAt),
      fingerprint,
      snapshot_day: about.day,
      inputs_fingerprint: about.inputs,
    };
  }

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

  /** Scores a page of entities with one bulk read and one bulk write. */
  async scoreEntities(
    entities: Entity[],
    now = new Date(),
  ): Promise<EntityScore[]> {
    const refs = entities.map(e => stringifyEntityRef(e));
    const [records, state] = await Promise.all([
      this.options.store.readRecords(refs),
      this.options.store.getScoringState(refs),
    ]);
    const { scores, changes } = this.compute(entities, records, state, now);
    await this.options.store.saveScores(changes);
    return scores;
  }

  /** Scores a page and works out what to write: the CPU-bound part. */
  private compute(
    entities: Entity[],
    records: Map<string, StoredRecords>,
    state: ScoringState,
    now: Date,
  ): { scores: EntityScore[]; changes: ScoreChanges } {
    const { scorers, workflow, attestedMaxAgeDays } = this.options;
    const list = scorers.scorers;
    const day = now.toISOString().slice(0, 10);
    const scores: EntityScore[] = [];
    const rows: ScoreRow[] = [];
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      const stored = records.get(ref)!;
      const requiredIds = requiredStageIds(workflow, stored.intake?.tier);
      const { score, validUntil } = computeScore({
        entity,
        records: { ...stored, requiredStageIds: requiredIds },
        scorers: list,
        workflow,
        attestedMaxAgeDays,
        now,
      });
      scores.push(score);
      rows.push(
        this.toRow(entity, ref, score, stored, new Set(requiredIds), {
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
    return { scores, changes };
  }

  async rescoreEntity(entity: Entity): Promise<EntityScore> {
    const [score] = await this.scoreEntities([entity]);
    return score;
  }

  /** Rescores every component in the catalog, streaming it in pages. */
  async rescoreAll(now = new Date()): Promise<{
    entities: number;
    milliseconds: number;
    skipped: number;
  }> {
    const { catalog, auth, logger, store } = this.options;
    const { pageSize = 500, batchSize = 250 } = this.options;
    const started = Date.now();
    const day = now.toISOString().slice(0, 10);
    let entities = 0;
    let skipped = 0;
    // A pipeline, so that the catalog, the database and the CPU work at the
    // same time: while batch N is scored, batch N+1's records are read, batch
    // N-1's scores are written and the catalog serves the next page. Each
    // stage holds at most one batch or page, so memory does not grow with the
    // catalog. Small batches are also garbage sooner: at 50,000 components,
    // batches of 250 rescored in about 22 s, batches of 1,000 in about 27 s.
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
      records: Promise<Map<string, StoredRecords>>;
    };
    const scoreBatch = async (batch: Batch) => {
      const records = await batch.records;
      const { changes } = this.compute(
        batch.entities,
        records,
        batch.state,
        now,
      );
      await write(() => store.saveScores(changes));
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
        await write(() => store.snapshotUnchanged(unchanged, day));
      }
      for (let i = 0; i < stale.length; i += batchSize) {
        const batch = stale.slice(i, i + batchSize);
        const records = store.readRecords(
          batch.map(e => stringifyEntityRef(e)),
        );
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
    const refs = page.map(e =>
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
    );
    const state = await this.options.store.getScoringState(refs);
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

/** Reads a stored score row back into the API shape. */
export function scoreFromRow(row: ScoreRow): EntityScore {
  return {
    entityRef: row.entity_ref,
    overall: Number(row.overall),
    functions: {
      G: Number(row.fn_g),
      D: Number(row.fn_d),
      I: Number(row.fn_i),
      V: Number(row.fn_v),
      O: Number(row.fn_o),
    },
    practices: JSON.parse(row.practices),
    levels: JSON.parse(row.levels),
    tier: row.tier,
    target: row.target === null ? null : Number(row.target),
    percentToTarget:
      row.percent_to_target === null ? null : Number(row.percent_to_target),
    activities: decodeActivities(row.activities),
    computedAt: new Date(row.computed_at).toISOString(),
  };
}
