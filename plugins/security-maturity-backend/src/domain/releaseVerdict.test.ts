import { ConfigReader } from '@backstage/config';
import {
  EvidenceSignal,
  ReleaseRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { defaultWorkflow } from '../config/defaults';
import { readReleasePolicy } from '../config/readReleasePolicy';
import { emptyStoredRecords } from '../database/records/RecordsStore';
import { releaseVerdict } from './releaseVerdict';

const NOW = new Date('2026-12-02T12:00:00Z');
const policyOf = (releasePolicy?: object) =>
  readReleasePolicy(
    new ConfigReader(
      releasePolicy ? { securityMaturity: { releasePolicy } } : {},
    ),
    defaultWorkflow,
  );

const release: ReleaseRecord = {
  id: 'r1',
  release: '2.4.0',
  decision: 'pending',
  evidence: [],
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  createdBy: 'user:default/olivia',
  updatedAt: '2026-12-01T00:00:00Z',
  updatedBy: 'user:default/olivia',
} as ReleaseRecord;

/** Records of a tier whose gates before launch are all cleared. */
function cleared(tier: string) {
  const records = emptyStoredRecords();
  records.intake = { tier } as any;
  records.stages = defaultWorkflow.stages.map(s => ({
    stageId: s.id,
    status: 'passed',
  })) as any;
  return records;
}

const signal = (
  source: string,
  value: object,
  validUntil = '2027-01-01T00:00:00Z',
): EvidenceSignal => ({
  entityRef: 'component:default/payments-api',
  source,
  key: source,
  value: value as any,
  observedAt: '2026-12-01T00:00:00Z',
  validUntil,
  link: `https://ci.example.com/${source}`,
});

const verdictOf = (
  records: ReturnType<typeof cleared>,
  signals: EvidenceSignal[],
  policy = policyOf(),
  rel = release,
) =>
  releaseVerdict({
    entityRef: 'component:default/payments-api',
    release: rel,
    records,
    signals,
    workflow: defaultWorkflow,
    policy,
    now: NOW,
  });

const tier1Evidence = [
  signal('sarif', { tool: 'Semgrep', byLevel: { error: 0, warning: 4 } }),
  signal('cyclonedx', { components: 120 }),
  signal('slsa-provenance', { buildLevel: 3 }),
];

describe('releaseVerdict', () => {
  it('recommends a tier 1 release whose gates, exceptions and evidence all hold', () => {
    expect(verdictOf(cleared('1'), tier1Evidence)).toMatchObject({
      verdict: 'go',
      reasons: [],
      decision: 'pending',
    });
  });

  it('names an expired exception, even one the expiry task has not marked yet', () => {
    const records = cleared('3');
    records.exceptions = [
      {
        id: 'e1',
        controlId: 'run-as-non-root',
        status: 'expired',
        expiresAt: '2026-11-01T00:00:00Z',
      },
      {
        id: 'e2',
        controlId: 'network-policies',
        status: 'approved',
        expiresAt: '2026-12-02T11:00:00Z',
      },
      {
        id: 'e3',
        controlId: 'signed-images',
        status: 'approved',
        expiresAt: '2026-12-20T00:00:00Z',
      },
    ] as any;
    expect(verdictOf(records, []).reasons).toEqual([
      expect.objectContaining({
        code: 'exception-expired',
        exceptionId: 'e1',
        controlId: 'run-as-non-root',
      }),
      expect.objectContaining({
        code: 'exception-expired',
        exceptionId: 'e2',
        message: expect.stringMatching(/expired on 2026-12-02/),
      }),
    ]);
  });

  it('counts a signal past its validity as missing, and checks levels and scores against the policy', () => {
    const stale = [
      signal('sarif', { byLevel: { error: 0 } }, '2026-12-01T00:00:00Z'),
      tier1Evidence[1],
      signal('slsa-provenance', { buildLevel: 1 }),
    ];
    expect(
      verdictOf(cleared('1'), stale).reasons.map(r => [r.code, r.evidence]),
    ).toEqual([
      ['evidence-missing', 'sast'],
      ['evidence-failing', 'provenance'],
    ]);
    // Provenance on the release itself counts too.
    const withProvenance = {
      ...release,
      evidence: [
        {
          kind: 'provenance',
          title: 'SLSA',
          url: 'https://ci.example.com/p',
          slsaBuildLevel: 2,
        },
        {
          kind: 'scan',
          title: 'Trivy',
          url: 'https://ci.example.com/t',
          result: 'pass',
        },
      ],
    } as ReleaseRecord;
    expect(
      verdictOf(cleared('1'), [tier1Evidence[1]], policyOf(), withProvenance)
        .verdict,
    ).toBe('go');

    const strict = policyOf({
      tiers: [
        {
          tier: '2',
          evidence: ['sast', 'scorecard'],
          failOnSarifLevel: 'warning',
          minScorecardScore: 7,
        },
      ],
    });
    expect(
      verdictOf(
        cleared('2'),
        [tier1Evidence[0], signal('openssf-scorecard', { score: 6.4 })],
        strict,
      ).reasons.map(r => r.message),
    ).toEqual([
      'Semgrep: 4 open error- or warning-level results (observed 2026-12-01)',
      'OpenSSF Scorecard score 6.4 is below the 7 tier policy requires',
    ]);
  });

  it('fails a release whose own scan failed, and needs only the gates of tiers without evidence', () => {
    const failedScan = {
      ...release,
      evidence: [
        {
          kind: 'scan',
          title: 'ZAP baseline',
          url: 'https://ci.example.com/zap',
          result: 'fail',
        },
      ],
    } as ReleaseRecord;
    expect(
      verdictOf(cleared('1'), tier1Evidence, policyOf(), failedScan).reasons,
    ).toEqual([
      {
        code: 'evidence-failing',
        evidence: 'sast',
        message: "The scan 'ZAP baseline' on this release failed",
        link: 'https://ci.example.com/zap',
      },
    ]);
    const records = cleared('3');
    records.stages = [];
    const tier3 = verdictOf(records, []);
    expect(tier3.policy.evidence).toEqual([]);
    expect(tier3.reasons.map(r => r.stageId)).toEqual(tier3.policy.gates);
    expect(tier3.policy.gates).toEqual(
      defaultWorkflow.stages
        .filter(s => s.requiredForTiers.includes('3'))
        .map(s => s.id)
        .filter(id => !['launch', 'governance'].includes(id)),
    );
  });
});

describe('readReleasePolicy', () => {
  it.each([
    [{ gatesBefore: 'deploy' }, /gatesBefore: unknown stage 'deploy'/],
    [{ tiers: [{ tier: '9' }] }, /tiers\[0\] \(tier '9'\): unknown tier/],
    [{ tiers: [{ tier: '1' }, { tier: '1' }] }, /given twice/],
    [{ tiers: [{ tier: '1', evidence: ['dast'] }] }, /unknown evidence 'dast'/],
    [
      { tiers: [{ tier: '1', failOnSarifLevel: 'note' }] },
      /failOnSarifLevel: 'note'/,
    ],
    [
      { tiers: [{ tier: '1', minSlsaBuildLevel: 5 }] },
      /minSlsaBuildLevel: 5 is not between 0 and 4/,
    ],
  ])('stops the backend on %j', (config, message) => {
    expect(() => policyOf(config)).toThrow(message);
  });
});
