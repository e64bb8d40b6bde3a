import { Entity } from '@backstage/catalog-model';
import {
  emptyEntityRecords,
  EvidenceSignal,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { createSammScorer } from '../sammScorer';
import { signalRules } from './signals';

// The rules over the signals the GitHub module collects (source `github`
// and `openssf-scorecard-api`), in the shapes that module writes.

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
  observedDaysAgo = 1,
  validDays = 7,
): EvidenceSignal => ({
  entityRef: 'component:default/payments-api',
  source,
  key,
  value: value as EvidenceSignal['value'],
  observedAt: daysAgo(observedDaysAgo),
  validUntil: daysAgo(observedDaysAgo - validDays),
  link: `https://github.com/acme/payments-api/${key}`,
});

const protection = (extra: object = {}) =>
  signal('github', 'branch-protection', {
    branch: 'main',
    protected: true,
    requiredReviews: 2,
    dismissStaleReviews: true,
    requireCodeOwnerReviews: true,
    requiredStatusChecks: ['ci/build'],
    strictStatusChecks: true,
    enforceAdmins: true,
    allowForcePushes: false,
    allowDeletions: false,
    ...extra,
  });
const dependabot = (extra: object = {}) =>
  signal('github', 'dependabot-alerts', {
    enabled: true,
    open: 3,
    bySeverity: { critical: 1, high: 0, medium: 2, low: 0 },
    oldestCriticalOrHighSince: daysAgo(10),
    ...extra,
  });
const codeScanning = (extra: object = {}) =>
  signal('github', 'code-scanning-alerts', {
    enabled: true,
    open: 2,
    bySeverity: { high: 1, warning: 1 },
    byTool: { CodeQL: 2 },
    ...extra,
  });
const secretScanning = (extra: object = {}) =>
  signal('github', 'secret-scanning-alerts', {
    enabled: true,
    open: 0,
    ...extra,
  });
const apiChecks = (checks: Record<string, number>, observedDaysAgo = 7) => [
  signal(
    'openssf-scorecard-api',
    'overall',
    {
      repo: 'github.com/acme/payments-api',
      commit: null,
      scorecardVersion: 'v5.1.1',
      score: 6.1,
    },
    observedDaysAgo,
    30,
  ),
  ...Object.entries(checks).map(([name, s]) =>
    signal(
      'openssf-scorecard-api',
      name,
      { score: s, reason: '', documentation: null },
      observedDaysAgo,
      30,
    ),
  ),
];

