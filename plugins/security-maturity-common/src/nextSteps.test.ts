import { nextSteps, scoreGain } from './nextSteps';
import { scoreSamm } from './samm/score';
import { SAMM_ACTIVITY_IDS, SAMM_PRACTICES } from './samm/structure';
import { EntityScore, SecurityMaturityRecord } from './types';
import { emptyEntityRecords } from './vocabulary/records';
import { WorkflowConfig } from './workflow';

const now = new Date('2026-12-02T12:00:00Z');

const config = {
  stages: [
    {
      id: 'intake',
      title: 'Intake & classification',
      activities: [],
      exitCriteria: [],
      signOffActivityId: 'intake-classification',
      requiredForTiers: ['1'],
    },
    {
      id: 'threat-modeling',
      title: 'Threat modeling',
      activities: [],
      exitCriteria: [],
      signOffActivityId: 'threat-modeling',
      requiredForTiers: ['1'],
    },
  ],
  rasiActivities: [
    { id: 'intake-classification', title: 'Intake classification' },
    { id: 'threat-modeling', title: 'Threat modeling' },
  ],
} as unknown as WorkflowConfig;

const record = (
  overrides: Partial<SecurityMaturityRecord> = {},
): SecurityMaturityRecord => ({
  entityRef: 'component:default/payments-api',
  version: 1,
  ...emptyEntityRecords(['intake', 'threat-modeling']),
  scorers: [],
  permissions: { canEdit: true, isSecurityLead: false },
  ...overrides,
});

/** A score whose answers are these, the rest 0 with no source. */
function scoreOf(answers: Record<string, number>): EntityScore {
  const s = scoreSamm(answers);
  return {
    entityRef: 'component:default/payments-api',
    ...s,
    tier: '1',
    target: 2,
    percentToTarget: null,
    practiceTargets: null,
    computedAt: now.toISOString(),
    activities: SAMM_ACTIVITY_IDS.map(id => ({
      id,
      value: answers[id] ?? 0,
      source: id in answers ? 'evidence' : 'none',
      rationale: id in answers ? `Evidence for ${id}` : 'No answer yet',
      links: [],
    })),
  } as EntityScore;
}

describe('next steps', () => {
  it('promises exactly what the toolbox formula gives when the answer reaches 1', () => {
    const answers = { 'D-TA-1-A': 0.5, 'D-TA-1-B': 1, 'G-SM-1-A': 0.25 };
    const score = scoreOf(answers);
    for (const step of nextSteps({
      record: record(),
      score,
      config,
      now,
    }).filter(s => s.kind === 'score')) {
      const id = step.id.replace('activity-', '');
      const after = scoreSamm({ ...answers, [id]: 1 });
      expect(step.gain!.overall).toBeCloseTo(after.overall - score.overall, 12);
      expect(step.gain!.function).toBeCloseTo(
        after.functions[step.gain!.functionId] -
          score.functions[step.gain!.functionId],
        12,
      );
    }
    // One activity from 0 to 1 adds 1/30 to the overall score.
    expect(scoreGain(score.activities, 'O-IM-1-A', 1).overall).toBeCloseTo(
      1 / 30,
      12,
    );
  });

  it('ranks by gain, then lower levels, then the weaker practice', () => {
    const answers: Record<string, number> = {};
    // Everything answered 1 except four activities.
    for (const id of SAMM_ACTIVITY_IDS) answers[id] = 1;
    answers['V-ST-3-A'] = 0; // gain 1/30, level 3
    answers['D-TA-1-A'] = 0.5; // gain 1/60
    answers['I-SB-1-B'] = 0; // gain 1/30, level 1
    answers['O-IM-1-A'] = 0; // gain 1/30, level 1
    answers['O-IM-1-B'] = 0.25; // O-IM weaker than I-SB
    const steps = nextSteps({
      record: record({ intake: {} as any }),
      score: scoreOf(answers),
      config: { ...config, stages: [] },
      now,
    });
    expect(steps.map(s => s.id)).toEqual([
      'activity-O-IM-1-A',
      'activity-I-SB-1-B',
      'activity-V-ST-3-A',
      'activity-O-IM-1-B',
      'activity-D-TA-1-A',
    ]);
    expect(steps[0]).toMatchObject({
      title: 'Incident Management (O-IM-1-A)',
      section: 'worksheets',
      gain: { functionId: 'O', functionName: 'Operations' },
    });
  });

  it('puts practices below their target first, whatever the gain elsewhere', () => {
    const answers: Record<string, number> = {};
    for (const id of SAMM_ACTIVITY_IDS) answers[id] = 1;
    answers['G-SM-1-A'] = 0; // gain 1/30, but Strategy & Metrics is at its target
    answers['O-OM-1-A'] = 0.5; // gain 1/60, Operational Management is short
    const score = scoreOf(answers);
    score.practiceTargets = Object.fromEntries(
      SAMM_PRACTICES.map(p => [p.id, { target: 1, gap: 0, percentToTarget: 100 }]),
    );
    score.practiceTargets['O-OM'] = { target: 3, gap: 0.25, percentToTarget: 91.7 };
    const steps = nextSteps({
      record: record({ intake: {} as any }),
      score,
      config: { ...config, stages: [] },
      now,
    });
    expect(steps.map(s => s.id)).toEqual(['activity-O-OM-1-A', 'activity-G-SM-1-A']);
  }); // prettier-ignore

  it('sends unanswered activities to the self-assessment with its question', () => {
    const [first] = nextSteps({
      record: record({ intake: {} as any }),
      score: scoreOf({}),
      config: { ...config, stages: [] },
      now,
      limit: 1,
    });
    expect(first.section).toBe('score');
    expect(first.detail).toMatch(/\?$/);
  });

  it('puts blockers first: intake, re-opened stages, expiring and expired exceptions, missing Accountables', () => {
    const exception = (id: string, status: string, inDays: number) =>
      ({
        id,
        controlId: 'run-as-non-root',
        status,
        expiresAt: new Date(now.getTime() + inDays * 86_400_000).toISOString(),
      } as any);
    const steps = nextSteps({
      record: record({
        stages: [
          {
            stageId: 'threat-modeling',
            status: 'in_progress',
            reopenedReason: 'Material change (new-integration): card vault',
          } as any,
        ],
        exceptions: [
          exception('e1', 'approved', 6),
          exception('e2', 'approved', 40),
          exception('e3', 'expired', -2),
        ],
        rasi: [{ activityId: 'threat-modeling' } as any],
      }),
      score: scoreOf({}),
      config,
      now,
      limit: 0,
    });
    expect(steps.map(s => [s.title, s.section])).toEqual([
      ['Classify this component', 'intake'],
      ['Threat modeling was re-opened', 'stages'],
      ['The exception for run-as-non-root expires in 6 days', 'exceptions'],
      ['The exception for run-as-non-root has expired', 'exceptions'],
      ['Nobody is Accountable for Intake classification', 'rasi'],
    ]);
    expect(steps.every(s => s.kind === 'blocker')).toBe(true);
  });
});
