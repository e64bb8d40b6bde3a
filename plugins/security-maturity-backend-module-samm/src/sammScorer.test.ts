import { Entity } from '@backstage/catalog-model';
import {
  emptyEntityRecords,
  EntityRecords,
  SAMM_PRACTICES,
  StageRecord,
  WorkflowConfig,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ScorerInput } from '@secmat/backstage-plugin-security-maturity-node';
import { sammRules } from './rules';
import { createSammScorer } from './sammScorer';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (d: number) =>
  new Date(now.getTime() - d * 86_400_000).toISOString();
const meta = (d = 1) => ({
  version: 1,
  updatedAt: daysAgo(d),
  updatedBy: 'user:default/olivia',
});

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { owner: 'group:default/payments-team' },
};
const workflow = {
  tiers: [{ id: '1', title: 'Tier 1 — critical', targetScore: 2 }],
} as WorkflowConfig;
const empty: EntityRecords = emptyEntityRecords();
const stage = (
  stageId: string,
  status: StageRecord['status'],
  done: string[],
  extra: Partial<StageRecord> = {},
): StageRecord => ({
  ...meta(),
  stageId,
  status,
  checklist: done.map(criterionId => ({
    criterionId,
    done: true,
    evidence: [
      {
        title: `${criterionId} evidence`,
        url: `https://wiki.example.com/${criterionId}`,
      },
    ],
  })),
  ...extra,
});

/** A drill worksheet closed `days` days ago, the day after it started. */
const closedDrill = (
  days: number,
  extra: Partial<WorksheetRecord> = {},
): WorksheetRecord => ({
  ...meta(),
  id: `drill-${days}`,
  kind: 'drill',
  title: 'Vault drill',
  status: 'closed',
  startedAt: daysAgo(days + 1),
  closedAt: daysAgo(days),
  readiness: { baselineControlsPresent: true, runtimeVisibility: true },
  containmentOwners: {
    isolate: null,
    revoke: null,
    freeze: null,
    recover: null,
  },
  timeline: [],
  actions: [],
  findings: [],
  lessons: [],
  ...extra,
});

const scorer = createSammScorer({ rules: sammRules });
const score = (records: Partial<EntityRecords>, at = now) => {
  const input: ScorerInput = {
    entity,
    workflow,
    now: at,
    records: { ...empty, ...records },
  };
  return new Map(scorer.score(input).map(a => [a.id, a]));
};

