import { ConfigReader } from '@backstage/config';
import { deriveTier } from '@secmat/backstage-plugin-security-maturity-common';
import { readWorkflowConfig } from './readWorkflowConfig';

const answers = {
  dataClassification: 'internal',
  internetExposure: false,
  newIntegrations: false,
  authFlowChanges: false,
  regulatoryObligations: [] as string[],
};

describe('readWorkflowConfig', () => {
  it('defaults to the seven stages of the seed workflow and three tiers', () => {
    const workflow = readWorkflowConfig(new ConfigReader({}));
    expect(workflow.stages.map(s => s.id)).toEqual([
      'intake',
      'threat-modeling',
      'design',
      'implementation',
      'validation',
      'launch',
      'governance',
    ]);
    expect(workflow.tiers.map(t => t.id)).toEqual(['1', '2', '3']);
    expect(workflow.securityLeadGroups).toEqual([
      'group:default/security-leads',
    ]);
  });

  it('derives tiers from the first matching rule', () => {
    const workflow = readWorkflowConfig(new ConfigReader({}));
    expect(deriveTier(workflow, answers)).toEqual({
      tier: '3',
      reason: 'No elevated risk factor',
    });
    expect(
      deriveTier(workflow, { ...answers, internetExposure: true }),
    ).toEqual({ tier: '2', reason: 'Exposed to the internet' });
    expect(
      deriveTier(workflow, {
        ...answers,
        internetExposure: true,
        dataClassification: 'confidential',
      }).tier,
    ).toBe('1');
    expect(
      deriveTier(workflow, { ...answers, regulatoryObligations: ['GDPR'] })
        .tier,
    ).toBe('1');
    expect(
      deriveTier(workflow, { ...answers, dataClassification: 'restricted' })
        .reason,
    ).toBe('Handles restricted data');
  });

  it('takes lists from app-config and normalizes lead groups', () => {
    const workflow = readWorkflowConfig(
      new ConfigReader({
        securityMaturity: {
          securityLeadGroups: ['appsec'],
          baselineControls: [{ id: 'mtls', title: 'Mutual TLS' }],
          exceptions: { maxDays: 30 },
        },
      }),
    );
    expect(workflow.securityLeadGroups).toEqual(['group:default/appsec']);
    expect(workflow.baselineControls).toEqual([
      { id: 'mtls', title: 'Mutual TLS', description: '' },
    ]);
    expect(workflow.exceptionMaxDays).toBe(30);
  });

  it('stops the backend on a configuration that contradicts itself', () => {
    const stage = (overrides: object) => ({
      securityMaturity: {
        stages: [
          {
            id: 'threat-modeling',
            title: 'TM',
            exitCriteria: [{ id: 'a', title: 'A' }],
            signOffActivityId: 'threat-modeling',
            requiredForTiers: ['1'],
            ...overrides,
          },
        ],
      },
    });
    expect(() =>
      readWorkflowConfig(
        new ConfigReader(stage({ signOffActivityId: 'nobody' })),
      ),
    ).toThrow(/unknown RASI activity 'nobody'/);
    expect(() =>
      readWorkflowConfig(new ConfigReader(stage({ requiredForTiers: ['9'] }))),
    ).toThrow(/unknown tier '9'/);
    expect(() =>
      readWorkflowConfig(new ConfigReader(stage({ id: 'design' }))),
    ).toThrow(/needs a 'threat-modeling' stage/);
    expect(() =>
      readWorkflowConfig(
        new ConfigReader({
          securityMaturity: {
            tierRules: [{ tier: '1', reason: 'x', when: { regulated: true } }],
          },
        }),
      ),
    ).toThrow(/last tier rule must have no conditions/);
  });
});
