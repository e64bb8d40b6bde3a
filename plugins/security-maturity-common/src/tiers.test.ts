import { materialIntakeChanges } from './tiers';

const workflow = { dataClassifications: ['public', 'internal', 'restricted'] };
const before = {
  dataClassification: 'internal',
  newIntegrations: false,
  authFlowChanges: false,
};

describe('materialIntakeChanges', () => {
  it('names each change that re-opens threat modeling', () => {
    expect(
      materialIntakeChanges(workflow, before, {
        dataClassification: 'restricted',
        newIntegrations: true,
        authFlowChanges: true,
      }),
    ).toEqual([
      'new integrations',
      'an auth-flow change',
      'data now restricted',
    ]);
  });

  it('finds none in a first classification or a change towards less risk', () => {
    expect(materialIntakeChanges(workflow, undefined, before)).toEqual([]);
    expect(
      materialIntakeChanges(
        workflow,
        { dataClassification: 'restricted', newIntegrations: true, authFlowChanges: true },
        before,
      ),
    ).toEqual([]);
  }); // prettier-ignore
});
