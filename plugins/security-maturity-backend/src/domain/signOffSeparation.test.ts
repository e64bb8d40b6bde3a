import { defaultWorkflow } from '../config/defaults';
import {
  isNamedInRasi,
  redactException,
  redactHistoryEntry,
  redactWorksheet,
} from './confidentiality';
import { checkAccountableAppointment, findRasiActivity } from './rasiRules';
import { RuleViolation } from './RuleViolation';
import { checkSignOff, findStage, stampChecklist } from './stageRules';

const stage = findStage(defaultWorkflow, 'threat-modeling');
const owner = 'user:default/olivia';
const other = 'user:default/tom';
const ownerRefs = [owner, 'group:default/payments-team'];

const violation = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return undefined;
};

describe('sign-off separation', () => {
  it('stamps who ticked each criterion, keeps the ticker of one already done, and never takes it from the request', () => {
    const first = stampChecklist(
      undefined,
      [
        { criterionId: 'a', done: true, evidence: [], doneBy: 'user:x/forged' },
        { criterionId: 'b', done: false, evidence: [] },
      ],
      owner,
    );
    expect(first).toEqual([
      { criterionId: 'a', done: true, evidence: [], doneBy: owner },
      { criterionId: 'b', done: false, evidence: [] },
    ]);
    const second = stampChecklist(
      first,
      [
        { criterionId: 'a', done: true, evidence: [] },
        { criterionId: 'b', done: true, evidence: [] },
      ],
      other,
    );
    expect(second.map(c => c.doneBy)).toEqual([owner, other]);
    // Unticked, the ticker goes; ticked again, it is the new one's.
    const unticked = stampChecklist(
      second,
      [{ criterionId: 'a', done: false, evidence: [] }],
      other,
    );
    expect(unticked).toEqual([{ criterionId: 'a', done: false, evidence: [] }]);
  });

  const signOff = (
    actor: string,
    ownershipRefs: string[],
    doneBy: string | undefined,
    separation?: 'strict' | 'off',
  ) =>
    violation(() =>
      checkSignOff({
        stage,
        status: 'passed',
        accountable: 'group:default/payments-team',
        ownershipRefs,
        isSecurityLead: false,
        actor,
        checklist: stage.exitCriteria.map(c => ({
          criterionId: c.id,
          done: true,
          evidence: [],
          ...(doneBy ? { doneBy } : {}),
        })),
        separation,
      }),
    );

  it('refuses a sign-off by the one who ticked the criteria, naming the rule', () => {
    expect(signOff(owner, ownerRefs, owner)).toMatch(
      /^forbidden: Sign-off separation \(securityMaturity\.signOff\.separation: strict\): user:default\/olivia ticked the exit criteria 'risks-documented', .* so a second person must sign it off/,
    );
    // Another member of the Accountable group signs.
    expect(
      signOff(
        'user:default/sam',
        ['user:default/sam', ...ownerRefs.slice(1)],
        owner,
      ),
    ).toBeUndefined();
    // Criteria ticked before ticks were recorded block nobody.
    expect(signOff(owner, ownerRefs, undefined)).toBeUndefined();
    expect(signOff(owner, ownerRefs, owner, 'off')).toBeUndefined();
  });

  const activity = findRasiActivity(defaultWorkflow, 'threat-modeling');
  const appoint = (
    accountable: string,
    options: Partial<Parameters<typeof checkAccountableAppointment>[0]> = {},
  ) =>
    violation(() =>
      checkAccountableAppointment({
        workflow: defaultWorkflow,
        activity,
        before: undefined,
        accountable,
        actor: owner,
        ownershipRefs: ownerRefs,
        isSecurityLead: false,
        ...options,
      }),
    );

  it('refuses appointing oneself or one of one’s groups Accountable for a sign-off activity', () => {
    expect(appoint(owner)).toBe(
      "forbidden: Sign-off separation (securityMaturity.signOff.separation: strict): user:default/olivia may not appoint themself Accountable for 'Threat modeling', which signs off 'Threat modeling & requirements'; a security lead appoints them, or name someone else",
    );
    expect(appoint('group:default/payments-team')).toMatch(
      /may not appoint group:default\/payments-team, a group they belong to, Accountable/,
    );
    // Someone else, a lead appointing, the same Accountable kept, rule off,
    // or an activity that signs off nothing: allowed.
    expect(appoint(other)).toBeUndefined();
    expect(appoint(owner, { isSecurityLead: true })).toBeUndefined();
    expect(appoint(owner, { before: owner })).toBeUndefined();
    expect(appoint(owner, { separation: 'off' })).toBeUndefined();
    expect(
      appoint(owner, {
        activity: findRasiActivity(defaultWorkflow, 'incident-isolate'),
      }),
    ).toBeUndefined();
  });
});

