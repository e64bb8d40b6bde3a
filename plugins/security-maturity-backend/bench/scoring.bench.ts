/* eslint-disable no-console */
// Benchmark of whole-catalog rescoring (run with `yarn bench:scoring`).
//
//   no arguments                 the full matrix: SQLite and PostgreSQL at 1k, 10k
//                                and 50k components with an in-memory catalog,
//                                then the real catalog backend at 10k
//   seed <db> <n>                (child) fresh database with n components' records
//   rescore <db> <n>             (child) full rescoring from an in-memory catalog
//   catalog <db> <n>             (child) stream vs. rescore with the real catalog
//
// Seeding and rescoring run in separate child processes, so the peak RSS
// reported is that of rescoring alone.
import { CatalogService } from '@backstage/plugin-catalog-node';
import { execFileSync } from 'child_process';
import { Knex } from 'knex';
import { migratedDatabase } from '../src/database/migrate';
import {
  connect,
  Db,
  freshDatabase,
  inMemoryCatalog,
  scoringService,
} from './benchDb';
import { seed, syntheticEntity } from './seed';

const DAY_MS = 86_400_000;

/**
 * What autovacuum does on a live PostgreSQL database once a table has grown
 * (statistics, visibility map), done by hand because it may be off on a test
 * server: the first run fills the score tables from empty, and without it the
 * planner keeps believing they are empty.
 */
async function asAutovacuumWould(knex: Knex, db: Db) {
  await knex.raw(db === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
}

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

async function childSeed(db: Db, n: number) {
  const knex = await freshDatabase(db, `secmat_bench_${n}`);
  await migratedDatabase({
    getClient: async () => knex,
    migrations: { skip: false },
  } as any);
  const started = Date.now();
  await seed(knex, n);
  const seedSeconds = (Date.now() - started) / 1000;
  // Planner statistics, as autovacuum keeps them on a live database (it can
  // be off on a test server, and a freshly seeded table has none).
  await knex.raw('ANALYZE');
  console.log(JSON.stringify({ seedSeconds }));
  await knex.destroy();
}

async function childRescore(db: Db, n: number) {
  const knex = connect(db, `secmat_bench_${n}`);
  const scoring = await scoringService(knex, inMemoryCatalog(n), {
    getOwnServiceCredentials: async () => ({}),
  });
  const peak = trackPeakRss();
  // First: every score is new and written. Repeat: the same records again
  // the same day, where nothing is recomputed. Next day: the scheduled run
  // of the following day, which recomputes only scores whose time ran out
  // and writes the day's snapshot of the rest.
  const { entities, milliseconds } = await scoring.rescoreAll();
  await asAutovacuumWould(knex, db);
  const warm = await scoring.rescoreAll();
  const nextDay = await scoring.rescoreAll(new Date(Date.now() + DAY_MS));
  const peakRssMb = peak();
  const [{ count }] = await knex('entity_scores').count({ count: '*' });
  if (Number(count) !== n || entities !== n) {
    throw new Error(`Expected ${n} scores, found ${count}`);
  }
  console.log(
    JSON.stringify({
      seconds: milliseconds / 1000,
      perSecond: Math.round(n / (milliseconds / 1000)),
      warmSeconds: warm.milliseconds / 1000,
      warmPerSecond: Math.round(n / (warm.milliseconds / 1000)),
      nextDaySeconds: nextDay.milliseconds / 1000,
      nextDayRescored: n - nextDay.skipped,
      peakRssMb,
    }),
  );
  await knex.destroy();
}

async function childRealCatalog(db: Db, n: number) {
  // Imported here: only this mode needs a whole catalog backend.
  const { startTestBackend, mockServices } = await import(
    '@backstage/backend-test-utils'
  );
  const { coreServices, createBackendModule, createBackendPlugin } =
    await import('@backstage/backend-plugin-api');
  const { catalogProcessingExtensionPoint, catalogServiceRef } = await import(
    '@backstage/plugin-catalog-node'
  );

  const catalogDb = await freshDatabase(db, `secmat_bench_catalog_${n}`);
  const provider = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-provider',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'bench',
            async connect(connection) {
              const entities = Array.from({ length: n }, (_, i) => {
                const e = syntheticEntity(i);
                delete e.relations;
                e.metadata.annotations = {
                  'backstage.io/managed-by-location':
                    'url:https://example.com/bench',
                  'backstage.io/managed-by-origin-location':
                    'url:https://example.com/bench',
                };
                return { entity: e, locationKey: 'bench' };
              });
              await connection.applyMutation({ type: 'full', entities });
            },
          });
        },
      });
    },
  });
  let captured: { catalog: CatalogService; auth: any } | undefined;
  const probe = createBackendPlugin({
    pluginId: 'bench',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogServiceRef, auth: coreServices.auth },
        async init(deps) {
          captured = deps;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      provider,
      probe,
      mockServices.database.factory({ knex: catalogDb }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component'] }],
            processingInterval: { seconds: 5 },
          },
        },
      }),
    ],
  });
  const { catalog, auth } = captured!;
  const credentials = await auth.getOwnServiceCredentials();
  const loadStarted = Date.now();
  for (;;) {
    const { totalItems } = await catalog.queryEntities(
      { filter: { kind: 'Component' }, limit: 1 },
      { credentials },
    );
    if (totalItems >= n) break;
    if (Date.now() - loadStarted > 30 * 60_000)
      throw new Error(`Catalog has ${totalItems} of ${n} after 30 minutes`);
    await new Promise(r => setTimeout(r, 2000));
  }
  const catalogLoadSeconds = (Date.now() - loadStarted) / 1000;

  let streamed = 0;
  const streamStarted = Date.now();
  for await (const page of catalog.streamEntities(
    { filter: { kind: 'Component' }, pageSize: 500 },
    { credentials },
  )) {
    streamed += page.length;
  }
  const streamSeconds = (Date.now() - streamStarted) / 1000;

  const knex = connect(db, `secmat_bench_${n}`);
  const scoring = await scoringService(knex, catalog, auth);
  const { entities, milliseconds } = await scoring.rescoreAll();
  const rescoreSeconds = milliseconds / 1000;
  await asAutovacuumWould(knex, db);
  // The scheduled run on an unchanged catalog: inputs unchanged, not rescored.
  const repeat = await scoring.rescoreAll();
  const repeatSeconds = repeat.milliseconds / 1000;
  const nextDay = await scoring.rescoreAll(new Date(Date.now() + DAY_MS));
  const nextDaySeconds = nextDay.milliseconds / 1000;
  console.log(
    JSON.stringify({
      catalogLoadSeconds,
      streamed,
      streamSeconds,
      entities,
      rescoreSeconds,
      ratio: +(rescoreSeconds / streamSeconds).toFixed(2),
      repeatSeconds,
      repeatRatio: +(repeatSeconds / streamSeconds).toFixed(2),
      nextDaySeconds,
      nextDayRatio: +(nextDaySeconds / streamSeconds).toFixed(2),
    }),
  );
  await knex.destroy();
  await backend.stop();
  await catalogDb.destroy();
}

