/* eslint-disable no-console */
// Side by side with Backstage Tech Insights (run with
// `yarn bench:vs-tech-insights`): the same entities and the same records,
// scored by our ScoringService with the SAMM module's rules, and checked by
// Tech Insights' JSON rules engine fact checker
// (@backstage-community/plugin-tech-insights-backend-module-jsonfc) with
// equivalent checks over facts derived from those records.
//
//   no arguments     for each size in BENCH_SIZES (default 10000): seed a
//                    fresh PostgreSQL database in a child process, then run
//                    both sides in one child process and print the table
//   seed <n>         (child) fresh database with n components' records
//   run <n>          (child) both sides, one after the other, in one process
//
// Environment: BENCH_SIZES (default 10000); BENCH_TI_FIRST=1 runs Tech
// Insights' side first; BENCH_TI_STORE=postgres keeps Tech Insights' facts in
// a PostgreSQL database of its own, as its default store does, instead of in
// memory. Both sides first run once on 200 other components, so that neither
// pays for warming up the JIT. Wall times, peak RSS and CPU time (this
// process's and the PostgreSQL backends') are reported per side.
//
// Tech Insights' side, as its backend would do it:
//   (a) fact retrieval: seven fact retrievers, one per records table, each
//       streams the catalog in pages of 500, reads its table for the page in
//       one query and turns the rows into facts; the facts go into a
//       TechInsightsStore (in memory unless BENCH_TI_STORE=postgres: see
//       "What differs" in the README);
//   (b) checks: JsonRulesEngineFactCheckerFactory(...).construct(store)
//       .runChecks(entityRef) for every entity of the catalog.
// Every check is "activity X answers at least v" (v in 0.25 / 0.5 / 1), so an
// activity's answer is the highest v whose check passed. After the timed
// runs, every entity's answers from Tech Insights are compared with the SAMM
// rules' answers for the same records (untimed); the run fails on any
// difference.
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  JsonRulesEngineFactCheckerFactory,
  TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import {
  CLEARED_STATUSES,
  DAY_MS,
  requiredStageIds,
  StageRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  createSammScorer,
  sammRules,
} from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import { ConfigReader } from '@backstage/config';
import { execFileSync } from 'child_process';
import { Knex } from 'knex';
import { readFileSync } from 'fs';
import { cpus } from 'os';
import { readWorkflowConfig } from '../src/config/readWorkflowConfig';
import { migratedDatabase } from '../src/database/migrate';
import * as map from '../src/database/records/mappers';
import { DatabaseRecordsStore } from '../src/database/records/DatabaseRecordsStore';
import { fastTimestampOptions } from '../src/database/timestamps';
import {
  connect,
  freshDatabase,
  inMemoryCatalog,
  scoringService,
} from './benchDb';
import { seed, syntheticEntity } from './seed';

/** What the fact checker needs from Tech Insights' store. */
type TechInsightsStore = Parameters<
  JsonRulesEngineFactCheckerFactory['construct']
>[0];
type TechInsightFact = Parameters<
  TechInsightsStore['insertFacts']
>[0]['facts'][number];
type FlatFact = Awaited<
  ReturnType<TechInsightsStore['getLatestFactsByIds']>
>[string];

const dbName = (n: number) => `secmat_bench_ti_${n}`;
const PAGE_SIZE = 500;
/**
 * Components svc-n .. svc-(n+WARM_UP-1) get records too: both sides run on
 * them once before the timed runs, so that neither pays for the JIT warming
 * up and the order of the two sides does not matter.
 */
const WARM_UP = 200;

/** The catalog of components svc-from .. svc-(to-1), generated page by page. */
function rangeCatalog(from: number, to: number): CatalogService {
  return {
    async *streamEntities(request?: { pageSize?: number }) {
      const size = request?.pageSize ?? PAGE_SIZE;
      for (let start = from; start < to; start += size) {
        const page: Entity[] = [];
        for (let i = start; i < Math.min(to, start + size); i++)
          page.push(syntheticEntity(i));
        yield page;
      }
    },
  } as unknown as CatalogService;
}

// ---------------------------------------------------------------------------
// Tech Insights: an in-memory store
// ---------------------------------------------------------------------------

/**
 * The TechInsightsStore the fact checker reads: the latest fact row per
 * retriever and entity, and the retrievers' schemas. Tech Insights' own store
 * keeps them in its database; this one keeps them in memory, which spares
 * Tech Insights' side the writes and the per-entity reads.
 */
class InMemoryTechInsightsStore implements TechInsightsStore {
  private readonly facts = new Map<string, Map<string, FlatFact>>();
  private readonly schemas = new Map<string, FactSchema>();

  async insertFacts(options: { id: string; facts: TechInsightFact[] }) {
    let rows = this.facts.get(options.id);
    if (!rows) this.facts.set(options.id, (rows = new Map()));
    for (const fact of options.facts) {
      rows.set(stringifyEntityRef(fact.entity), { ...fact, id: options.id });
    }
  }

  async getLatestFactsByIds(ids: string[], entity: string) {
    const result: Record<string, FlatFact> = {};
    for (const id of ids) {
      const row = this.facts.get(id)?.get(entity);
      if (row) result[id] = row;
    }
    return result;
  }

