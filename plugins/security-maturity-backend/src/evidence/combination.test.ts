import {
  createSammScorer,
  sammRules,
  signalRules,
} from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import {
  emptyEntityRecords,
  EvidenceSignal,
  ReleaseRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { computeScore } from '../scoring/computeScore';

const now = new Date('2026-12-02T12:00:00Z');
const scorers = [
  createSammScorer({ rules: sammRules }),
  createSammScorer({ rules: signalRules, id: 'samm-signals' }),
];
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
};
const release = (slsaBuildLevel: number): ReleaseRecord => ({
  id: 'r1',
  version: 2,
  updatedAt: '2026-11-30T10:00:00.000Z',
  updatedBy: 'external:ci-pipeline',
  release: '2.4.0',
  decision: 'pending',
  evidence: [
    {
      kind: 'provenance',
      title: 'Provenance',
      url: 'https://ci.example.com/runs/1/provenance',
      slsaBuildLevel,
      pushedBy: 'external:ci-pipeline',
      pushedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
});
const provenance = (buildLevel: number): EvidenceSignal => ({
  entityRef: 'component:default/payments-api',
  source: 'slsa-provenance',
  key: 'provenance',
  value: { buildLevel, levelReason: 'Hosted builder.', builderId: 'x' },
  observedAt: '2026-11-30T09:04:55.000Z',
  validUntil: '2027-02-28T09:04:55.000Z',
  link: 'https://ci.example.com/runs/1',
});

const answer = (releases: ReleaseRecord[], signals: EvidenceSignal[]) => {
  const { score, validUntil } = computeScore({
    entity,
    records: { ...emptyEntityRecords(), releases },
    signals,
    scorers,
    workflow: { tiers: [] } as unknown as WorkflowConfig,
    attestedMaxAgeDays: 365,
    now,
  });
  return {
    activity: score.activities.find(a => a.id === 'I-SB-2-A')!,
    validUntil,
  };
};

describe('record answers and signal answers', () => {
  it('keep the higher of the two for each activity, the record one on a tie', () => {
    // Records: SLSA 1 on the release (0.5); the tool: level 2 (1).
    expect(answer([release(1)], [provenance(2)]).activity).toMatchObject({
      value: 1,
      ruleId: 'samm-signals:I-SB-2-A',
      rationale: expect.stringContaining('Provenance of 2026-11-30'),
    });
    // Records: level 3 (1); the tool: level 1 (0.5). A tool never lowers it.
    expect(answer([release(3)], [provenance(1)]).activity).toMatchObject({
      value: 1,
      ruleId: 'samm:I-SB-2-A',
    });
    // Both 1: the record rule's answer.
    expect(answer([release(2)], [provenance(2)]).activity.ruleId).toBe(
      'samm:I-SB-2-A',
    );
    // Only the tool has something to go on.
    expect(answer([], [provenance(1)]).activity).toMatchObject({
      value: 0.5,
      source: 'evidence',
    });
  });

  it('bounds the score validity by the signals', () => {
    expect(answer([], [provenance(2)]).validUntil).toBe(
      Date.parse('2027-02-28T09:04:55.000Z'),
    );
  });
});