function child(mode: string, db: Db, n: number): any {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, __filename, mode, db, String(n)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function matrix() {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000')
    .split(',')
    .map(Number);
  const dbs = (process.env.BENCH_DBS ?? 'sqlite,postgres').split(',') as Db[];
  console.log(
    `node ${process.version}, ${require('os').cpus().length} cores\n`,
  );
  console.log(
    '| database | components | seed (s) | first rescoring (s) | components/s | repeat, same day (s) | components/s | next day (s) | recomputed next day | peak RSS (MB) |',
  );
  console.log(
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const db of dbs) {
    for (const n of sizes) {
      const { seedSeconds } = child('seed', db, n);
      const r = child('rescore', db, n);
      console.log(
        `| ${db} | ${n} | ${seedSeconds.toFixed(1)} | ${r.seconds.toFixed(
          2,
        )} | ${r.perSecond} | ${r.warmSeconds.toFixed(2)} | ${
          r.warmPerSecond
        } | ${r.nextDaySeconds.toFixed(2)} | ${r.nextDayRescored} | ${
          r.peakRssMb
        } |`,
      );
    }
  }
  const realN = Number(process.env.BENCH_REAL_CATALOG ?? 10000);
  if (realN > 0) {
    console.log(
      '\n| database | components | catalog load (s) | stream only (s) | first rescoring via catalog (s) | first / stream | repeat, same day (s) | repeat / stream | next day (s) | next day / stream |',
    );
    console.log(
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const db of dbs.filter(d => d === 'postgres')) {
      if (!sizes.includes(realN)) child('seed', db, realN);
      const r = child('catalog', db, realN);
      console.log(
        `| ${db} | ${r.streamed} | ${r.catalogLoadSeconds.toFixed(
          0,
        )} | ${r.streamSeconds.toFixed(2)} | ${r.rescoreSeconds.toFixed(2)} | ${
          r.ratio
        } | ${r.repeatSeconds.toFixed(2)} | ${
          r.repeatRatio
        } | ${r.nextDaySeconds.toFixed(2)} | ${r.nextDayRatio} |`,
      );
    }
  }
}

const [mode, db, n] = process.argv.slice(2);
const run =
  {
    seed: () => childSeed(db as Db, Number(n)),
    rescore: () => childRescore(db as Db, Number(n)),
    catalog: () => childRealCatalog(db as Db, Number(n)),
  }[mode] ?? matrix;
run().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
