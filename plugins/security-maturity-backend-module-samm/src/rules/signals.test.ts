import { Entity } from '@backstage/catalog-model';
import {
  emptyEntityRecords,
  EvidenceSignal,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { createSammScorer } from '../sammScorer';
import { signalRules } from './signals';

const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) =>
  new Date(now.getTime() - d * 86_400_000).toISOString();
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
};
const scorer = createSammScorer({ rules: signalRules, id: 'samm-signals' });
const score = (signals: EvidenceSignal[], at = now) =>
  new Map(
    scorer
      .score({
        entity,
        records: emptyEntityRecords(),
        workflow: { tiers: [] } as unknown as WorkflowConfig,
        now: at,
        signals,
      })
      .map(a => [a.id, a]),
  );

const signal = (
  source: string,
  key: string,
  value: object,
  observedDaysAgo: number,
  validDays = 30,
): EvidenceSignal => ({
  entityRef: 'component:default/payments-api',
  source,
  key,
  value: value as EvidenceSignal['value'],
  observedAt: daysAgo(observedDaysAgo),
  validUntil: daysAgo(observedDaysAgo - validDays),
  link: `https://ci.example.com/${source}/${key}`,
});
const sarif = (
  tool: string,
  extra: object = {},
  observedDaysAgo = 2,
): EvidenceSignal =>
  signal(
    'sarif',
    tool.toLowerCase(),
    {
      tool,
      results: 3,
      byLevel: { error: 1, warning: 2, note: 0, none: 0 },
      previousObservedAt: null,
      errorsOpen: 1,
      oldestErrorSince: daysAgo(observedDaysAgo),
      secretScanning: false,
      ...extra,
    },
    observedDaysAgo,
  );
const scorecard = (checks: Record<string, number>) =>
  signal(
    'openssf-scorecard',
    'github.com/northwind/payments-api',
    { repo: 'github.com/northwind/payments-api', checks },
    3,
  );

