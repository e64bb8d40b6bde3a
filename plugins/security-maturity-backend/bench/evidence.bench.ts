/* eslint-disable no-console */
// Benchmark of evidence from tools (run with `yarn bench:evidence`), on
// PostgreSQL:
//  1. a 20 MB SARIF file with 50,000 results pushed through the real route
//     (JSON parsing, schema validation, summary, write): time and the serving
//     process's peak RSS, for a first push, a second run of the tool with a
//     tenth of the results fixed (new vs. fixed against the previous upload),
//     and the same file again (nothing written);
//  2. the first full rescoring of BENCH_EVIDENCE_N components (default
//     10,000) without signals, then with five current signals per component
//     and the SAMM rules over signals, twice each, alternating.
// BENCH_EVIDENCE_ONLY=ingest or =rescoring runs one of the two.
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createSammScorer,
  sammRules,
  signalRules,
} from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import { Knex } from 'knex';
import { AddressInfo } from 'net';
import { readWorkflowConfig } from '../src/config/readWorkflowConfig';
import { DatabaseEvidenceStore } from '../src/database/evidence/DatabaseEvidenceStore';
import { migratedDatabase } from '../src/database/migrate';
import { DatabaseRecordsStore } from '../src/database/records/DatabaseRecordsStore';
import { DatabaseScoreStore } from '../src/database/scores/DatabaseScoreStore';
import { securityMaturityPlugin } from '../src/plugin';
import { ScoringService } from '../src/scoring/ScoringService';
import { ScorerRegistry } from '../src/service/ScorerRegistry';
import { freshDatabase, inMemoryCatalog, noScheduledTasks } from './benchDb';
import { seed, syntheticEntity } from './seed';

const N = Number(process.env.BENCH_EVIDENCE_N ?? 10_000);
const RESULTS = 50_000;
const MB = 1024 * 1024;

/** A CodeQL-like SARIF run: 200 rules, `results` findings, about 20 MB. */
function sarif(results: number, fixedEvery = 0) {
  const rules = Array.from({ length: 200 }, (_, r) => ({
    id: `js/rule-${r}`,
    name: `Rule${r}`,
    shortDescription: { text: `Finding of kind ${r}` },
    defaultConfiguration: { level: r % 10 === 0 ? 'error' : 'warning' },
    properties: { tags: ['security', `external/cwe/cwe-${r}`] },
  }));
  const found = [];
  for (let i = 0; i < results; i++) {
    if (fixedEvery && i % fixedEvery === 0) continue;
    found.push({
      ruleId: `js/rule-${i % 200}`,
      ruleIndex: i % 200,
      message: {
        text: `Untrusted data flows from the request to a sensitive sink in handler ${i}; sanitise it or use the safe API. `.repeat(
          2,
        ),
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: `src/services/module-${i % 997}/handler-${i}.ts`,
            },
            region: { startLine: (i % 400) + 1, startColumn: 5, endColumn: 42 },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `fp-${i}:1` },
    });
  }
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'CodeQL',
            semanticVersion: '2.19.3',
            rules,
          },
        },
        automationDetails: { id: '/language:javascript-typescript/' },
        results: found,
      },
    ],
  });
}

