// Synthetic but realistic records for the scoring benchmark: every component
// gets intake, stage gates with evidence, RASI, an exception, a worksheet, a
// decision, releases with CI evidence and a few attested answers, with enough
// variety that every evidence rule has something to read.
import { Entity } from '@backstage/catalog-model';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';

const teams = [
  'payments',
  'identity',
  'storefront',
  'platform',
  'search',
  'data',
];

export function syntheticEntity(i: number): Entity {
  const team = teams[i % teams.length];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `svc-${i}`, namespace: 'default' },
    spec: {
      type: i % 5 === 0 ? 'website' : 'service',
      lifecycle: i % 7 === 0 ? 'experimental' : 'production',
      owner: `group:default/${team}-team`,
      system: `${team}-system`,
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${team}-team` },
      { type: 'partOf', targetRef: `system:default/${team}-system` },
    ],
  };
}

const ref = (i: number) => `component:default/svc-${i}`;

function rowsFor(i: number, now: Date) {
  const at = (daysAgo: number) =>
    new Date(now.getTime() - daysAgo * 86_400_000);
  const meta = (daysAgo = i % 90) => ({
    version: 1,
    updated_at: at(daysAgo),
    updated_by: 'user:default/olivia',
  });
  const entity_ref = ref(i);
  const tier = String((i % 3) + 1);
  const evidence = (criterionId: string, done = true) => ({
    criterionId,
    done,
    evidence: done
      ? [
          {
            title: `${criterionId} evidence`,
            url: `https://wiki.example.com/svc-${i}/${criterionId}`,
          },
        ]
      : [],
  });
  const stage = (
    stage_id: string,
    status: string,
    criteria: string[],
    signed: boolean,
  ) => ({
    entity_ref,
    stage_id,
    status,
    checklist: JSON.stringify(
      criteria.map((c, k) => evidence(c, status === 'passed' || k === 0)),
    ),
    notes: null,
    reason: null,
    signed_off_by: signed ? 'user:default/lena' : null,
    signed_off_at: signed ? at(i % 200) : null,
    reopened_reason: i % 11 === 0 ? 'Material change (auth-change): SSO' : null,
    status_since: at(i % 120),
    ...meta(),
  });
  return {
    intakes: [
      {
        entity_ref,
        data_classification: [
          'public',
          'internal',
          'confidential',
          'restricted',
        ][i % 4],
        new_integrations: i % 2 === 0,
        auth_flow_changes: i % 3 === 0,
        internet_exposure: i % 4 !== 0,
        regulatory_obligations: JSON.stringify(i % 5 === 0 ? ['PCI DSS'] : []),
        notes: null,
        tier,
        tier_reason: 'Synthetic',
        ...meta(i % 400),
      },
    ],
    stages: [
      stage(
        'threat-modeling',
        i % 11 === 0 ? 'in_progress' : 'passed',
        ['risks-documented', 'decisions-tracked', 'definition-of-ready'],
        i % 2 === 0,
      ),
      stage(
        'design',
        i % 3 === 0 ? 'in_progress' : 'passed',
        ['adr', 'controls-approved'],
        i % 3 === 1,
      ),
      stage(
        'implementation',
        'passed',
        ['scans-passing', 'control-mappings'],
        true,
      ),
      stage(
        'launch',
        i % 4 === 0 ? 'blocked' : 'passed',
        ['monitoring-active', 'runbooks-updated'],
        i % 4 === 1,
      ),
    ],
    rasi_assignments: [
      'threat-modeling',
      'incident-isolate',
      'incident-revoke',
    ].map(activity_id => ({
      entity_ref,
      activity_id,
      responsible: JSON.stringify([
        `group:default/${teams[i % teams.length]}-team`,
      ]),
      accountable: 'user:default/olivia',
      supportive: JSON.stringify(i % 2 ? ['group:default/security-leads'] : []),
      informed: '[]',
      ...meta(),
    })),
    exceptions: [
      {
        id: randomUUID(),
        entity_ref,
        control_id: 'run-as-non-root',
        justification: 'Legacy agent needs root',
        compensating_controls: 'Dedicated node pool',
        risk_rating: 'medium',
        expires_at: at(i % 9 === 0 ? 5 : -30),
        status: i % 9 === 0 ? 'expired' : 'approved',
        requested_by: 'user:default/olivia',
        requested_at: at(60),
        decided_by: 'user:default/lena',
        decided_at: at(59),
        decision_note: null,
        ...meta(),
      },
    ],
    worksheets: [
      {
        id: randomUUID(),
        entity_ref,
        kind: 'drill',
        title: `Drill ${i}`,
        status: 'closed',
        started_at: at(100),
        contained_at: at(100),
        closed_at: at(99),
        body: JSON.stringify({
          readiness: {
            baselineControlsPresent: i % 2 === 0,
            runtimeVisibility: i % 3 === 0,
          },
          containmentOwners: {
            isolate: 'user:default/olivia',
            revoke: null,
            freeze: null,
            recover: null,
          },
          timeline: [
            {
              at: at(100).toISOString(),
              entry: 'Drill started',
              by: 'user:default/olivia',
            },
          ],
          actions: [],
          findings: ['No alert on vault reads'],
          lessons: [
            {
              lesson: 'Add alerts',
              reopensStageId: i % 2 ? 'launch' : undefined,
              by: 'user:default/olivia',
              at: at(99).toISOString(),
            },
          ],
        }),
        ...meta(),
      },
    ],
    decisions: [
      {
        id: randomUUID(),
        entity_ref,
        trigger: 'New integration',
        decision: 'Verify webhook signatures',
        rationale: 'Spoofed callbacks',
        owner_ref: 'user:default/olivia',
        backlog_url: 'https://tracker.example.com/SEC-1',
        status: i % 2 ? 'implemented' : 'accepted',
        re_review_at: at(-180),
        re_review_trigger: null,
        created_at: at(120),
        ...meta(),
      },
    ],
    releases: [0, 1].map(k => ({
      id: randomUUID(),
      entity_ref,
      release: `1.${k}.${i}`,
      decision: 'go',
      decision_note: null,
      decided_by: 'user:default/olivia',
      decided_at: at(10 + k),
      evidence: JSON.stringify([
        {
          kind: 'pipeline',
          title: 'Build',
          url: 'https://ci.example.com/run/1',
          pushedBy: 'ci-pipeline',
          pushedAt: at(10).toISOString(),
        },
        {
          kind: 'scan',
          title: 'SAST',
          url: 'https://ci.example.com/sast/1',
          result: i % 6 ? 'pass' : 'fail',
          pushedBy: 'ci-pipeline',
          pushedAt: at(10).toISOString(),
        },
        {
          kind: 'provenance',
          title: 'Provenance',
          url: 'https://ci.example.com/prov/1',
          slsaBuildLevel: i % 4,
          pushedBy: 'ci-pipeline',
          pushedAt: at(10).toISOString(),
        },
      ]),
      created_at: at(10 + k),
      ...meta(),
    })),
    assessment_answers: ['G-SM-2-A', 'G-EG-1-A', 'V-RT-1-B', 'O-EM-1-B'].map(
      (activity_id, k) => ({
        entity_ref,
        activity_id,
        value: [0.25, 0.5, 1, 0][(i + k) % 4],
        notes: null,
        ...meta(i % 500),
      }),
    ),
  };
}

/** Inserts the records of components 0..n-1 in bulk batches. */
export async function seed(knex: Knex, n: number): Promise<void> {
  const now = new Date();
  const batch = 500;
  for (let start = 0; start < n; start += batch) {
    const tables: Record<string, object[]> = {};
    for (let i = start; i < Math.min(n, start + batch); i++) {
      for (const [table, rows] of Object.entries(rowsFor(i, now))) {
        (tables[table] ??= []).push(...rows);
      }
    }
    await knex.transaction(async tx => {
      for (const [table, rows] of Object.entries(tables)) {
        // Bounded batches keep every insert under the engines' parameter limits.
        await tx.batchInsert(table, rows as any[], 200);
      }
    });
  }
}
