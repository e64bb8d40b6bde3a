import { StageProgress } from '../database/org/OrgReadModel';
import { bottlenecks } from './bottlenecks';
import { workflowOf } from './__testUtils__/fixtures';

const now = new Date('2026-11-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

// Threat modelling is for tiers 1 and 2; launch for every tier.
const workflow = workflowOf({
  'threat-modeling': ['1', '2'],
  launch: ['1', '2', '3'],
});

const progress = (p: Partial<StageProgress>): StageProgress => ({
  componentsByTier: [],
  rows: [],
  stuck: [],
  ...p,
});

describe('bottlenecks', () => {
  it('count components without a stage row as not started', () => {
    const [tm, launch] = bottlenecks(
      workflow,
      progress({
        componentsByTier: [
          { tier: '1', count: 4 },
          { tier: '2', count: 3 },
          { tier: '3', count: 5 },
        ],
        rows: [
          { stageId: 'threat-modeling', tier: '1', status: 'passed', count: 1 },
          {
            stageId: 'threat-modeling',
            tier: '1',
            status: 'blocked',
            count: 1,
          },
          {
            stageId: 'threat-modeling',
            tier: '2',
            status: 'in_progress',
            count: 2,
          },
          {
            stageId: 'threat-modeling',
            tier: '2',
            status: 'not_started',
            count: 1,
          },
          { stageId: 'launch', tier: '3', status: 'waived', count: 5 },
        ],
      }),
      now,
    );
    // Tier 1: 4 components, 2 with rows → 2 without; tier 2: 3 with rows,
    // one of them explicitly not started; tier 3 does not need the stage.
    expect(tm).toEqual({
      stageId: 'threat-modeling',
      title: 'Stage threat-modeling',
      inProgress: 2,
      blocked: 1,
      notStarted: 1 + 2,
      medianDaysInStatus: null,
    });
    // Launch: tiers 1 and 2 have no rows (7 not started); tier 3 all waived.
    expect(launch).toMatchObject({ inProgress: 0, blocked: 0, notStarted: 7 });
  });

  it('leave out rows and components of tiers that do not require the stage', () => {
    const [tm] = bottlenecks(
      workflow,
      progress({
        componentsByTier: [{ tier: '3', count: 2 }],
        rows: [
          {
            stageId: 'threat-modeling',
            tier: '3',
            status: 'blocked',
            count: 2,
          },
        ],
      }),
      now,
    );
    expect(tm).toMatchObject({ inProgress: 0, blocked: 0, notStarted: 0 });
  });

  it('require every stage of components without a tier yet', () => {
    const [tm, launch] = bottlenecks(
      workflow,
      progress({
        componentsByTier: [{ tier: null, count: 3 }],
        rows: [
          {
            stageId: 'threat-modeling',
            tier: null,
            status: 'in_progress',
            count: 1,
          },
        ],
      }),
      now,
    );
    expect(tm).toMatchObject({ inProgress: 1, notStarted: 2 });
    expect(launch).toMatchObject({ notStarted: 3 });
  });

  it('give the median days the stuck ones have had their status', () => {
    const [tm, launch] = bottlenecks(
      workflow,
      progress({
        stuck: [
          { stageId: 'threat-modeling', statusSince: daysAgo(1) },
          { stageId: 'threat-modeling', statusSince: daysAgo(4) },
          { stageId: 'threat-modeling', statusSince: null },
          { stageId: 'launch', statusSince: daysAgo(2) },
          { stageId: 'launch', statusSince: daysAgo(10) },
          { stageId: 'launch', statusSince: daysAgo(3) },
        ],
      }),
      now,
    );
    // Even count (the one without a date is left out): mean of the middle two.
    expect(tm.medianDaysInStatus).toBe(2.5);
    expect(launch.medianDaysInStatus).toBe(3);
  });

  it('list every configured stage in order, even without components', () => {
    const result = bottlenecks(workflow, progress({}), now);
    expect(result.map(b => [b.stageId, b.notStarted])).toEqual([
      ['threat-modeling', 0],
      ['launch', 0],
    ]);
  });
});