  async getEntities() {
    const refs = new Set<string>();
    for (const rows of this.facts.values()) {
      for (const row of rows.values()) refs.add(stringifyEntityRef(row.entity));
    }
    return [...refs].map(ref => {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return { kind, namespace, name };
    });
  }

  async getFactsBetweenTimestampsByIds(): Promise<never> {
    throw new Error('Not used by the fact checker');
  }

  async insertFactSchema(definition: { id: string; schema: FactSchema }) {
    this.schemas.set(definition.id, definition.schema);
  }

  async getLatestSchemas(ids?: string[]) {
    const wanted = ids ? [...new Set(ids)] : [...this.schemas.keys()];
    return wanted.flatMap(id => {
      const schema = this.schemas.get(id);
      return schema ? [schema] : [];
    });
  }
}

/**
 * A TechInsightsStore on PostgreSQL that works as Tech Insights' default
 * store does (BENCH_TI_STORE=postgres): fact rows as JSON text with a
 * timestamp, in its own database; insertFacts looks up the retriever's
 * latest schema and inserts in chunks of 50 in one transaction;
 * getLatestFactsByIds finds each retriever's newest row of the entity with a
 * max(timestamp) subquery; getLatestSchemas reads the schema table on every
 * call (the fact checker calls it once per entity and once more per check).
 * Written for this benchmark from that description, with the same tables
 * and indexes.
 */
class PostgresTechInsightsStore implements TechInsightsStore {
  private constructor(private readonly db: Knex) {}

  static async create(db: Knex) {
    await db.schema.createTable('fact_schemas', table => {
      table.string('id').notNullable();
      table.string('version').notNullable();
      table.text('schema').notNullable();
      table.text('entityFilter').nullable();
      table.primary(['id', 'version']);
    });
    await db.schema.createTable('facts', table => {
      table.uuid('uid').primary().defaultTo(db.raw('gen_random_uuid()'));
      table.string('id').notNullable();
      table.string('version').notNullable();
      table
        .dateTime('timestamp', { precision: 0 })
        .defaultTo(db.fn.now())
        .notNullable();
      table.text('entity').notNullable();
      table.text('facts').notNullable();
      table.index(['id', 'entity'], 'fact_id_entity_idx');
      table.index('id', 'fact_id_idx');
      table.index(
        ['id', 'entity', 'timestamp'],
        'fact_id_entity_timestamp_idx',
      );
      table.index(['id', 'timestamp'], 'fact_id_timestamp_idx');
    });
    return new PostgresTechInsightsStore(db);
  }

  /** The highest version of each schema row. */
  private static latest(rows: Array<{ id: string; version: string }>) {
    const byId = new Map<string, any>();
    const key = (v: string) => v.split('.').map(Number);
    const newer = (a: string, b: string) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
      return false;
    };
    for (const row of rows) {
      const seen = byId.get(row.id);
      if (!seen || newer(row.version, seen.version)) byId.set(row.id, row);
    }
    return [...byId.values()];
  }

  async insertFactSchema(definition: {
    id: string;
    version: string;
    schema: FactSchema;
  }) {
    const { id, version, schema } = definition;
    const existing = await this.db('fact_schemas').where({ id, version });
    if (existing.length === 0) {
      await this.db('fact_schemas').insert({
        id,
        version,
        schema: JSON.stringify(schema),
      });
    }
  }

  async getLatestSchemas(ids?: string[]): Promise<FactSchema[]> {
    const query = this.db('fact_schemas');
    if (ids) query.whereIn('id', ids);
    const rows = await query.orderBy('id', 'desc').select();
    return PostgresTechInsightsStore.latest(rows).map(row =>
      JSON.parse(row.schema),
    );
  }

  async insertFacts(options: { id: string; facts: TechInsightFact[] }) {
    const { id, facts } = options;
    if (facts.length === 0) return;
    const [schema] = PostgresTechInsightsStore.latest(
      await this.db('fact_schemas').where({ id }).select(),
    );
    const rows = facts.map(fact => ({
      id,
      version: schema.version,
      entity: stringifyEntityRef(fact.entity),
      facts: JSON.stringify(fact.facts),
    }));
    await this.db.transaction(tx => tx.batchInsert('facts', rows, 50));
  }

  async getLatestFactsByIds(ids: string[], entity: string) {
    const rows = await this.db('facts')
      .where({ entity })
      .whereIn('id', ids)
      .join(
        this.db('facts')
          .max('timestamp as maxTimestamp')
          .column('id as subId')
          .where({ entity })
          .whereIn('id', ids)
          .groupBy('id')
          .as('subQ'),
        { 'facts.id': 'subQ.subId', 'facts.timestamp': 'subQ.maxTimestamp' },
      );
    const result: Record<string, FlatFact> = {};
    for (const row of rows) {
      const [kind, rest] = row.entity.split(':');
      const [namespace, name] = rest.split('/');
      result[row.id] = {
        id: row.id,
        entity: { kind, namespace, name },
        facts: JSON.parse(row.facts),
      };
    }
    return result;
  }

  async getEntities() {
    const rows = await this.db('facts').distinct('entity');
    return rows.map((row: { entity: string }) => {
      const [kind, rest] = row.entity.split(':');
      const [namespace, name] = rest.split('/');
      return { kind, namespace, name };
    });
  }

  async getFactsBetweenTimestampsByIds(): Promise<never> {
    throw new Error('Not used by the fact checker');
  }
}

