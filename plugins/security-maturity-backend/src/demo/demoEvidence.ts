import { createHash } from 'crypto';
import { DemoStep, DEMO_DAYS, teams } from './demoCast';

/**
 * What the teams' pipelines push in the demo's last weeks: the files their
 * tools write (SARIF from CodeQL, Semgrep and gitleaks, an OpenSSF
 * Scorecard, CycloneDX SBOMs, SLSA provenance), built here in the tools'
 * own shapes with the day's time, so the Security tab has evidence from
 * tools and SAMM answers derived from it. Payments pushes everything;
 * card-vault has an error its scans keep finding; auth-gateway has a weak
 * Scorecard and unsigned provenance; storefront-web an SBOM only.
 */

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const fp = (text: string) => sha(text).slice(0, 16);
const repo = (component: string) => `github.com/northwind/${component}`;
const run = (component: string, n: number) =>
  `https://github.com/northwind/${component}/actions/runs/${11870000000 + n}`;

type Finding = {
  rule: string;
  level: 'error' | 'warning' | 'note';
  file: string;
  line: number;
  message: string;
};

/** A SARIF 2.1.0 log of one tool's run. */
function sarif(
  tool: { name: string; version: string; category?: string },
  findings: Finding[],
  at: Date,
) {
  const rules = [...new Set(findings.map(f => f.rule))];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            semanticVersion: tool.version,
            rules: rules.map(id => ({
              id,
              shortDescription: { text: id },
              defaultConfiguration: {
                level: findings.find(f => f.rule === id)!.level,
              },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: new Date(at.getTime() - 6 * 60_000).toISOString(),
            endTimeUtc: at.toISOString(),
          },
        ],
        results: findings.map(f => ({
          ruleId: f.rule,
          ruleIndex: rules.indexOf(f.rule),
          level: f.level,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line },
              },
            },
          ],
          partialFingerprints: {
            primaryLocationLineHash: `${fp(`${f.rule}${f.file}${f.line}`)}:1`,
          },
        })),
        ...(tool.category ? { automationDetails: { id: tool.category } } : {}),
      },
    ],
  };
}

function scorecard(component: string, checks: Record<string, number>, at: Date) {
  const score =
    Object.values(checks).filter(s => s >= 0).reduce((a, b) => a + b, 0) /
    Object.values(checks).filter(s => s >= 0).length;
  return {
    date: at.toISOString(),
    repo: { name: repo(component), commit: sha(`${component}${at}`).slice(0, 40) },
    scorecard: { version: 'v5.0.0', commit: 'ea7e27ed41b76ab879c862fa0ca4cc9c61764ee4' },
    score: Math.round(score * 10) / 10,
    checks: Object.entries(checks).map(([name, s]) => ({
      name,
      score: s,
      reason: s === 10 ? 'no issues detected' : `${name}: score ${s}`,
      details: null,
      documentation: {
        short: name,
        url: `https://github.com/ossf/scorecard/blob/v5.0.0/docs/checks.md#${name.toLowerCase()}`,
      },
    })),
    metadata: null,
  };
} // prettier-ignore

function cyclonedx(
  component: string,
  version: string,
  specVersion: '1.5' | '1.6',
  packages: string[],
  withGraph: boolean,
  at: Date,
) {
  const root = `pkg:npm/${component}@${version}`;
  const refs = packages.map(p => `pkg:npm/${p}`);
  return {
    bomFormat: 'CycloneDX',
    specVersion,
    serialNumber: `urn:uuid:${sha(`${component}${at}`).slice(0, 8)}-5c4f-4e3a-8d7b-1f2e3a4b5c6d`,
    version: 1,
    metadata: {
      timestamp: at.toISOString(),
      tools: { components: [{ type: 'application', name: 'syft', version: '1.16.0' }] },
      component: { 'bom-ref': root, type: 'application', name: component, version },
    },
    components: refs.map(ref => {
      const [name, v] = ref.slice('pkg:npm/'.length).split('@');
      return { type: 'library', 'bom-ref': ref, name, version: v, purl: ref };
    }),
    ...(withGraph ? { dependencies: [{ ref: root, dependsOn: refs }] } : {}),
  };
} // prettier-ignore

/** SLSA provenance v0.2 in a DSSE envelope (signed), or a bare v1 statement. */
function provenance(component: string, artifact: string, at: Date, signed: boolean) {
  if (signed) {
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      subject: [{ name: artifact, digest: { sha256: sha(`${artifact}${at}`) } }],
      predicate: {
        builder: { id: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.0.0' },
        buildType: 'https://github.com/slsa-framework/slsa-github-generator/generic@v1',
        invocation: { configSource: { uri: `git+https://${repo(component)}@refs/heads/main`, entryPoint: '.github/workflows/release.yml' } },
        metadata: { buildStartedOn: new Date(at.getTime() - 4 * 60_000).toISOString(), buildFinishedOn: at.toISOString() },
      },
    };
    return {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
      signatures: [{ keyid: '', sig: sha(JSON.stringify(statement)) }],
    };
  }
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: artifact, digest: { sha256: sha(`${artifact}${at}`) } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1', externalParameters: { workflow: { ref: 'refs/heads/main', repository: `https://${repo(component)}`, path: '.github/workflows/build.yml' } } },
      runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' }, metadata: { startedOn: new Date(at.getTime() - 6 * 60_000).toISOString(), finishedOn: at.toISOString() } },
    },
  };
} // prettier-ignore