describe('SAMM rules over signals', () => {
  it('answers nothing without signals, so records and attestations decide', () => {
    expect(score([]).size).toBe(0);
  });

  it('V-ST: a scanner that ran is security testing; uploads close together are a pipeline', () => {
    const once = score([sarif('CodeQL')]);
    expect(once.get('V-ST-1-A')).toMatchObject({
      value: 1,
      ruleId: 'samm-signals:V-ST-1-A',
      rationale: 'CodeQL scanned it; latest results from 2026-11-30.',
      links: [
        {
          title: 'SARIF results of 2026-11-30',
          url: 'https://ci.example.com/sarif/codeql',
        },
      ],
      validUntil: daysAgo(-28),
    });
    expect(once.get('V-ST-2-A')).toMatchObject({ value: 0.5 });
    const rerun = score([sarif('CodeQL', { previousObservedAt: daysAgo(9) })]);
    expect(rerun.get('V-ST-2-A')).toMatchObject({
      value: 1,
      rationale:
        'CodeQL runs in the pipeline: uploads on 2026-11-23 and 2026-11-30.',
    });
  });

  it('gives no answer once a signal is past its validity', () => {
    const stale = score([sarif('CodeQL', {}, 31)]);
    expect(stale.get('V-ST-1-A')).toBeUndefined();
    expect(stale.get('I-DM-1-B')).toBeUndefined();
  });

  it('I-DM-2-A: the age of the oldest open error bounds the answer and its validity', () => {
    const fresh = score([sarif('Semgrep', { oldestErrorSince: daysAgo(10) })]);
    expect(fresh.get('I-DM-2-A')).toMatchObject({
      value: 1,
      // It turns 0.5 when the oldest error passes 30 days.
      validUntil: daysAgo(10 - 31),
    });
    const late = score([sarif('Semgrep', { oldestErrorSince: daysAgo(45) })]);
    expect(late.get('I-DM-2-A')).toMatchObject({
      value: 0.5,
      rationale: expect.stringContaining('past the 30-day deadline'),
      // It would turn 0.25 at 90 days, but the scan itself is valid for
      // less long: the earlier of the two.
      validUntil: daysAgo(2 - 30),
    });
    const overdue = score([
      sarif('Semgrep', { oldestErrorSince: daysAgo(120) }),
    ]);
    expect(overdue.get('I-DM-2-A')).toMatchObject({ value: 0.25 });
    const clean = score([sarif('Semgrep', { errorsOpen: 0 })]);
    expect(clean.get('I-DM-2-A')).toMatchObject({
      value: 1,
      rationale: 'No error-level findings open (2026-11-30).',
    });
    expect(clean.get('I-DM-1-B')?.rationale).toBe(
      'Open findings as of 2026-11-30: 1 errors, 2 warnings, 0 notes (Semgrep).',
    );
  });

  it('I-SD-1-B: a secret scanner that finds nothing, or finds secrets', () => {
    expect(
      score([sarif('gitleaks', { secretScanning: true, results: 0 })]).get(
        'I-SD-1-B',
      ),
    ).toMatchObject({ value: 1 });
    expect(
      score([sarif('gitleaks', { secretScanning: true, results: 2 })]).get(
        'I-SD-1-B',
      ),
    ).toMatchObject({
      value: 0.5,
      rationale: expect.stringContaining('found 2 possible secret(s)'),
    });
    expect(score([sarif('CodeQL')]).get('I-SD-1-B')).toBeUndefined();
  });

  it('I-SD-2-A and V-ST-1-A from Scorecard checks, linked to the Scorecard viewer', () => {
    const strong = score([
      scorecard({ 'Branch-Protection': 8, 'Code-Review': 9, SAST: 10 }),
    ]);
    expect(strong.get('I-SD-2-A')).toMatchObject({
      value: 1,
      rationale:
        'OpenSSF Scorecard of 2026-11-29: Branch-Protection 8/10, Code-Review 9/10.',
    });
    expect(strong.get('V-ST-1-A')).toMatchObject({ value: 1 });
    expect(
      score([scorecard({ 'Branch-Protection': 5, 'Code-Review': 6 })]).get(
        'I-SD-2-A',
      ),
    ).toMatchObject({ value: 0.5 });
    expect(
      score([scorecard({ 'Branch-Protection': 0, 'Code-Review': -1 })]).get(
        'I-SD-2-A',
      ),
    ).toMatchObject({ value: 0.25 });
  });

  it('I-SB stream B: the SBOM is the inventory; with dependency checks it is reviewed', () => {
    const sbom = (value: object) =>
      signal('cyclonedx', 'sbom', { specVersion: '1.6', ...value }, 5, 90);
    const full = sbom({ components: 120, hasDependencies: true });
    expect(score([full]).get('I-SB-1-B')).toMatchObject({
      value: 1,
      rationale:
        'CycloneDX 1.6 SBOM of 2026-11-27: 120 components with their dependency graph.',
    });
    expect(
      score([sbom({ components: 12, hasDependencies: false })]).get('I-SB-1-B'),
    ).toMatchObject({ value: 0.5 });
    expect(score([full]).get('I-SB-2-B')).toMatchObject({ value: 0.5 });
    expect(
      score([full, scorecard({ 'Dependency-Update-Tool': 10 })]).get(
        'I-SB-2-B',
      ),
    ).toMatchObject({ value: 1 });
    expect(
      score([
        scorecard({ Vulnerabilities: 3, 'Dependency-Update-Tool': 0 }),
      ]).get('I-SB-2-B'),
    ).toMatchObject({ value: 0.25 });
  });

  it('I-SB stream A: the SLSA build level of the provenance', () => {
    const provenance = (buildLevel: number) =>
      signal(
        'slsa-provenance',
        'provenance',
        { buildLevel, levelReason: 'Because.', builderId: 'https://b' },
        1,
        90,
      );
    expect(score([provenance(3)]).get('I-SB-2-A')).toMatchObject({ value: 1 });
    expect(score([provenance(3)]).get('I-SB-3-A')).toMatchObject({ value: 1 });
    expect(score([provenance(2)]).get('I-SB-3-A')).toMatchObject({
      value: 0.5,
    });
    expect(score([provenance(1)]).get('I-SB-2-A')).toMatchObject({
      value: 0.5,
    });
    expect(score([provenance(1)]).get('I-SB-3-A')).toBeUndefined();
  });

  it('dates every answer and gives each a validity no later than its signals', () => {
    const answers = score([
      sarif('CodeQL'),
      scorecard({
        'Branch-Protection': 8,
        'Code-Review': 9,
        Vulnerabilities: 9,
      }),
      signal(
        'cyclonedx',
        'sbom',
        { components: 3, hasDependencies: true, specVersion: '1.5' },
        5,
        90,
      ),
      signal(
        'slsa-provenance',
        'provenance',
        { buildLevel: 2, levelReason: 'Hosted.', builderId: 'x' },
        1,
        90,
      ),
    ]);
    // Every rule but the secret scanner's (no secret scanner here).
    expect(answers.size).toBe(9);
    for (const a of answers.values()) {
      expect(a.rationale).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(a.links.length).toBeGreaterThan(0);
      expect(a.validUntil).toBeDefined();
    }
  });
});