// ---------------------------------------------------------------------------
// Tech Insights: fact retrievers over the plugin's tables
// ---------------------------------------------------------------------------

type FactValue = number | string | boolean | null;
type Retriever = {
  id: string;
  version: string;
  table: string;
  /** Rows newest first, as the records store reads them. */
  order?: string;
  mapper: (row: any) => any;
  schema: FactSchema;
  /** The facts of one entity from its rows (possibly none). */
  facts(
    rows: any[],
    now: Date,
    workflow: WorkflowConfig,
  ): Record<string, FactValue>;
};

const ageInDays = (iso: string | undefined, now: Date) =>
  iso === undefined
    ? null
    : Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);
const share = (part: number, whole: number) => (whole ? part / whole : null);

const STAGES: Array<[prefix: string, stageId: string]> = [
  ['governance', 'governance'],
  ['threatModeling', 'threat-modeling'],
  ['design', 'design'],
  ['implementation', 'implementation'],
  ['validation', 'validation'],
  ['launch', 'launch'],
];
/** Checklist items the checks read: fact prefix, stage, criterion. */
const CRITERIA: Array<[prefix: string, stageId: string, criterionId: string]> =
  [
    ['implControlMappings', 'implementation', 'control-mappings'],
    ['implScansPassing', 'implementation', 'scans-passing'],
    ['tmRisksDocumented', 'threat-modeling', 'risks-documented'],
    ['designAdr', 'design', 'adr'],
    ['designControlsApproved', 'design', 'controls-approved'],
    ['validationFindingsResolved', 'validation', 'findings-resolved'],
    ['validationAsvs', 'validation', 'asvs'],
    ['launchMonitoringActive', 'launch', 'monitoring-active'],
  ];
const CONTAINMENT = [
  'incident-isolate',
  'incident-revoke',
  'incident-freeze',
  'incident-recover',
];

const schemaOf = (
  entries: Record<string, FactSchema[string]['type']>,
): FactSchema =>
  Object.fromEntries(
    Object.entries(entries).map(([name, type]) => [
      name,
      { type, description: name },
    ]),
  );

const stageSchema: Record<string, FactSchema[string]['type']> = {
  governanceUpdatedAgeDays: 'integer',
  threatModelingReopened: 'boolean',
  threatModelingHasSignOffDate: 'boolean',
  threatModelingSignedOffAgeDays: 'integer',
  launchCriteriaDone: 'integer',
};
for (const [prefix] of STAGES) {
  stageSchema[`${prefix}Status`] = 'string';
  stageSchema[`${prefix}Cleared`] = 'boolean';
  stageSchema[`${prefix}SignedOff`] = 'boolean';
}
for (const [prefix] of CRITERIA) {
  stageSchema[`${prefix}Done`] = 'boolean';
  stageSchema[`${prefix}Linked`] = 'boolean';
}