const PAYMENTS_FINDINGS: Finding[] = [
  { rule: 'js/missing-rate-limiting', level: 'warning', file: 'src/app.ts', line: 27, message: 'This route handler performs a database access, but is not rate-limited.' },
  { rule: 'js/insecure-randomness', level: 'warning', file: 'src/tokens.ts', line: 12, message: 'This uses a cryptographically insecure random number in a security context.' },
]; // prettier-ignore
const PAYMENTS_SQLI: Finding = { rule: 'js/sql-injection', level: 'error', file: 'src/routes/refunds.ts', line: 88, message: 'This query string depends on a user-provided value.' }; // prettier-ignore
const VAULT_FINDINGS: Finding[] = [
  { rule: 'go.lang.security.audit.crypto.use_of_weak_crypto.use-of-md5', level: 'error', file: 'internal/keys/legacy.go', line: 41, message: 'Detected MD5 hash algorithm which is considered insecure.' },
  { rule: 'go.lang.security.audit.net.use-tls.use-tls', level: 'warning', file: 'cmd/vault/main.go', line: 63, message: 'Found an HTTP server without TLS.' },
]; // prettier-ignore

const GOOD_CHECKS = { 'Binary-Artifacts': 10, 'Branch-Protection': 8, 'CI-Tests': 10, 'Code-Review': 9, 'Dangerous-Workflow': 10, 'Dependency-Update-Tool': 10, Fuzzing: 0, 'Pinned-Dependencies': 6, SAST: 10, 'Security-Policy': 10, 'Token-Permissions': 9, Vulnerabilities: 8 }; // prettier-ignore
const WEAK_CHECKS = { 'Binary-Artifacts': 10, 'Branch-Protection': 3, 'CI-Tests': 9, 'Code-Review': 4, 'Dangerous-Workflow': 10, 'Dependency-Update-Tool': 0, Fuzzing: 0, 'Pinned-Dependencies': 2, SAST: 0, 'Security-Policy': 0, 'Token-Permissions': 0, Vulnerabilities: 5 }; // prettier-ignore

/** The pipelines' pushes, by day of the demo year. */
export function demoEvidence(): DemoStep[] {
  const [sam] = teams.payments.people;
  const [mei] = teams.identity.people;
  const [diego] = teams.storefront.people;
  const last = DEMO_DAYS - 1;
  const push = (
    day: number,
    component: string,
    as: string,
    format: string,
    build: (at: Date) => object,
    n: number,
  ): DemoStep => ({
    day,
    component,
    as,
    act: (s, now) => s.pushEvidence(format, build(now), run(component, n)),
  });
  return [
    // payments-api: CodeQL on every merge (the SQL injection fixed in
    // between), gitleaks clean, Scorecard, SBOM and signed provenance.
    push(last - 14, 'payments-api', sam, 'sarif', at => sarif({ name: 'CodeQL', version: '2.19.3', category: '/language:javascript-typescript/' }, [...PAYMENTS_FINDINGS, PAYMENTS_SQLI], at), 1), // prettier-ignore
    push(last - 3, 'payments-api', sam, 'sarif', at => sarif({ name: 'CodeQL', version: '2.19.3', category: '/language:javascript-typescript/' }, PAYMENTS_FINDINGS, at), 2), // prettier-ignore
    push(last - 3, 'payments-api', sam, 'sarif', at => sarif({ name: 'gitleaks', version: 'v8.21.2' }, [], at), 3), // prettier-ignore
    push(last - 2, 'payments-api', sam, 'openssf-scorecard', at => scorecard('payments-api', GOOD_CHECKS, at), 4), // prettier-ignore
    push(last - 3, 'payments-api', sam, 'cyclonedx', at => cyclonedx('payments-api', '2.4.0', '1.5', ['express@4.21.1', 'knex@3.1.0', 'pg@8.13.1', 'zod@3.23.8', 'qs@6.13.0'], true, at), 5), // prettier-ignore
    push(last - 3, 'payments-api', sam, 'slsa-provenance', at => provenance('payments-api', 'payments-api-2.4.0.tgz', at, true), 6), // prettier-ignore
    // card-vault: Semgrep keeps finding the same MD5 use for seven weeks.
    push(last - 50, 'card-vault', sam, 'sarif', at => sarif({ name: 'Semgrep OSS', version: '1.85.0' }, VAULT_FINDINGS, at), 7), // prettier-ignore
    push(last - 24, 'card-vault', sam, 'sarif', at => sarif({ name: 'Semgrep OSS', version: '1.85.0' }, VAULT_FINDINGS, at), 8), // prettier-ignore
    push(last - 4, 'card-vault', sam, 'sarif', at => sarif({ name: 'Semgrep OSS', version: '1.86.0' }, VAULT_FINDINGS, at), 9), // prettier-ignore
    push(last - 4, 'card-vault', sam, 'slsa-provenance', at => provenance('card-vault', 'card-vault-1.12.0.tgz', at, true), 10), // prettier-ignore
    // auth-gateway: a weak Scorecard and unsigned provenance (level 1).
    push(last - 6, 'auth-gateway', mei, 'openssf-scorecard', at => scorecard('auth-gateway', WEAK_CHECKS, at), 11), // prettier-ignore
    push(last - 6, 'auth-gateway', mei, 'slsa-provenance', at => provenance('auth-gateway', 'ghcr.io/northwind/auth-gateway', at, false), 12), // prettier-ignore
    // storefront-web: an SBOM without its dependency graph.
    push(last - 8, 'storefront-web', diego, 'cyclonedx', at => cyclonedx('storefront-web', '5.2.1', '1.6', ['react@18.3.1', 'react-dom@18.3.1', 'next@14.2.15'], false, at), 13), // prettier-ignore
  ];
}
