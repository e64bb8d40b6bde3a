import { materialIntakeChanges } from '@secmat/backstage-plugin-security-maturity-common';
import { defaultWorkflow } from '../config/defaults';
import { RuleViolation } from './RuleViolation';
import {
  checkSignOff,
  checkStageUpdate,
  findStage,
  voidsSignOff,
} from './stageRules';

const stage = findStage(defaultWorkflow, 'threat-modeling');
const criteria = stage.exitCriteria.map(c => c.id);
const done = (id: string) => ({ criterionId: id, done: true, evidence: [] });

const violation = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return undefined;
};

const intake = {
  dataClassification: 'internal',
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: false,
  regulatoryObligations: [],
};

describe('stage rules', () => {
  it('names the known stages when asked for an unknown one', () => {
    expect(violation(() => findStage(defaultWorkflow, 'nope'))).toMatch(
      /^invalid: Unknown stage 'nope'; the workflow has intake, threat-modeling/,
    );
  });

  it('completes the checklist in the stage order, criteria not given not done', () => {
    const checklist = checkStageUpdate(stage, {
      status: 'in_progress',
      checklist: [done(criteria[criteria.length - 1])],
    });
    expect(checklist.map(c => c.criterionId)).toEqual(criteria);
    expect(checklist.filter(c => c.done)).toHaveLength(1);
  });

  it.each([
    [
      'an unknown criterion',
      { status: 'in_progress', checklist: [done('made-up')] },
      `invalid: Stage 'threat-modeling' has no exit criterion 'made-up'`,
    ],
    [
      'a criterion listed twice',
      {
        status: 'in_progress',
        checklist: [done(criteria[0]), done(criteria[0])],
      },
      `invalid: Exit criterion '${criteria[0]}' is listed twice`,
    ],
    [
      'a waiver without a reason',
      { status: 'waived', checklist: [], reason: '  ' },
      'invalid: A waived stage needs a reason',
    ],
    [
      'not applicable without a reason',
      { status: 'not_applicable', checklist: [] },
      'invalid: A not-applicable stage needs a reason',
    ],
    [
      'passing with open criteria',
      { status: 'passed', checklist: [done(criteria[0])] },
      `invalid: Stage 'threat-modeling' cannot pass with ${
        criteria.length - 1
      } exit criteria not done`,
    ],
  ] as const)('refuses %s', (_, update, message) => {
    expect(violation(() => checkStageUpdate(stage, update as any))).toBe(
      message,
    );
  });

  it('lets a stage pass with every criterion done, and waive with a reason', () => {
    expect(() =>
      checkStageUpdate(stage, {
        status: 'passed',
        checklist: criteria.map(done),
      }),
    ).not.toThrow();
    expect(() =>
      checkStageUpdate(stage, {
        status: 'waived',
        checklist: [],
        reason: 'Covered by the platform',
      }),
    ).not.toThrow();
  });

  it('voids a sign-off when the status or the checklist changes', () => {
    const before = { status: 'passed' as const, checklist: criteria.map(done) };
    expect(voidsSignOff(before, before)).toBe(false);
    expect(voidsSignOff(before, { ...before, status: 'in_progress' })).toBe(
      true,
    );
    expect(
      voidsSignOff(before, {
        ...before,
        checklist: criteria.slice(1).map(done),
      }),
    ).toBe(true);
    expect(voidsSignOff(undefined, before)).toBe(false);
  });

  describe('sign-off', () => {
    const base = {
      stage,
      status: 'passed' as const,
      accountable: 'group:default/payments-team',
      ownershipRefs: ['user:default/olivia', 'group:default/payments-team'],
      isSecurityLead: false,
    };

    it('is for the Accountable (through a group) or a security lead', () => {
      expect(violation(() => checkSignOff(base))).toBeUndefined();
      expect(
        violation(() =>
          checkSignOff({
            ...base,
            ownershipRefs: ['user:default/lena'],
            isSecurityLead: true,
          }),
        ),
      ).toBeUndefined();
    });

    it('names the Accountable to everyone else', () => {
      expect(
        violation(() =>
          checkSignOff({ ...base, ownershipRefs: ['user:default/tom'] }),
        ),
      ).toBe(
        `forbidden: Only group:default/payments-team (Accountable for ${stage.signOffActivityId}) or a security lead may sign off '${stage.title}'`,
      );
    });

    it('says when nobody is Accountable yet', () => {
      expect(
        violation(() => checkSignOff({ ...base, accountable: undefined })),
      ).toMatch(
        /^forbidden: Nobody is Accountable for .* yet; only a security lead/,
      );
    });

    it('is only for a passed, waived or not-applicable gate', () => {
      expect(
        violation(() => checkSignOff({ ...base, status: 'in_progress' })),
      ).toBe(
        `invalid: Only a passed, waived or not-applicable stage can be signed off; '${stage.title}' is in progress`,
      );
    });
  });

  describe('material intake changes', () => {
    it('are new integrations, an auth-flow change or more sensitive data', () => {
      expect(
        materialIntakeChanges(defaultWorkflow, intake, {
          ...intake,
          newIntegrations: true,
          authFlowChanges: true,
          dataClassification: 'confidential',
        }),
      ).toEqual([
        'new integrations',
        'an auth-flow change',
        'data now confidential',
      ]);
    });

    it('are nothing on the first classification or a change to less sensitive data', () => {
      expect(materialIntakeChanges(defaultWorkflow, undefined, intake)).toEqual(
        [],
      );
      expect(
        materialIntakeChanges(
          defaultWorkflow,
          { ...intake, dataClassification: 'confidential' },
          intake,
        ),
      ).toEqual([]);
    });
  });
});