const retrievers: Retriever[] = [
  {
    id: 'secmat-intake',
    version: '0.1.0',
    table: 'intakes',
    mapper: map.toIntake,
    schema: schemaOf({
      hasIntake: 'boolean',
      tierHasTarget: 'boolean',
      intakeAgeDays: 'integer',
    }),
    facts: ([intake], now, workflow) => ({
      hasIntake: Boolean(intake),
      tierHasTarget: Boolean(
        intake && workflow.tiers.some(t => t.id === intake.tier),
      ),
      intakeAgeDays: ageInDays(intake?.updatedAt, now),
    }),
  },
  {
    id: 'secmat-stages',
    version: '0.1.0',
    table: 'stages',
    mapper: map.toStage,
    schema: schemaOf(stageSchema),
    facts: (stages: StageRecord[], now) => {
      const byId = new Map(stages.map(s => [s.stageId, s]));
      const facts: Record<string, FactValue> = {};
      for (const [prefix, stageId] of STAGES) {
        const s = byId.get(stageId);
        facts[`${prefix}Status`] = s?.status ?? 'absent';
        facts[`${prefix}Cleared`] = Boolean(
          s && CLEARED_STATUSES.has(s.status),
        );
        facts[`${prefix}SignedOff`] = Boolean(s?.signedOffBy);
      }
      for (const [prefix, stageId, criterionId] of CRITERIA) {
        const c = byId
          .get(stageId)
          ?.checklist.find(i => i.criterionId === criterionId);
        facts[`${prefix}Done`] = Boolean(c?.done);
        facts[`${prefix}Linked`] = Boolean(c?.evidence.length);
      }
      const tm = byId.get('threat-modeling');
      facts.governanceUpdatedAgeDays = ageInDays(
        byId.get('governance')?.updatedAt,
        now,
      );
      facts.threatModelingReopened = Boolean(tm?.reopenedReason);
      facts.threatModelingHasSignOffDate = Boolean(tm?.signedOffAt);
      facts.threatModelingSignedOffAgeDays = ageInDays(tm?.signedOffAt, now);
      facts.launchCriteriaDone =
        byId.get('launch')?.checklist.filter(c => c.done).length ?? 0;
      return facts;
    },
  },
  {
    id: 'secmat-rasi',
    version: '0.1.0',
    table: 'rasi_assignments',
    mapper: map.toRasi,
    schema: schemaOf({
      rasiCount: 'integer',
      rasiSupportedCount: 'integer',
      containmentOwners: 'integer',
    }),
    facts: rasi => ({
      rasiCount: rasi.length,
      rasiSupportedCount: rasi.filter(a => a.supportive.length > 0).length,
      containmentOwners: CONTAINMENT.filter(id =>
        rasi.some(a => a.activityId === id),
      ).length,
    }),
  },
  {
    id: 'secmat-exceptions',
    version: '0.1.0',
    table: 'exceptions',
    order: 'requested_at',
    mapper: map.toException,
    schema: schemaOf({
      exceptionsApproved: 'integer',
      exceptionsExpired: 'integer',
      exceptionsRequested: 'integer',
    }),
    facts: exceptions => ({
      exceptionsApproved: exceptions.filter(e => e.status === 'approved')
        .length,
      exceptionsExpired: exceptions.filter(e => e.status === 'expired').length,
      exceptionsRequested: exceptions.filter(e => e.status === 'requested')
        .length,
    }),
  },
  {
    id: 'secmat-worksheets',
    version: '0.1.0',
    table: 'worksheets',
    order: 'started_at',
    mapper: map.toWorksheet,
    schema: schemaOf({
      worksheetCount: 'integer',
      latestRuntimeVisibility: 'boolean',
      latestBaselineControls: 'boolean',
      closedDrillCount: 'integer',
      lastDrillAgeDays: 'integer',
      lessonsCount: 'integer',
      lessonsFedBackCount: 'integer',
    }),
    facts: (worksheets, now) => {
      const drills = worksheets.filter(
        w => w.kind === 'drill' && w.status === 'closed' && w.closedAt,
      );
      const lessons = worksheets.flatMap(w => w.lessons);
      return {
        worksheetCount: worksheets.length,
        latestRuntimeVisibility: Boolean(
          worksheets[0]?.readiness.runtimeVisibility,
        ),
        latestBaselineControls: Boolean(
          worksheets[0]?.readiness.baselineControlsPresent,
        ),
        closedDrillCount: drills.length,
        lastDrillAgeDays: ageInDays(drills[0]?.closedAt, now),
        lessonsCount: lessons.length,
        lessonsFedBackCount: lessons.filter(l => l.reopensStageId).length,
      };
    },
  },
  {
    id: 'secmat-decisions',
    version: '0.1.0',
    table: 'decisions',
    order: 'created_at',
    mapper: map.toDecision,
    schema: schemaOf({
      decisionsCount: 'integer',
      decisionsTrackedShare: 'float',
      decisionsImplementedShare: 'float',
    }),
    facts: decisions => {
      const active = decisions.filter(d => d.status !== 'superseded');
      return {
        decisionsCount: decisions.length,
        decisionsTrackedShare: share(
          decisions.filter(
            d => d.ownerRef && (d.reReviewAt || d.reReviewTrigger),
          ).length,
          decisions.length,
        ),
        decisionsImplementedShare: share(
          active.filter(d => d.status === 'implemented').length,
          active.length,
        ),
      };
    },
  },
  {
    id: 'secmat-releases',
    version: '0.1.0',
    table: 'releases',
    order: 'created_at',
    mapper: map.toRelease,
    schema: schemaOf({
      releaseCount: 'integer',
      releasesWithPipeline: 'integer',
      releasesDecidedByPerson: 'integer',
      latestSlsaLevel: 'integer',
      latestSigned: 'boolean',
      latestProvenance: 'boolean',
      latestScanCount: 'integer',
      latestFailedScans: 'integer',
      recentDecidedEvidencedShare: 'float',
      recentScannedShare: 'float',
    }),
    facts: releases => {
      const latest = releases[0];
      const evidence: any[] = latest?.evidence ?? [];
      const scans = evidence.filter(e => e.kind === 'scan');
      const decided = releases
        .filter(r => r.decision !== 'pending')
        .slice(0, 5);
      const recent = releases.slice(0, 5);
      return {
        releaseCount: releases.length,
        releasesWithPipeline: releases.filter(r =>
          r.evidence.some((e: any) => e.kind === 'pipeline'),
        ).length,
        releasesDecidedByPerson: releases.filter(
          r => r.decision !== 'pending' && r.decidedBy,
        ).length,
        latestSlsaLevel: Math.max(
          0,
          ...evidence.map(e => e.slsaBuildLevel ?? 0),
        ),
        latestSigned: evidence.some(e => e.kind === 'signature'),
        latestProvenance: evidence.some(e => e.kind === 'provenance'),
        latestScanCount: scans.length,
        latestFailedScans: scans.filter(s => s.result === 'fail').length,
        recentDecidedEvidencedShare: share(
          decided.filter(r => r.evidence.length > 0).length,
          decided.length,
        ),
        recentScannedShare: share(
          recent.filter(r => r.evidence.some((e: any) => e.kind === 'scan'))
            .length,
          recent.length,
        ),
      };
    },
  },
];

/**
 * Runs one retriever as Tech Insights' fact retriever engine does: the
 * handler returns the facts of every entity, which are then inserted.
 */