describe('SAMM evidence rules', () => {
  it('give no evidence for an entity with no records, leaving room for attested answers', () => {
    expect(score({}).size).toBe(1); // only containment ownership, which is 0 with nobody assigned
    expect(score({}).get('O-IM-1-B')).toMatchObject({
      value: 0,
      rationale: expect.stringMatching(/0 of 4 actions/),
    });
  });

  it('cover every SAMM practice', () => {
    const practices = new Set(sammRules.map(r => r.activityId.slice(0, 4)));
    expect([...practices].sort()).toEqual(SAMM_PRACTICES.map(p => p.id).sort());
    expect(sammRules.every(r => r.why.length > 20)).toBe(true);
  });

  it('read intake, threat modeling and the decision log (design)', () => {
    const answers = score({
      intake: {
        ...meta(40),
        dataClassification: 'confidential',
        newIntegrations: true,
        authFlowChanges: false,
        internetExposure: true,
        regulatoryObligations: ['PCI DSS'],
        tier: '1',
        tierReason: 'Under regulatory obligations',
      },
      stages: [
        stage(
          'threat-modeling',
          'passed',
          ['risks-documented', 'decisions-tracked', 'definition-of-ready'],
          { signedOffBy: 'user:default/lena', signedOffAt: daysAgo(10) },
        ),
      ],
      decisions: [
        {
          ...meta(),
          id: '1',
          trigger: 't',
          decision: 'd',
          rationale: 'r',
          ownerRef: 'user:default/olivia',
          status: 'implemented',
          reReviewAt: '2027-05-01',
        },
        {
          ...meta(),
          id: '2',
          trigger: 't',
          decision: 'd',
          rationale: 'r',
          ownerRef: 'user:default/olivia',
          status: 'accepted',
        },
      ],
    });
    expect(answers.get('D-TA-1-A')).toMatchObject({
      value: 1,
      rationale: 'Risk tier 1 from intake (under regulatory obligations).',
      ruleId: 'samm:D-TA-1-A',
    });
    expect(answers.get('D-TA-2-A')).toMatchObject({
      rationale:
        'Risk profile made with the shared tier rules, updated on 2026-10-14.',
      // 2026-10-14T12:00Z is more than 365 days old from here on.
      validUntil: '2027-10-15T12:00:00.000Z',
    });
    expect(answers.get('D-TA-2-B')).toMatchObject({
      value: 0.5,
      rationale:
        '1 of 2 threat-model decisions have an owner and a re-review trigger or date.',
    });
    expect(answers.get('D-TA-3-B')?.value).toBe(1);
    expect(answers.get('D-SR-1-A')).toMatchObject({
      value: 1,
      links: [
        {
          title: 'risks-documented evidence',
          url: 'https://wiki.example.com/risks-documented',
        },
      ],
    });
    expect(answers.get('D-SR-2-A')?.rationale).toMatch(
      /signed off by user:default\/lena/,
    );
    expect(answers.get('V-AA-2-B')).toMatchObject({ value: 0.5 });
    expect(answers.get('G-SM-1-A')?.rationale).toBe(
      'Tier 1 — critical: target overall score 2.',
    );
    expect(answers.get('G-PC-1-B')?.rationale).toBe(
      'Obligations recorded at intake: PCI DSS.',
    );
  });

  it('drop threat assessment when a material change re-opened threat modeling', () => {
    const answers = score({
      stages: [
        stage('threat-modeling', 'in_progress', [], {
          reopenedReason: 'Material change (auth-change): SSO',
        }),
      ],
    });
    expect(answers.get('D-TA-3-B')).toMatchObject({
      value: 0.25,
      rationale:
        'Re-opened and not yet re-reviewed: Material change (auth-change): SSO',
    });
    expect(answers.get('D-TA-1-B')?.value).toBe(0.25);
  });

  it('read release evidence for secure build and deployment (implementation)', () => {
    const evidence = (
      kind: 'pipeline' | 'scan' | 'signature' | 'provenance',
      extra = {},
    ) => ({
      kind,
      title: kind,
      url: `https://ci.example.com/${kind}`,
      pushedBy: 'ci-pipeline',
      pushedAt: daysAgo(1),
      ...extra,
    });
    const answers = score({
      releases: [
        {
          ...meta(),
          id: 'r2',
          release: '2.0',
          decision: 'go',
          decidedBy: 'user:default/olivia',
          evidence: [
            evidence('pipeline'),
            evidence('signature'),
            evidence('provenance', { slsaBuildLevel: 3 }),
            evidence('scan', { result: 'fail' }),
          ],
        },
        {
          ...meta(),
          id: 'r1',
          release: '1.0',
          decision: 'go',
          decidedBy: 'user:default/olivia',
          evidence: [],
        },
      ],
    });
    expect(answers.get('I-SB-3-A')).toMatchObject({
      value: 1,
      rationale: 'Release 2.0: signed, with SLSA 3 provenance.',
    });
    expect(answers.get('I-SB-2-B')).toMatchObject({
      value: 0.25,
      rationale: '1 of 1 scans of release 2.0 failed.',
    });
    expect(answers.get('I-SD-2-A')).toMatchObject({
      value: 0.5,
      rationale:
        '1 of the last 2 decided releases were decided on recorded evidence.',
    });
    expect(answers.get('I-SB-1-A')?.links).toEqual([
      { title: 'pipeline', url: 'https://ci.example.com/pipeline' },
    ]);
  });

  it('count expired exceptions against the component (defects and environment)', () => {
    const exception = (status: 'approved' | 'expired') => ({
      ...meta(),
      id: status,
      controlId: 'run-as-non-root',
      justification: 'j',
      compensatingControls: 'c',
      riskRating: 'medium' as const,
      expiresAt: daysAgo(-10),
      status,
      requestedBy: 'user:default/olivia',
      requestedAt: daysAgo(30),
    });
    expect(
      score({ exceptions: [exception('approved')] }).get('O-EM-3-A')?.value,
    ).toBe(1);
    const withExpired = score({
      exceptions: [exception('approved'), exception('expired')],
    });
    expect(withExpired.get('O-EM-3-A')).toMatchObject({
      value: 0,
      rationale:
        '1 baseline exception(s) expired and still count against the component.',
    });
    expect(withExpired.get('I-DM-3-A')?.value).toBe(0);
  });

  it('read containment owners, drills and lessons (incident management)', () => {
    const rasi = ['incident-isolate', 'incident-revoke', 'incident-freeze'].map(
      activityId => ({
        ...meta(),
        activityId,
        responsible: [],
        accountable: 'user:default/olivia',
        supportive: ['group:default/security-leads'],
        informed: [],
      }),
    );
    const answers = score({
      rasi,
      worksheets: [
        closedDrill(29, {
          readiness: {
            baselineControlsPresent: true,
            runtimeVisibility: false,
          },
          lessons: [
            {
              lesson: 'Alert on vault reads',
              reopensStageId: 'launch',
              by: 'user:default/olivia',
              at: daysAgo(29),
            },
          ],
        }),
      ],
    });
    expect(answers.get('O-IM-1-B')).toMatchObject({
      value: 0.5,
      rationale: 'Containment owners set for 3 of 4 actions; missing: recover.',
    });
    expect(answers.get('O-IM-2-B')).toMatchObject({
      value: 1,
      rationale: 'Last drill "Vault drill" completed on 2026-10-25.',
      validUntil: '2027-10-26T12:00:00.000Z',
    });
    expect(answers.get('O-IM-3-B')?.value).toBe(1);
    expect(answers.get('O-IM-1-A')).toMatchObject({
      value: 0,
      rationale: '"Vault drill" found no runtime visibility.',
    });
    expect(answers.get('G-EG-1-B')?.value).toBe(1);
  });

  it('say until when each answer that reads an age holds, and change exactly then', () => {
    const records: Partial<EntityRecords> = {
      intake: {
        ...meta(10),
        dataClassification: 'internal',
        newIntegrations: false,
        authFlowChanges: false,
        internetExposure: false,
        regulatoryObligations: [],
        tier: '1',
        tierReason: 'r',
      },
      stages: [
        stage('governance', 'passed', [], meta(20)),
        stage('threat-modeling', 'passed', [], {
          signedOffBy: 'user:default/olivia',
          signedOffAt: daysAgo(50),
        }),
      ],
      worksheets: [closedDrill(30)],
    };
    const timed = ['G-SM-1-B', 'D-TA-2-A', 'D-TA-3-B', 'O-IM-2-B'];
    const today = score(records);
    // Every other answer holds until the records change.
    for (const [id, a] of today) {
      expect([id, Boolean(a.validUntil)]).toEqual([id, timed.includes(id)]);
    }
    for (const id of timed) {
      const until = Date.parse(today.get(id)!.validUntil!);
      const justBefore = score(records, new Date(until - 1)).get(id)!;
      const from = score(records, new Date(until)).get(id)!;
      expect(justBefore).toEqual(today.get(id));
      expect(from.value).toBeLessThan(today.get(id)!.value);
      expect(from.rationale).not.toBe(today.get(id)!.rationale);
    }
    // Governance reviews count in full for a quarter.
    expect(today.get('G-SM-1-B')).toMatchObject({
      value: 1,
      rationale:
        'Governance review passed on 2026-11-03, within the last 90 days.',
      validUntil: '2027-02-02T12:00:00.000Z',
    });
  });

  it('refuses rules for activities SAMM does not have', () => {
    expect(() =>
      createSammScorer({
        rules: [
          { activityId: 'X-YY-1-A', why: 'none', evaluate: () => undefined },
        ],
      }),
    ).toThrow(/Unknown SAMM activity 'X-YY-1-A'/);
  });
});
