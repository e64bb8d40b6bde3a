// What both benchmarks share: bench databases on SQLite or PostgreSQL, the
// scoring service as the plugin builds it, and a catalog served from memory.
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createSammScorer,
  sammRules,
} from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import { execFileSync } from 'child_process';
import { mkdirSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { tmpdir } from 'os';
import { join } from 'path';
import { readWorkflowConfig } from '../src/config/readWorkflowConfig';
import { migratedDatabase } from '../src/database/migrate';
import { DatabaseRecordsStore } from '../src/database/records/DatabaseRecordsStore';
import { DatabaseScoreStore } from '../src/database/scores/DatabaseScoreStore';
import { ScoringService } from '../src/scoring/ScoringService';
import { ScorerRegistry } from '../src/service/ScorerRegistry';
import { syntheticEntity } from './seed';

export type Db = 'sqlite' | 'postgres';
export const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const sqliteDir = join(tmpdir(), 'secmat-bench');

export function connect(db: Db, name: string): Knex {
  if (db === 'sqlite') {
    mkdirSync(sqliteDir, { recursive: true });
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(sqliteDir, `${name}.sqlite`) },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: `${PG}/${name}`,
    pool: { min: 0, max: 5 },
  });
}

export async function freshDatabase(db: Db, name: string): Promise<Knex> {
  if (db === 'sqlite') {
    execFileSync('rm', ['-f', join(sqliteDir, `${name}.sqlite`)]);
  } else {
    const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
    await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
    await admin.raw('CREATE DATABASE ??', [name]);
    await admin.destroy();
  }
  return connect(db, name);
}

const silentLogger: any = {
  info() {},
  warn: console.warn,
  error: console.error,
  debug() {},
  child() {
    return silentLogger;
  },
};

export async function scoringService(
  knex: Knex,
  catalog: CatalogService,
  auth: any,
) {
  await migratedDatabase({
    getClient: async () => knex,
    migrations: { skip: false },
  } as any);
  const scorers = new ScorerRegistry();
  scorers.addScorer(createSammScorer({ rules: sammRules }));
  return new ScoringService({
    records: new DatabaseRecordsStore(knex),
    scores: new DatabaseScoreStore(knex),
    scorers,
    workflow: readWorkflowConfig(new ConfigReader({})),
    catalog,
    auth,
    logger: silentLogger,
    attestedMaxAgeDays: 365,
  });
}

/** A catalog that generates its pages on the fly, so it holds no entities. */
export function inMemoryCatalog(n: number): CatalogService {
  return {
    async *streamEntities(request?: { pageSize?: number }) {
      const size = request?.pageSize ?? 500;
      for (let start = 0; start < n; start += size) {
        const page: Entity[] = [];
        for (let i = start; i < Math.min(n, start + size); i++)
          page.push(syntheticEntity(i));
        yield page;
      }
    },
  } as unknown as CatalogService;
}

/** A scheduler that runs nothing: no scheduled task while a benchmark measures. */
export const noScheduledTasks = createServiceFactory({
  service: coreServices.scheduler,
  deps: {},
  factory: () =>
    ({
      scheduleTask: async () => {},
      triggerTask: async () => {},
      createScheduledTaskRunner: () => ({ run: async () => {} }),
      getScheduledTasks: async () => [],
    } as any),
});