async function runRetriever(
  retriever: Retriever,
  knex: Knex,
  catalog: CatalogService,
  now: Date,
  workflow: WorkflowConfig,
  store: TechInsightsStore,
) {
  const options = fastTimestampOptions(knex);
  const facts: TechInsightFact[] = [];
  for await (const page of catalog.streamEntities(
    { pageSize: PAGE_SIZE },
    {} as any,
  )) {
    const refs = page.map(e => stringifyEntityRef(e));
    let query = knex(retriever.table)
      .whereIn('entity_ref', refs)
      .options(options);
    if (retriever.order) query = query.orderBy(retriever.order, 'desc');
    const rows = new Map<string, any[]>(refs.map(r => [r, []]));
    for (const row of await query) {
      rows.get(row.entity_ref)!.push(retriever.mapper(row));
    }
    for (const entity of page) {
      facts.push({
        entity: {
          kind: entity.kind,
          namespace: entity.metadata.namespace ?? 'default',
          name: entity.metadata.name,
        },
        facts: retriever.facts(
          rows.get(stringifyEntityRef(entity))!,
          now,
          workflow,
        ),
      });
    }
  }
  await store.insertFacts({ id: retriever.id, facts });
}

// ---------------------------------------------------------------------------
// Tech Insights: the checks
// ---------------------------------------------------------------------------

type Condition =
  | { fact: string; operator: string; value: string | number | boolean }
  | { all: Condition[] }
  | { any: Condition[] };

const eq = (fact: string, value: string | number | boolean): Condition => ({
  fact,
  operator: 'equal',
  value,
});
const yes = (fact: string) => eq(fact, true);
const no = (fact: string) => eq(fact, false);
const gte = (fact: string, value: number): Condition => ({
  fact,
  operator: 'greaterThanInclusive',
  value,
});
const gt = (fact: string, value: number): Condition => ({
  fact,
  operator: 'greaterThan',
  value,
});
const lte = (fact: string, value: number): Condition => ({
  fact,
  operator: 'lessThanInclusive',
  value,
});
const all = (...c: Condition[]) => ({ all: c });
const any = (...c: Condition[]) => ({ any: c });
/** shareToValue of the SAMM module: 1 from 100 %, 0.5 from 50 %, 0.25 above 0. */
const shareLevels = (fact: string): Record<number, Condition> => ({
  0.25: all(gt(fact, 0)),
  0.5: all(gte(fact, 0.5)),
  1: all(gte(fact, 1)),
});

/**
 * Per SAMM activity that the SAMM module's rules answer from evidence: for
 * each answer above 0 that the rule can give, the condition for "at least
 * that answer".
 */
const LEVELS: Record<string, Record<number, Condition>> = {
  // Governance
  'G-SM-1-A': {
    0.5: all(yes('hasIntake')),
    1: all(yes('hasIntake'), yes('tierHasTarget')),
  },
  'G-SM-1-B': {
    0.25: all({
      fact: 'governanceStatus',
      operator: 'notEqual',
      value: 'absent',
    }),
    0.5: all(yes('governanceCleared')),
    1: all(yes('governanceCleared'), lte('governanceUpdatedAgeDays', 90)),
  },
  'G-PC-1-B': { 1: all(yes('hasIntake')) },
  'G-PC-2-B': {
    0.5: all(yes('implControlMappingsDone')),
    1: all(yes('implControlMappingsDone'), yes('implControlMappingsLinked')),
  },
  'G-EG-1-B': { 1: all(gt('rasiSupportedCount', 0)) },
  // Design
  'D-TA-1-A': { 1: all(yes('hasIntake')) },
  'D-TA-2-A': {
    0.5: all(yes('hasIntake')),
    1: all(lte('intakeAgeDays', 365)),
  },
  'D-TA-1-B': {
    0.25: any(
      yes('threatModelingCleared'),
      eq('threatModelingStatus', 'in_progress'),
    ),
    1: all(yes('threatModelingCleared')),
  },
  'D-TA-2-B': shareLevels('decisionsTrackedShare'),
  'D-TA-3-B': {
    0.25: any(
      all(yes('threatModelingReopened'), no('threatModelingCleared')),
      all(yes('threatModelingCleared'), yes('threatModelingHasSignOffDate')),
    ),
    0.5: all(yes('threatModelingCleared'), yes('threatModelingHasSignOffDate')),
    1: all(
      yes('threatModelingCleared'),
      lte('threatModelingSignedOffAgeDays', 365),
    ),
  },
  'D-SR-1-A': { 1: all(yes('tmRisksDocumentedDone')) },
  'D-SR-2-A': {
    0.5: all(yes('threatModelingCleared')),
    1: all(yes('threatModelingCleared'), yes('threatModelingSignedOff')),
  },
  'D-SA-1-A': {
    0.5: all(yes('designAdrDone')),
    1: all(yes('designAdrDone'), yes('designAdrLinked')),
  },
  'D-SA-2-A': {
    0.5: all(yes('designControlsApprovedDone')),
    1: all(yes('designControlsApprovedDone'), yes('designSignedOff')),
  },
  // Implementation
  'I-SB-1-A': { 1: all(gt('releasesWithPipeline', 0)) },
  'I-SB-2-A': {
    0.5: all(gte('latestSlsaLevel', 1)),
    1: all(gte('latestSlsaLevel', 2)),
  },
  'I-SB-3-A': {
    0.5: any(yes('latestSigned'), yes('latestProvenance')),
    1: all(
      yes('latestSigned'),
      yes('latestProvenance'),
      gte('latestSlsaLevel', 3),
    ),
  },
  'I-SB-2-B': {
    0.25: all(gt('latestScanCount', 0)),
    1: all(gt('latestScanCount', 0), eq('latestFailedScans', 0)),
  },
  'I-SD-1-A': {
    0.25: all(gt('releaseCount', 0)),
    1: all(gt('releasesDecidedByPerson', 0)),
  },
  'I-SD-2-A': shareLevels('recentDecidedEvidencedShare'),
  'I-DM-1-A': { 1: all(yes('validationFindingsResolvedDone')) },
  'I-DM-3-A': {
    1: all(gt('exceptionsApproved', 0), eq('exceptionsExpired', 0)),
  },
  // Verification
  'V-AA-1-A': {
    0.5: all(yes('designCleared')),
    1: all(yes('designCleared'), yes('designSignedOff')),
  },
  'V-AA-2-B': shareLevels('decisionsImplementedShare'),
  'V-RT-1-A': {
    0.5: all(yes('validationAsvsDone')),
    1: all(yes('validationAsvsDone'), yes('validationAsvsLinked')),
  },
  'V-ST-1-A': {
    1: any(yes('implScansPassingDone'), gt('latestScanCount', 0)),
  },
  'V-ST-2-A': shareLevels('recentScannedShare'),
  'V-ST-1-B': {
    0.25: any(yes('validationCleared'), eq('validationStatus', 'in_progress')),
    1: all(yes('validationCleared')),
  },
  // Operations
  'O-IM-1-A': {
    1: any(yes('launchMonitoringActiveDone'), yes('latestRuntimeVisibility')),
  },
  'O-IM-1-B': {
    0.25: all(gte('containmentOwners', 1)),
    0.5: all(gte('containmentOwners', 2)),
    1: all(eq('containmentOwners', 4)),
  },
  'O-IM-2-B': {
    0.25: all(gt('worksheetCount', 0)),
    0.5: all(gt('closedDrillCount', 0)),
    1: all(lte('lastDrillAgeDays', 365)),
  },
  'O-IM-3-B': {
    0.5: all(gt('lessonsCount', 0)),
    1: all(gt('lessonsFedBackCount', 0)),
  },
  'O-EM-1-A': { 1: all(yes('latestBaselineControls')) },
  'O-EM-3-A': {
    0.5: all(
      eq('exceptionsExpired', 0),
      any(gt('exceptionsApproved', 0), gt('exceptionsRequested', 0)),
    ),
    1: all(
      eq('exceptionsExpired', 0),
      eq('exceptionsRequested', 0),
      gt('exceptionsApproved', 0),
    ),
  },
  'O-OM-1-A': { 1: all(yes('hasIntake')) },
  'O-OM-2-A': {
    0.25: any(yes('launchCleared'), gt('launchCriteriaDone', 0)),
    1: all(yes('launchCleared')),
  },
};