describe('confidentiality', () => {
  it('finds the caller in any RASI role, directly or through a group', () => {
    const rasi = [
      {
        responsible: [],
        accountable: 'user:default/lena',
        supportive: [],
        informed: ['Group:default/Payments-Team'],
      },
    ];
    expect(isNamedInRasi(rasi, ownerRefs)).toBe(true);
    expect(isNamedInRasi(rasi, [other, 'group:default/identity-team'])).toBe(
      false,
    );
  });

  it('keeps who, when and state, and empties the text', () => {
    const meta = { version: 1, updatedAt: 'now', updatedBy: owner };
    expect(
      redactException({
        ...meta,
        id: 'x',
        controlId: 'run-as-non-root',
        justification: 'secret',
        compensatingControls: 'secret',
        riskRating: 'high',
        expiresAt: '2027-01-01',
        status: 'approved',
        requestedBy: owner,
        requestedAt: 'then',
        decisionNote: 'secret',
      }),
    ).toEqual({
      ...meta,
      id: 'x',
      controlId: 'run-as-non-root',
      justification: '',
      compensatingControls: '',
      riskRating: 'high',
      expiresAt: '2027-01-01',
      status: 'approved',
      requestedBy: owner,
      requestedAt: 'then',
      redacted: true,
    });
    const worksheet = redactWorksheet({
      ...meta,
      id: 'w',
      kind: 'incident',
      title: 'Title stays',
      status: 'open',
      startedAt: 'then',
      readiness: { baselineControlsPresent: true, runtimeVisibility: false },
      containmentOwners: {
        isolate: owner,
        revoke: null,
        freeze: null,
        recover: null,
      },
      timeline: [{ at: 'then', entry: 'secret', by: owner }],
      actions: [{ description: 'secret', owner, done: true }],
      findings: ['secret'],
      lessons: [{ lesson: 'secret', by: owner, at: 'then' }],
    });
    expect(JSON.stringify(worksheet)).not.toContain('secret');
    expect(worksheet).toMatchObject({
      title: 'Title stays',
      redacted: true,
      timeline: [{ at: 'then', entry: '', by: owner }],
      actions: [{ description: '', owner, done: true }],
    });
    const history = {
      id: 1,
      recordType: 'worksheet',
      recordId: 'w',
      action: 'update',
      actor: owner,
      at: 'then',
      changes: { status: { from: 'open', to: 'closed' }, findings: ['secret'] },
    };
    expect(redactHistoryEntry(history)).toEqual({
      ...history,
      changes: { status: { from: 'open', to: 'closed' } },
      redacted: true,
    });
    const stageRow = { ...history, recordType: 'stage' };
    expect(redactHistoryEntry(stageRow)).toBe(stageRow);
    // A stage re-opened by a lesson before lessons were confidential.
    const legacy = {
      ...history,
      recordType: 'stage',
      action: 'reopen',
      changes: { reason: 'Lesson from "Drill": the vault had no alerts' },
    };
    expect(redactHistoryEntry(legacy).changes.reason).toBe(
      'Lesson from "Drill": read it in the worksheet',
    );
    const current = {
      ...legacy,
      changes: { reason: 'Lesson from "Drill": read it in the worksheet' },
    };
    expect(redactHistoryEntry(current)).toBe(current);
    const material = {
      ...legacy,
      changes: { reason: 'Material change (other): new vendor' },
    };
    expect(redactHistoryEntry(material)).toBe(material);
  });
});
