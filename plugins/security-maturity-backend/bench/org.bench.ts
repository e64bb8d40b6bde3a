/* eslint-disable no-console */
// Benchmark of the org-wide views (run with `yarn bench:org`): N scored
// components on PostgreSQL (default 50,000), the real plugin served over HTTP,
// and autocannon in a second process putting 10 connections of load on each
// view for 20 seconds. Prints latency percentiles and requests per second.
//
// Environment: BENCH_ORG_N (components), BENCH_ORG_SECONDS (per scenario),
// BENCH_ORG_REUSE=1 (keep an already seeded and scored database),
// BENCH_ORG_RUNS (sequential calls per read-model query, default 20),
// BENCH_ORG_ONLY (run only the scenarios whose label contains this text, e.g.
// `campaign`; the read-model timings are then skipped).
//
// After the HTTP scenarios, the org read model is timed on its own (SQL and
// row mapping only: no HTTP, access checks or rollup maths), to tell the
// database's share of each view from the rest.
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { Knex } from 'knex';
import { AddressInfo } from 'net';
import {
  isoDayBefore,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { migratedDatabase } from '../src/database/migrate';
import { DatabaseOrgReadModel } from '../src/database/org/DatabaseOrgReadModel';
import { practiceColumn } from '../src/database/scores/ScoreRow';
import { resolveFilter, toPage } from '../src/org/orgFilter';
import { OrgStructure } from '../src/org/OrgStructure';
import { quarterRange } from '../src/org/quarter';
import { securityMaturityPlugin } from '../src/plugin';
import {
  connect,
  freshDatabase,
  inMemoryCatalog,
  noScheduledTasks,
  scoringService,
} from './benchDb';
import { seed, syntheticEntity } from './seed';

const N = Number(process.env.BENCH_ORG_N ?? 50_000);
const SECONDS = Number(process.env.BENCH_ORG_SECONDS ?? 20);
const RUNS = Number(process.env.BENCH_ORG_RUNS ?? 20);
const LEAD = 'user:default/lena';
const COMPANY = 'northwind';
const ONLY = process.env.BENCH_ORG_ONLY;

// Two departments over the six synthetic teams, so an owner filter on a
// department covers its nested teams.
const departments: Record<string, string[]> = {
  engineering: ['payments', 'identity', 'storefront'],
  'data-platform': ['platform', 'search', 'data'],
};

function orgEntities(): Entity[] {
  const group = (name: string, parent?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: parent ? 'team' : 'department', children: [] },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  });
  // Both departments under one company group, so that a campaign can cover
  // every component (its scope is the org page's filters).
  const out: Entity[] = [group('security-leads'), group(COMPANY)];
  for (const [dept, teams] of Object.entries(departments)) {
    out.push(group(dept, COMPANY));
    for (const team of teams) {
      out.push(group(`${team}-team`, dept));
      out.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: `${team}-system`, namespace: 'default' },
        spec: { owner: `group:default/${team}-team` },
      });
    }
  }
  return out;
}

async function prepare(name: string) {
  if (process.env.BENCH_ORG_REUSE === '1') return connect('postgres', name);
  const knex = await freshDatabase('postgres', name);
  await migratedDatabase({ getClient: async () => knex });
  let t = Date.now();
  await seed(knex, N);
  console.log(`seeded ${N} components in ${(Date.now() - t) / 1000} s`);
  t = Date.now();
  const scoring = await scoringService(knex, inMemoryCatalog(N), {
    getOwnServiceCredentials: async () => ({}),
  });
  await scoring.rescoreAll();
  console.log(`scored them in ${(Date.now() - t) / 1000} s`);
  await addHistory(knex);
  // Planner statistics and the visibility map, as autovacuum keeps them on a
  // live database (index-only counts depend on it).
  await knex.raw('VACUUM ANALYZE');
  return knex;
}

/** The days before today that get a snapshot, for "progress since". */
const HISTORY_DAYS = [120, 100, 80, 60, 40, 20];
/** The day progress is measured since: between two snapshots. */
const SINCE = isoDayBefore(90);