describe('SAMM rules over signals the GitHub module collects', () => {
  it('I-SD-2-A: branch protection with reviews, checks and admins included is controlled promotion', () => {
    const full = score([protection()]).get('I-SD-2-A')!;
    expect(full).toMatchObject({
      value: 1,
      ruleId: expect.stringMatching(/^samm-signals:I-SD-2-A#\d+$/),
      links: [
        {
          title: `GitHub of ${daysAgo(1).slice(0, 10)}`,
          url: 'https://github.com/acme/payments-api/branch-protection',
        },
      ],
      validUntil: daysAgo(-6),
    });
    expect(full.rationale).toMatch(/main is protected with 2 required/);
    expect(
      score([protection({ enforceAdmins: false })]).get('I-SD-2-A'),
    ).toMatchObject({
      value: 0.5,
      rationale: expect.stringMatching(/admins can bypass/),
    });
    expect(
      score([
        protection({ requiredReviews: null, requiredStatusChecks: null }),
      ]).get('I-SD-2-A')?.value,
    ).toBe(0.25);
    expect(
      score([
        protection({
          protected: false,
          requiredReviews: null,
          requiredStatusChecks: null,
          enforceAdmins: false,
        }),
      ]).get('I-SD-2-A'),
    ).toMatchObject({
      value: 0,
      rationale: expect.stringMatching(/not protected/),
    });
  });

  it('a Scorecard pushed by CI wins over what the collectors found', () => {
    const pushed = signal(
      'openssf-scorecard',
      'github.com/acme/payments-api',
      {
        repo: 'github.com/acme/payments-api',
        checks: { 'Branch-Protection': 3, 'Code-Review': 3 },
      },
      2,
      30,
    );
    expect(score([pushed, protection()]).get('I-SD-2-A')).toMatchObject({
      value: 0.25,
      ruleId: 'samm-signals:I-SD-2-A',
    });
  });

  it('Scorecard API checks answer where GitHub gave nothing', () => {
    const answers = score(
      apiChecks({
        'Branch-Protection': 8,
        'Code-Review': 9,
        SAST: 9,
        Fuzzing: 10,
        Vulnerabilities: 10,
        'Dependency-Update-Tool': 0,
        'Signed-Releases': -1,
      }),
    );
    expect(answers.get('I-SD-2-A')).toMatchObject({
      value: 1,
      links: [{ url: 'https://github.com/acme/payments-api/overall' }],
    });
    expect(answers.get('V-ST-1-A')?.value).toBe(1);
    expect(answers.get('V-ST-2-A')).toMatchObject({
      value: 1,
      rationale: expect.stringMatching(/SAST 9\/10, Fuzzing 10\/10/),
    });
    expect(answers.get('I-SB-2-B')?.value).toBe(0.5);

    const weak = score(apiChecks({ SAST: 5, Fuzzing: 0 }));
    expect(weak.get('V-ST-1-A')?.value).toBe(0.5);
    expect(weak.has('V-ST-2-A')).toBe(false);
    expect(
      score(apiChecks({ SAST: 10, Fuzzing: 0 })).get('V-ST-2-A')?.value,
    ).toBe(0.5);
    // Expired: no answer.
    expect(score(apiChecks({ SAST: 10 }, 40)).has('V-ST-1-A')).toBe(false);
  });

  it('I-SB-2-B and I-DM-2-A: Dependabot on, with critical and high alerts against the deadlines', () => {
    const recent = score([dependabot()]);
    // The earlier of the signal's validity and the deadline.
    expect(recent.get('I-SB-2-B')).toMatchObject({
      value: 1,
      validUntil: daysAgo(-6),
    });
    expect(
      score([dependabot({ oldestCriticalOrHighSince: daysAgo(28) })]).get(
        'I-SB-2-B',
      )?.validUntil,
    ).toBe(daysAgo(-3));
    expect(recent.get('I-DM-2-A')?.value).toBe(1);
    const late = score([
      dependabot({ oldestCriticalOrHighSince: daysAgo(45) }),
    ]).get('I-DM-2-A')!;
    expect(late.value).toBe(0.5);
    expect(late.rationale).toMatch(/past the 30-day deadline/);
    expect(
      score([dependabot({ oldestCriticalOrHighSince: daysAgo(200) })]).get(
        'I-SB-2-B',
      )?.value,
    ).toBe(0.25);
    expect(
      score([
        dependabot({
          bySeverity: { critical: 0, high: 0, medium: 2, low: 0 },
          oldestCriticalOrHighSince: null,
        }),
      ]).get('I-DM-2-A'),
    ).toMatchObject({
      value: 1,
      rationale: expect.stringMatching(/no critical or high alerts open/),
    });
    // Disabled: no answer (another tool may do it; an attestation may count).
    const off = score([dependabot({ enabled: false, open: 0 })]);
    expect(off.has('I-SB-2-B')).toBe(false);
    expect(off.has('I-DM-2-A')).toBe(false);
  });

  it('I-DM-1-B and V-ST-1-A: code scanning and Dependabot counts', () => {
    const answers = score([codeScanning(), dependabot()]);
    expect(answers.get('I-DM-1-B')).toMatchObject({ value: 1 });
    expect(answers.get('I-DM-1-B')!.rationale).toMatch(
      /code scanning 2 open \(1 high, 1 warning\)/,
    );
    expect(answers.get('V-ST-1-A')).toMatchObject({
      value: 1,
      rationale: expect.stringMatching(/code scanning is set up \(CodeQL\)/),
    });
    expect(score([codeScanning({ enabled: false })]).has('V-ST-1-A')).toBe(
      false,
    );
  });

  it('I-SD-1-B: secret scanning on, with or without open alerts', () => {
    expect(score([secretScanning()]).get('I-SD-1-B')?.value).toBe(1);
    expect(score([secretScanning({ open: 2 })]).get('I-SD-1-B')).toMatchObject({
      value: 0.5,
      rationale: expect.stringMatching(/2 open alert/),
    });
    expect(score([secretScanning({ enabled: false })]).has('I-SD-1-B')).toBe(
      false,
    );
  });

  it('signals past their validUntil answer nothing', () => {
    const old = { ...protection(), validUntil: daysAgo(1) };
    expect(score([old]).has('I-SD-2-A')).toBe(false);
  });
});