async function ingest() {
  const knex = await freshDatabase('postgres', 'secmat_bench_evidence_push');
  const { server } = await startTestBackend({
    features: [
      securityMaturityPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [syntheticEntity(1)] }),
      noScheduledTasks,
    ],
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/api/security-maturity/entities/component/default/svc-1/evidence/sarif`;
  const authorization = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:ci-pipeline'),
    targetPluginId: 'security-maturity',
  });
  const files: Array<[string, string]> = [
    ['first push, 50,000 results', sarif(RESULTS)],
    ['next run, a tenth fixed', sarif(RESULTS, 10)],
  ];
  files.push(['the same file again', files[1][1]]);
  console.log(
    '\n| SARIF push | size (MB) | time (s) | status | peak RSS (MB) | RSS before (MB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, body] of files) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const t = process.hrtime.bigint();
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: body,
    });
    await res.text();
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    clearInterval(sampler);
    console.log(
      `| ${label} | ${(body.length / MB).toFixed(1)} | ${seconds.toFixed(
        2,
      )} | ${res.status} | ${Math.round(peak / MB)} | ${Math.round(
        before / MB,
      )} |`,
    );
  }
  await server.close?.();
  await knex.destroy();
}

/** Five current signals per component, in the tools' summary shapes. */
async function addSignals(knex: Knex, n: number) {
  const store = new DatabaseEvidenceStore(knex);
  const observedAt = new Date(Date.now() - 86_400_000).toISOString();
  const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
  for (let start = 0; start < n; start += 500) {
    const signals = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const entityRef = `component:default/svc-${i}`;
      const common = { entityRef, observedAt, validUntil };
      signals.push(
        {
          ...common,
          source: 'sarif',
          key: 'codeql:/language:javascript-typescript/',
          value: {
            tool: 'CodeQL',
            rules: 40,
            results: i % 7,
            byLevel: { error: i % 3 === 0 ? 1 : 0, warning: i % 7, note: 0, none: 0 },
            errorsOpen: i % 3 === 0 ? 1 : 0,
            oldestErrorSince: i % 3 === 0 ? observedAt : null,
            secretScanning: false,
          },
          link: `https://ci.example.com/svc-${i}/codeql`,
        },
        {
          ...common,
          source: 'sarif',
          key: 'gitleaks',
          value: { tool: 'gitleaks', rules: 0, results: 0, byLevel: { error: 0, warning: 0, note: 0, none: 0 }, errorsOpen: 0, secretScanning: true },
        },
        {
          ...common,
          source: 'cyclonedx',
          key: 'sbom',
          value: { specVersion: '1.5', components: 120, withPurl: 118, dependencyGraph: true },
        },
        {
          ...common,
          source: 'slsa-provenance',
          key: 'provenance',
          value: { buildLevel: (i % 3) + 1, signed: true, builderId: 'https://github.com/slsa-framework/slsa-github-generator' },
        },
        {
          ...common,
          source: 'openssf-scorecard',
          key: `github.com/northwind/svc-${i}`,
          value: { score: 6.5, checks: { SAST: 8, Fuzzing: 0, 'Branch-Protection': 8, 'Code-Review': 9, 'Dependency-Update-Tool': 10, Vulnerabilities: 10 } },
        },
      ); // prettier-ignore
    }
    await store.writeCollected({
      collectorId: 'bench',
      signals: signals.map(s => ({ ...s, source: s.source })) as any,
      now: new Date(),
    });
  }
}

async function rescoring() {
  const knex = await freshDatabase('postgres', `secmat_bench_evidence_${N}`);
  await migratedDatabase({
    getClient: async () => knex,
    migrations: { skip: false },
  } as any);
  await seed(knex, N);
  await addSignals(knex, N);
  await knex.raw('VACUUM ANALYZE');
  const workflow = readWorkflowConfig(new ConfigReader({}));
  const logger: any = {
    info() {},
    warn: console.warn,
    error: console.error,
    debug() {},
    child() {
      return logger;
    },
  };
  const service = (withSignals: boolean) => {
    const scorers = new ScorerRegistry();
    scorers.addScorer(createSammScorer({ rules: sammRules }));
    if (withSignals) {
      scorers.addScorer(
        createSammScorer({ rules: signalRules, id: 'samm-signals' }),
      );
    }
    return new ScoringService({
      records: new DatabaseRecordsStore(knex),
      scores: new DatabaseScoreStore(knex),
      ...(withSignals ? { evidence: new DatabaseEvidenceStore(knex) } : {}),
      scorers,
      workflow,
      catalog: inMemoryCatalog(N),
      auth: { getOwnServiceCredentials: async () => ({}) },
      logger,
      attestedMaxAgeDays: 365,
    } as any);
  };
  console.log(
    `\n| first full rescoring of ${N} components | run | time (s) | components/s |`,
  );
  console.log('| --- | ---: | ---: | ---: |');
  const times: Record<string, number[]> = { without: [], with: [] };
  for (const run of [1, 2]) {
    for (const withSignals of [false, true]) {
      // A first rescoring: no stored scores to compare with.
      await knex('score_snapshots').delete();
      await knex('entity_scores').delete();
      const t = process.hrtime.bigint();
      await service(withSignals).rescoreAll();
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const label = withSignals
        ? 'with 5 signals each and the rules over signals'
        : 'without signals';
      times[withSignals ? 'with' : 'without'].push(seconds);
      console.log(
        `| ${label} | ${run} | ${seconds.toFixed(2)} | ${Math.round(
          N / seconds,
        )} |`,
      );
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `\nwith / without signals: ${(
      mean(times.with) / mean(times.without)
    ).toFixed(2)}`,
  );
  await knex.destroy();
}

async function main() {
  console.log(`node ${process.version}, ${require('os').cpus().length} cores`);
  const only = process.env.BENCH_EVIDENCE_ONLY; // 'ingest' or 'rescoring'
  if (only !== 'rescoring') await ingest();
  if (only !== 'ingest') await rescoring();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