const retrieverOfFact = new Map(
  retrievers.flatMap(r => Object.keys(r.schema).map(f => [f, r.id])),
);
const factsOf = (c: Condition): string[] => {
  if ('all' in c) return c.all.flatMap(factsOf);
  if ('any' in c) return c.any.flatMap(factsOf);
  return [c.fact];
};

/** The JSON rules checks: one per activity and answer level. */
const CHECKS: TechInsightJsonRuleCheck[] = Object.entries(LEVELS).flatMap(
  ([activityId, levels]) =>
    Object.entries(levels).map(([value, conditions]) => {
      const factIds = [
        ...new Set(
          factsOf(conditions).map(f => {
            const id = retrieverOfFact.get(f);
            if (!id) throw new Error(`No retriever has the fact ${f}`);
            return id;
          }),
        ),
      ];
      return {
        id: `${activityId}@${value}`,
        type: 'json-rules-engine',
        name: `${activityId} answers at least ${value}`,
        description: `SAMM activity ${activityId}: the evidence supports an answer of at least ${value}.`,
        factIds,
        rule: { conditions: conditions as any },
        metadata: { activityId, value: Number(value) },
      };
    }),
);
const ACTIVITIES = Object.keys(LEVELS);
const ACTIVITY_INDEX = new Map(ACTIVITIES.map((a, i) => [a, i]));

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

const silentLogger: any = {
  info() {},
  warn: console.warn,
  error: console.error,
  debug() {},
  child() {
    return silentLogger;
  },
};

function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
  };
}
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);
const collectGarbage = () => (global as any).gc?.();

/**
 * CPU time, so that the comparison survives a busy machine (wall times on a
 * shared one depend on what else runs): this process's, and that of the
 * PostgreSQL backends serving the given databases (read from /proc; the
 * server runs on this machine).
 */
async function cpuMeter(knex: Knex, databases: string[]) {
  const backends = async () => {
    const { rows } = await knex.raw(
      'SELECT pid FROM pg_stat_activity WHERE datname = ANY(?)',
      [databases],
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows as Array<{ pid: number }>) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // Gone meanwhile, or /proc unreadable: not counted.
      }
    }
    return ticks;
  };
  const node = process.cpuUsage();
  const before = await backends();
  return async () => {
    const { user, system } = process.cpuUsage(node);
    let ticks = 0;
    for (const [pid, t] of await backends())
      ticks += t - (before.get(pid) ?? 0);
    // Linux counts /proc CPU times in ticks of 10 ms.
    return { nodeCpuMs: (user + system) / 1000, pgCpuMs: ticks * 10 };
  };
}