/**
 * A history for "progress since": today's snapshot of every component
 * copied to earlier days. Each component's baseline is looked up through the
 * snapshots' key, so their number per component hardly matters; a few days
 * on either side of the day asked for keep the lookup honest.
 */
async function addHistory(knex: Knex) {
  const today = new Date().toISOString().slice(0, 10);
  const columns = [
    'overall',
    'functions',
    'practices',
    ...['g', 'd', 'i', 'v', 'o'].map(f => `fn_${f}`),
    ...SAMM_PRACTICES.map(p => practiceColumn(p.id)),
  ].join(', ');
  for (const days of HISTORY_DAYS) {
    await knex.raw(
      `INSERT INTO score_snapshots (entity_ref, day, ${columns})
       SELECT entity_ref, ?, ${columns} FROM score_snapshots WHERE day = ?`,
      [isoDayBefore(days), today],
    );
  }
}

async function serve(knex: Knex) {
  return startTestBackend({
    features: [
      securityMaturityPlugin,
      mockServices.database.factory({ knex }),
      // The org, and one component whose Security tab is measured.
      catalogServiceMock.factory({
        entities: [...orgEntities(), syntheticEntity(1)],
      }),
      // The lead is a member of the security leads group.
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo() {
            return {
              userEntityRef: LEAD,
              ownershipEntityRefs: [LEAD, 'group:default/security-leads'],
            };
          },
        }),
      }),
      // No scheduled rescoring while measuring.
      noScheduledTasks,
    ],
  });
}

