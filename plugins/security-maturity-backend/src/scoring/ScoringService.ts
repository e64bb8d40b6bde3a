import { createHash } from 'crypto';
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
  /** Entities per catalog page (and per bulk read and write). */
  pageSize?: number;
};

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
    score: EntityScore,
    records: StoredRecords,
    day: string,
    inputs: string,
  ): ScoreRow {
    const required = new Set(
      requiredStageIds(this.options.workflow, records.intake?.tier),
    );
    const content = {
      entity_ref: score.entityRef.toLocaleLowerCase('en-US'),
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
      ...Object.fromEntries(
        SAMM_PRACTICES.map(p => [practiceColumn(p.id), score.practices[p.id]]),
      ),
      gates_required: required.size,
      gates_cleared: records.stages.filter(
        s => required.has(s.stageId) && CLEARED_STATUSES.has(s.status),
      ).length,
      exceptions_open: records.exceptions.filter(
        e => e.status === 'requested' || e.status === 'approved',
      ).length,
      exceptions_expired: records.exceptions.filter(e => e.status === 'expired')
        .length,
    };
    // The stored values in order; hashing them one by one avoids serialising
    // (and escaping) the JSON columns a second time.
    const hash = createHash('sha1');
    for (const value of Object.values(content)) {
      hash.update(`${value ?? ''}\u001f`);
    }
    const fingerprint = hash.digest('hex');
    return {
      ...content,
      computed_at: new Date(score.computedAt),
      fingerprint,
      snapshot_day: day,
      inputs_fingerprint: inputs,
    };
  }

  // What every score depends on besides the entity and its records.
  private configHash?: string;

  /**
   * A hash of everything a score is computed from: the catalog entity, the
   * version of its records (raised by every change), the configuration and
   * scorers, and the day (rules read record ages in days). Equal inputs give
   * an equal score, so the scheduled run skips them.
   */
  private inputsOf(entity: Entity, version: number, day: string) {
    if (!this.configHash) {
      const { workflow, scorers, attestedMaxAgeDays } = this.options;
      this.configHash = createHash('sha1')
        .update(
          JSON.stringify({
            workflow,
            scorers: scorers.describe(),
            attestedMaxAgeDays,
          }),
        )
        .digest('hex');
    }
    return createHash('sha1')
      .update(`${this.configHash}|${day}|${version}|`)
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
    return this.computeAndSave(entities, records, state, now);
  }

  private async computeAndSave(
    entities: Entity[],
    records: Map<string, StoredRecords>,
    state: ScoringState,
    now: Date,
  ): Promise<EntityScore[]> {
    if (!entities.length) return [];
    const { store, scorers, workflow, attestedMaxAgeDays } = this.options;
    const list = scorers.scorers;
    const refOf = (entity: Entity) =>
      stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const scores = entities.map(entity => {
      const stored = records.get(refOf(entity))!;
      return computeScore({
        entity,
        records: {
          ...stored,
          requiredStageIds: requiredStageIds(workflow, stored.intake?.tier),
        },
        scorers: list,
        workflow,
        attestedMaxAgeDays,
        now,
      });
    });
    const day = now.toISOString().slice(0, 10);
    const rows = scores.map((score, i) => {
      const ref = refOf(entities[i]);
      const version = state.get(ref)?.version ?? 0;
      return this.toRow(
        entities[i],
        score,
        records.get(ref)!,
        day,
        this.inputsOf(entities[i], version, day),
      );
    });
    const previous = (ref: string) => state.get(ref)?.score;
    const changed = rows.filter(
      r =>
        previous(r.entity_ref)?.fingerprint !== r.fingerprint ||
        previous(r.entity_ref)?.inputs !== r.inputs_fingerprint,
    );
    const changedRefs = new Set(changed.map(r => r.entity_ref));
    await store.saveScores({
      changed,
      snapshots: rows.filter(
        r =>
          previous(r.entity_ref)?.fingerprint !== r.fingerprint ||
          previous(r.entity_ref)?.day !== day,
      ),
      unchangedRefs: rows
        .filter(r => !changedRefs.has(r.entity_ref))
        .map(r => r.entity_ref),
      computedAt: now,
    });
    return scores;
  }

  async rescoreEntity(entity: Entity): Promise<EntityScore> {
    const [score] = await this.scoreEntities([entity]);
    return score;
  }

  /** Rescores every component in the catalog, streaming it in pages. */
  async rescoreAll(): Promise<{
    entities: number;
    milliseconds: number;
    skipped: number;
  }> {
    const { catalog, auth, logger, pageSize = 500 } = this.options;
    const started = Date.now();
    const now = new Date();
    let entities = 0;
    // Pipelined: while one page is read, scored and written, the catalog
    // fetches the next, so the catalog, the database and the CPU work at the
    // same time. At most three pages are in memory.
    let previous: Promise<number> = Promise.resolve(0);
    let skipped = 0;
    const day = now.toISOString().slice(0, 10);
    for await (const page of catalog.streamEntities(
      { filter: { kind: SCORED_KINDS }, pageSize },
      { credentials: await auth.getOwnServiceCredentials() },
    )) {
      const reading = this.readStale(page, day);
      const before = previous;
      previous = (async () => {
        const { stale, fresh, records, state } = await reading;
        await before;
        await this.computeAndSave(stale, records, state, now);
        return fresh;
      })();
      // A failure is thrown where the page is awaited, not reported as
      // unhandled in between.
      previous.catch(() => {});
      entities += page.length;
      // Back-pressure: the page before this one is done before the next is
      // fetched.
      skipped += await before;
    }
    skipped += await previous;
    const milliseconds = Date.now() - started;
    logger.info(
      `Rescored ${entities} entities in ${milliseconds} ms (${skipped} unchanged since their last scoring today)`,
    );
    return { entities, milliseconds, skipped };
  }

  /**
   * Splits a page into the entities whose inputs changed since their stored
   * score (their records are read for rescoring) and those that did not.
   */
  private async readStale(page: Entity[], day: string) {
    const { store } = this.options;
    const refs = page.map(e =>
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
    );
    const state = await store.getScoringState(refs);
    // Unchanged scores are left as they are, computed_at included: it says
    // when the score was computed, at most a day ago.
    const stale = page.filter((entity, i) => {
      const s = state.get(refs[i])!;
      return s.score?.inputs !== this.inputsOf(entity, s.version, day);
    });
    const records = stale.length
      ? await store.readRecords(stale.map(e => stringifyEntityRef(e)))
      : new Map<string, StoredRecords>();
    return { stale, fresh: page.length - stale.length, records, state };
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
