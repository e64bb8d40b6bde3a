import { formatChanges } from './formatChanges';

describe('formatChanges', () => {
  it('reads before → after, names joined, checklists as the criteria done', () => {
    expect(
      formatChanges({
        status: { from: 'not_started', to: 'passed' },
        responsible: { from: [], to: ['group:default/payments-team'] },
        checklist: {
          from: null,
          to: [
            { criterionId: 'risks-documented', done: true, evidence: [] },
            { criterionId: 'definition-of-ready', done: false, evidence: [] },
          ],
        },
        kind: 'new-integration',
      }),
    ).toEqual([
      'status: not_started → passed',
      'responsible: none → group:default/payments-team',
      'checklist: — → 1 of 2 done (risks-documented)',
      'kind: new-integration',
    ]);
  });
});