// Asynchronous: the server answers from this process while autocannon runs.
async function load(url: string, authorization: string) {
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    [
      require.resolve('autocannon/autocannon.js'),
      '--connections',
      '10',
      '--duration',
      String(SECONDS),
      '--json',
      '--headers',
      `authorization=${authorization}`,
      url,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const r = JSON.parse(out);
  return {
    requests: r.requests.total,
    perSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** Sequential calls of each read-model query: median and p90 in ms. */
async function timeReadModel(knex: Knex) {
  const readModel = new DatabaseOrgReadModel(knex);
  const org = new OrgStructure(orgEntities());
  const department = resolveFilter({ owner: 'group:default/engineering' }, org);
  const team = resolveFilter({ owner: 'group:default/payments-team' }, org);
  const byScore = toPage({ sort: 'overall', limit: 50 });
  const now = new Date();
  const quarter = quarterRange(
    `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`,
  );
  const calls: Array<[string, () => Promise<unknown>]> = [
    [
      'components, owner = department',
      () => readModel.components(department, byScore),
    ],
    ['components, owner = one team', () => readModel.components(team, byScore)],
    [
      'components by percent to target, no filter',
      () =>
        readModel.components(
          {},
          toPage({ sort: 'percentToTarget', limit: 50 }),
        ),
    ],
    ['sums per owner, owner = one team', () => readModel.sumsBy(team, 'owner')],
    [
      'progress sums since 90 days ago, owner = one team',
      () => readModel.progressSums(team, SINCE),
    ],
    [
      'progress sums since 90 days ago, no filter',
      () => readModel.progressSums({}, SINCE),
    ],
    ['stage progress, owner = one team', () => readModel.stageProgress(team)],
    [
      'metrics pack data, owner = one team',
      () => readModel.metricsPack(team, quarter),
    ],
  ];
  console.log(`\nread model alone, ${RUNS} sequential calls each\n`);
  console.log('| read model query | p50 (ms) | p90 (ms) |');
  console.log('| --- | ---: | ---: |');
  for (const [label, call] of calls) {
    await call();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      await call();
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    ms.sort((a, b) => a - b);
    const at = (p: number) =>
      ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
    console.log(`| ${label} | ${at(0.5)} | ${at(0.9)} |`);
  }
}

async function main() {
  const knex = await prepare(`secmat_bench_org_${N}`);
  const backend = await serve(knex);
  const server = backend.server;
  const port = (server.address() as AddressInfo).port;
  const authorization = mockCredentials.user.header(LEAD);
  const base = `http://127.0.0.1:${port}/api/security-maturity/org`;
  const entities = `http://127.0.0.1:${port}/api/security-maturity/entities/component/default`;
  const enc = encodeURIComponent;
  const scenarios: Array<[string, string]> = [
    [
      'components, first page by score, owner = department (3 nested teams)',
      `${base}/components?owner=${enc(
        'group:default/engineering',
      )}&sort=overall&limit=50`,
    ],
    [
      'components, first page by score, owner = one team',
      `${base}/components?owner=${enc(
        'group:default/payments-team',
      )}&sort=overall&limit=50`,
    ],
    [
      'components, first page by percent to target, no filter',
      `${base}/components?sort=percentToTarget&limit=50`,
    ],
    [
      'overview (rollups, heatmap, bottlenecks, exceptions, RASI), owner = one team',
      `${base}/overview?owner=${enc('group:default/payments-team')}`,
    ],
    [
      'overview with progress since 90 days ago, owner = one team',
      `${base}/overview?owner=${enc(
        'group:default/payments-team',
      )}&since=${SINCE}`,
    ],
    [
      'overview, owner = department (3 nested teams)',
      `${base}/overview?owner=${enc('group:default/engineering')}`,
    ],
    [
      'overview, owner = one team, while a change lands every second',
      // withinDays=31: not the view cached by the scenarios above
      `${base}/overview?owner=${enc(
        'group:default/payments-team',
      )}&withinDays=31`,
    ],
    [
      "the Security tab's records (entity picture) of one component",
      `${entities}/svc-1`,
    ],
    ["the Security tab's score of one component", `${entities}/svc-1/score`],
  ];
  // A campaign over every component: Threat Assessment at 2.5 or more (about
  // two in five meet it), from
  // before the first snapshot of the history.
  const created = await fetch(`${base}/campaigns`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Bench: Threat Assessment for everyone',
      scope: { owner: `group:default/${COMPANY}` },
      goal: { all: [{ kind: 'practice', practiceId: 'D-TA', atLeast: 2.5 }] },
      startDay: isoDayBefore(Math.max(...HISTORY_DAYS) + 10),
      targetDay: isoDayBefore(-30),
      ownerRef: LEAD,
    }),
  });
  if (!created.ok) {
    throw new Error(`campaign: ${created.status} ${await created.text()}`);
  }
  const campaign = `${base}/campaigns/${(await created.json()).id}`;
  scenarios.push(
    [
      `campaign over every component: progress and burn-up (${HISTORY_DAYS.length} snapshot days and today)`,
      campaign,
    ],
    [
      'campaign over every component: first page of the components missing its goal',
      `${campaign}/missing?limit=50`,
    ],
  );
  const [{ count }] = await knex('entity_scores').count({ count: '*' });
  console.log(
    `\nnode ${process.version}, ${
      require('os').cpus().length
    } cores, PostgreSQL, ${count} scored components, autocannon: 10 connections x ${SECONDS} s from a second process\n`,
  );
  console.log(
    '| view | requests/s | p50 (ms) | p90 (ms) | p97.5 (ms) | p99 (ms) | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  // The plugin serves from this process: its memory is what the views cost.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  for (const [label, url] of scenarios) {
    if (ONLY && !label.includes(ONLY)) continue;
    const warm = await fetch(url, { headers: { authorization } });
    if (!warm.ok)
      throw new Error(`${url}: ${warm.status} ${await warm.text()}`);
    // A change anywhere (what a record edit or a rescoring page does to the
    // change count) drops the cached views, so each second's first request
    // computes its view again.
    const changes = label.includes('a change lands')
      ? setInterval(() => {
          knex('data_version')
            .where({ id: 1 })
            .increment('version', 1)
            .catch(() => {});
        }, 1000)
      : undefined;
    const r = await load(url, authorization);
    if (changes) clearInterval(changes);
    console.log(
      `| ${label} | ${r.perSecond} | ${r.p50} | ${r.p90} | ${r.p97_5} | ${r.p99} | ${r.errors} |`,
    );
  }
  clearInterval(sampler);
  console.log(
    `\npeak RSS of the serving process over the scenarios: ${Math.round(
      peakRss / 1024 / 1024,
    )} MB`,
  );
  if (!ONLY) await timeReadModel(knex);
  await backend.stop();
  await knex.destroy();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