async function childSeed(n: number) {
  const knex = await freshDatabase('postgres', dbName(n));
  await migratedDatabase({
    getClient: async () => knex,
    migrations: { skip: false },
  } as any);
  const started = Date.now();
  await seed(knex, n + WARM_UP);
  const seedSeconds = (Date.now() - started) / 1000;
  await knex.raw('ANALYZE');
  console.log(JSON.stringify({ seedSeconds }));
  await knex.destroy();
}

async function childRun(n: number) {
  const knex = connect('postgres', dbName(n));
  const workflow = readWorkflowConfig(new ConfigReader({}));
  const auth = { getOwnServiceCredentials: async () => ({}) };
  const catalog = inMemoryCatalog(n);
  const warmUpCatalog = rangeCatalog(n, n + WARM_UP);
  // One `now` for both sides, so that ages in days agree.
  const now = new Date();
  // Tech Insights' store: in memory, or in its own PostgreSQL database.
  const tiStoreKind = process.env.BENCH_TI_STORE ?? 'memory';
  const tiDb =
    tiStoreKind === 'postgres'
      ? await freshDatabase('postgres', `${dbName(n)}_techinsights`)
      : undefined;
  const pgStore = tiDb && (await PostgresTechInsightsStore.create(tiDb));
  const databases = [dbName(n), `${dbName(n)}_techinsights`];

  // Ours: the first full rescoring (every score computed and written, with
  // the day's snapshot), as the scheduled job runs it.
  const oursSide = async (on: CatalogService) => {
    const scoring = await scoringService(knex, on, auth);
    collectGarbage();
    const oursRssStart = rssMb();
    const peak = trackPeakRss();
    const cpu = await cpuMeter(knex, databases);
    const ours = await scoring.rescoreAll(now);
    const oursPeakMb = peak();
    const { nodeCpuMs, pgCpuMs } = await cpu();
    if (ours.skipped) {
      throw new Error(`${ours.skipped} scores were current: seed afresh`);
    }
    return {
      entities: ours.entities,
      oursMs: ours.milliseconds,
      oursRssStart,
      oursPeakMb,
      oursNodeCpuMs: nodeCpuMs,
      oursPgCpuMs: pgCpuMs,
    };
  };

  // Tech Insights: (a) fact retrieval, (b) the checks for every entity.
  const tiSide = async (
    on: CatalogService,
    answers?: Map<string, Uint8Array>,
  ) => {
    collectGarbage();
    const tiRssStart = rssMb();
    const peak = trackPeakRss();
    const cpu = await cpuMeter(knex, databases);
    const store: TechInsightsStore = pgStore ?? new InMemoryTechInsightsStore();
    for (const r of retrievers) {
      await store.insertFactSchema({
        id: r.id,
        version: r.version,
        schema: r.schema,
      });
    }
    // (a) The retrievers, all on the same cadence: they run at the same time.
    const factsStarted = Date.now();
    await Promise.all(
      retrievers.map(r => runRetriever(r, knex, on, now, workflow, store)),
    );
    const factsMs = Date.now() - factsStarted;

    // (b) The checks, entity by entity, as the checks API runs them. Only
    // each activity's answer is kept (one byte per activity) for the
    // comparison below.
    const checker = new JsonRulesEngineFactCheckerFactory({
      checks: CHECKS,
      logger: silentLogger,
    }).construct(store);
    let passed = 0;
    const checksStarted = Date.now();
    for await (const page of on.streamEntities(
      { pageSize: PAGE_SIZE },
      {} as any,
    )) {
      for (const entity of page) {
        const ref = stringifyEntityRef(entity);
        const results = await checker.runChecks(ref);
        if (results.length !== CHECKS.length) {
          throw new Error(
            `${ref}: ${results.length} of ${CHECKS.length} checks ran`,
          );
        }
        const activityAnswers = new Uint8Array(ACTIVITIES.length);
        for (const { check, result } of results) {
          if (!result) continue;
          passed++;
          const i = ACTIVITY_INDEX.get(check.metadata!.activityId)!;
          activityAnswers[i] = Math.max(
            activityAnswers[i],
            check.metadata!.value * 4,
          );
        }
        answers?.set(ref, activityAnswers);
      }
    }
    const checksMs = Date.now() - checksStarted;
    const { nodeCpuMs, pgCpuMs } = await cpu();
    return {
      factsMs,
      checksMs,
      tiRssStart,
      tiPeakMb: peak(),
      tiNodeCpuMs: nodeCpuMs,
      tiPgCpuMs: pgCpuMs,
      passed,
    };
  };

  // Warm-up on the other components, then the timed runs.
  await oursSide(warmUpCatalog);
  await tiSide(warmUpCatalog);
  const tiAnswers = new Map<string, Uint8Array>();
  const tiFirst = process.env.BENCH_TI_FIRST === '1';
  let ti: Awaited<ReturnType<typeof tiSide>>;
  let ours: Awaited<ReturnType<typeof oursSide>>;
  if (tiFirst) {
    ti = await tiSide(catalog, tiAnswers);
    ours = await oursSide(catalog);
  } else {
    ours = await oursSide(catalog);
    ti = await tiSide(catalog, tiAnswers);
  }
  const [{ count }] = await knex('entity_scores').count({ count: '*' });
  if (ours.entities !== n || Number(count) !== n + WARM_UP) {
    throw new Error(`Expected ${n + WARM_UP} scores, found ${count}`);
  }

  // Untimed: the same answers as the SAMM rules give for the same records?
  const verified = await compare(knex, n, now, workflow, tiAnswers);

  console.log(
    JSON.stringify({
      ...ours,
      ...ti,
      first: tiFirst ? 'Tech Insights' : 'ours',
      tiStore: tiStoreKind,
      checks: CHECKS.length,
      activities: ACTIVITIES.length,
      practices: new Set(ACTIVITIES.map(a => a.slice(0, 4))).size,
      facts: retrievers.reduce((s, r) => s + Object.keys(r.schema).length, 0),
      retrievers: retrievers.length,
      checkRuns: n * CHECKS.length,
      ...verified,
    }),
  );
  await knex.destroy();
  await tiDb?.destroy();
}

