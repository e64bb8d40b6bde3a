import { Entity } from '@backstage/catalog-model';
import { SecurityMaturityRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { createSammScorer } from './sammScorer';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { owner: 'group:default/payments-team' },
};
const record: SecurityMaturityRecord = {
  entityRef: 'component:default/payments-api',
  version: 0,
  intake: null,
  requiredStageIds: [],
  assessment: [],
  permissions: { canEdit: false, isSecurityLead: false },
  stages: [],
  rasi: [],
  exceptions: [],
  worksheets: [],
  decisions: [],
  releases: [],
  scorers: [],
};

describe('createSammScorer', () => {
  it('answers all 90 activities, marking those without evidence as unanswered', async () => {
    const answers = await createSammScorer({ rules: [] }).score({
      entity,
      record,
    });
    expect(answers).toHaveLength(90);
    expect(answers.every(a => a.source === 'none' && a.value === 0)).toBe(true);
  });

  it('takes the first applicable evidence rule, with its rationale and links', async () => {
    const scorer = createSammScorer({
      rules: [
        { activityId: 'D-TA-1-A', evaluate: () => undefined },
        {
          activityId: 'D-TA-1-A',
          evaluate: ({ entity: e }) => ({
            value: 0.5,
            rationale: `${e.metadata.name} has a risk profile`,
            links: [{ title: 'Intake', url: 'https://example.com/intake' }],
          }),
        },
      ],
    });
    const answers = await scorer.score({ entity, record });
    expect(answers.find(a => a.activityId === 'D-TA-1-A')).toEqual({
      activityId: 'D-TA-1-A',
      source: 'evidence',
      value: 0.5,
      rationale: 'payments-api has a risk profile',
      links: [{ title: 'Intake', url: 'https://example.com/intake' }],
    });
  });

  it('refuses rules for activities SAMM does not have', () => {
    expect(() =>
      createSammScorer({
        rules: [{ activityId: 'X-YY-1-A', evaluate: () => undefined }],
      }),
    ).toThrow(/Unknown SAMM activity/);
  });
});
