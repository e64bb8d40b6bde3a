import { rasiCoverage } from './rasiCoverage';
import { workflowOf } from './__testUtils__/fixtures';

const workflow = workflowOf({}, [
  { id: 'threat-modeling', title: 'Threat modeling' },
  { id: 'design-review', title: 'Security design review' },
]);

describe('rasiCoverage', () => {
  it('counts components with and without an Accountable per activity', () => {
    const coverage = rasiCoverage(
      workflow,
      { accountable: new Map([['threat-modeling', 3]]), supportive: [] },
      5,
    );
    expect(coverage.activities).toEqual([
      {
        activityId: 'threat-modeling',
        title: 'Threat modeling',
        covered: 3,
        missingAccountable: 2,
      },
      {
        activityId: 'design-review',
        title: 'Security design review',
        covered: 0,
        missingAccountable: 5,
      },
    ]);
    expect(coverage.partners).toEqual([]);
  });

  it('counts the components and assignments of each Supportive, refs compared case-insensitively', () => {
    const coverage = rasiCoverage(
      workflow,
      {
        accountable: new Map(),
        supportive: [
          { entityRef: 'component:default/a', refs: ['user:default/Lena'] },
          {
            entityRef: 'component:default/a',
            refs: ['user:default/lena', 'group:default/appsec'],
          },
          { entityRef: 'component:default/b', refs: ['group:default/AppSec'] },
          { entityRef: 'component:default/c', refs: ['group:default/appsec'] },
          { entityRef: 'component:default/c', refs: ['user:default/bo'] },
        ],
      },
      3,
    );
    // Most components first, then by ref.
    expect(coverage.partners).toEqual([
      { ref: 'group:default/appsec', components: 3, assignments: 3 },
      { ref: 'user:default/bo', components: 1, assignments: 1 },
      { ref: 'user:default/lena', components: 1, assignments: 2 },
    ]);
  });
});