/** Compares Tech Insights' answers with the SAMM rules' for every entity. */
async function compare(
  knex: Knex,
  n: number,
  now: Date,
  workflow: WorkflowConfig,
  tiAnswers: Map<string, Uint8Array>,
) {
  const records = new DatabaseRecordsStore(knex);
  const scorer = createSammScorer({ rules: sammRules });
  let compared = 0;
  const mismatches: string[] = [];
  for await (const page of inMemoryCatalog(n).streamEntities(
    { pageSize: PAGE_SIZE },
    {} as any,
  )) {
    const refs = page.map(e => stringifyEntityRef(e));
    const stored = await records.readRecords(refs);
    for (const [k, entity] of page.entries()) {
      const ref = refs[k];
      const own = stored.get(ref)!;
      const answers = scorer.score({
        entity,
        records: {
          ...own,
          requiredStageIds: requiredStageIds(workflow, own.intake?.tier),
        },
        workflow,
        now,
        signals: [],
      });
      const expected = new Uint8Array(ACTIVITIES.length);
      for (const a of answers) {
        const i = ACTIVITY_INDEX.get(a.id);
        if (i === undefined) {
          mismatches.push(`${ref} ${a.id}: no check for this activity`);
        } else expected[i] = a.value * 4;
      }
      const got = tiAnswers.get(ref)!;
      for (const [i, activity] of ACTIVITIES.entries()) {
        compared++;
        if (got[i] !== expected[i] && mismatches.length < 20) {
          mismatches.push(
            `${ref} ${activity}: SAMM rules ${expected[i] / 4}, Tech Insights ${
              got[i] / 4
            }`,
          );
        }
      }
    }
  }
  if (mismatches.length) {
    throw new Error(`Answers differ:\n${mismatches.join('\n')}`);
  }
  return { compared };
}

function child(mode: string, n: number): any {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', __filename, mode, String(n)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function matrix() {
  const sizes = (process.env.BENCH_SIZES ?? '10000').split(',').map(Number);
  console.log(`node ${process.version}, ${cpus().length} cores, PostgreSQL\n`);
  const wall: string[] = [];
  const cpu: string[] = [];
  let about: any;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  for (const n of sizes) {
    const { seedSeconds } = child('seed', n);
    const r = child('run', n);
    about = r;
    const tiMs = r.factsMs + r.checksMs;
    wall.push(
      `| ${n} | ${seedSeconds.toFixed(1)} | ${s(r.oursMs)} | ${s(
        r.factsMs,
      )} | ${s(r.checksMs)} | ${s(tiMs)} | ${(tiMs / r.oursMs).toFixed(1)} | ${
        r.oursPeakMb
      } (${r.oursRssStart}) | ${r.tiPeakMb} (${r.tiRssStart}) |`,
    );
    const ours = r.oursNodeCpuMs + r.oursPgCpuMs;
    const ti = r.tiNodeCpuMs + r.tiPgCpuMs;
    cpu.push(
      `| ${n} | ${s(r.oursNodeCpuMs)} | ${s(r.oursPgCpuMs)} | ${s(ours)} | ${s(
        r.tiNodeCpuMs,
      )} | ${s(r.tiPgCpuMs)} | ${s(ti)} | ${(ti / ours).toFixed(1)} |`,
    );
    console.error(JSON.stringify({ n, seedSeconds, ...r }));
  }
  console.log(
    '| components | seed (s) | ours: full rescoring (s) | TI: fact retrieval (s) | TI: checks (s) | TI total (s) | TI total / ours | ours: peak RSS (start), MB | TI: peak RSS (start), MB |',
  );
  console.log(
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  wall.forEach(r => console.log(r));
  console.log(
    '\n| components | ours: Node CPU (s) | ours: PostgreSQL CPU (s) | ours: CPU (s) | TI: Node CPU (s) | TI: PostgreSQL CPU (s) | TI: CPU (s) | TI CPU / ours |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  cpu.forEach(r => console.log(r));
  console.log(
    `\n${about.checks} JSON rules checks over ${about.activities} SAMM activities in ${about.practices} practices, ` +
      `${about.facts} facts from ${about.retrievers} fact retrievers; ` +
      `${about.checkRuns} check evaluations in the last run, ${about.passed} passed; ` +
      `${about.compared} activity answers compared with the SAMM rules', all equal. ${about.first} ran first; Tech Insights' store: ${about.tiStore}.`,
  );
}

const [mode, n] = process.argv.slice(2);
const run =
  {
    seed: () => childSeed(Number(n)),
    run: () => childRun(Number(n)),
  }[mode] ?? matrix;
run().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
