import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityRoadmap } from '@secmat/backstage-plugin-security-maturity-common';
import {
  accepts,
  editableRecord,
  emptyRoadmap,
  refuses,
} from '../../__testUtils__/records';
import {
  entityRef,
  expectConflictWithReload,
  renderSection,
} from '../../__testUtils__/renderSection';
import { isCalendarDay, itemProblems } from './PhaseDialog';
import { RoadmapCard } from './RoadmapCard';
import { roadmapChartData } from './RoadmapChart';

const projection = (overall: number, percentToTarget: number) => ({
  overall,
  functions: {},
  practices: {},
  percentToTarget,
  practicePercentToTarget: {},
});

const roadmap: EntityRoadmap = {
  ...emptyRoadmap,
  tier: '2',
  target: 1.5,
  canEdit: true,
  current: projection(0.4, 30),
  phases: [
    {
      phase: 1,
      name: 'Threat model every change',
      version: 2,
      updatedAt: '2026-09-01T09:00:00.000Z',
      updatedBy: 'user:default/sam.okafor',
      projected: projection(0.5, 36),
      progress: {
        dueOn: '2026-11-01',
        plannedOverall: 0.5,
        actualOverall: 0.45,
        actualDay: '2026-11-01',
        itemsDone: 1,
        itemsTotal: 2,
        status: 'missed',
      },
      items: [
        {
          activityId: 'D-TA-1-A',
          plannedAnswer: 1,
          dueOn: '2026-11-01',
          owner: 'group:default/payments-team',
          ownerSource: 'rasi',
          currentAnswer: 1,
          done: true,
          overdue: false,
        },
        {
          activityId: 'D-TA-1-B',
          plannedAnswer: 1,
          dueOn: '2026-10-15',
          ownerRef: 'user:default/alex.rivera',
          owner: 'user:default/alex.rivera',
          ownerSource: 'set',
          currentAnswer: 0.5,
          done: false,
          overdue: true,
        },
      ],
    },
    {
      phase: 2,
      name: 'Harden the build',
      version: 1,
      updatedAt: '2026-09-01T09:00:00.000Z',
      updatedBy: 'user:default/sam.okafor',
      projected: projection(0.6, 42),
      progress: {
        dueOn: '2027-01-31',
        plannedOverall: 0.6,
        actualOverall: 0.45,
        actualDay: '2026-12-01',
        itemsDone: 0,
        itemsTotal: 1,
        status: 'upcoming',
      },
      items: [
        {
          activityId: 'I-SB-2-A',
          plannedAnswer: 0.5,
          dueOn: '2027-01-31',
          owner: 'group:default/payments-team',
          ownerSource: 'owner',
          currentAnswer: 0,
          done: false,
          overdue: false,
        },
      ],
    },
  ],
};

describe('RoadmapCard', () => {
  it('explains the empty roadmap and offers no form to readers', async () => {
    await renderSection(<RoadmapCard />);
    expect(await screen.findByText(/No roadmap yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a phase' })).toBeNull();
  });

  it('shows phases with items, owners, done and the plan against the actual score', async () => {
    await renderSection(<RoadmapCard />, {
      record: editableRecord(),
      api: { getEntityRoadmap: jest.fn(async () => roadmap) },
    });
    expect(await screen.findByText('Phase 1: Threat model every change')).toBeInTheDocument();
    expect(screen.getByText('behind plan')).toBeInTheDocument();
    expect(screen.getByText('upcoming')).toBeInTheDocument();
    expect(screen.getByText(/Projected score 0.50, 36% to target; actual 0.45 on 2026-11-01/)).toBeInTheDocument();
    expect(screen.getByText('done')).toBeInTheDocument();
    expect(screen.getByText('overdue')).toBeInTheDocument();
    expect(screen.getByText(/group:default\/payments-team \(RASI Responsible\)/)).toBeInTheDocument();
    expect(screen.getByText(/Due 2027-01-31 · group:default\/payments-team \(component owner\)/)).toBeInTheDocument();
    expect(screen.getByLabelText('Projected score per phase against the actual score')).toBeInTheDocument();
  }); // prettier-ignore

  it('charts now, then each phase planned against actual (none ahead of its due day)', () => {
    expect(roadmapChartData(roadmap)).toEqual([
      { label: 'Now', Planned: 0.4, Actual: 0.4 },
      { label: 'Phase 1 (2026-11-01)', Planned: 0.5, Actual: 0.45 },
      { label: 'Phase 2 (2027-01-31)', Planned: 0.6, Actual: null },
    ]);
  });

  it('checks a new phase before saving it as the next phase, version 0', async () => {
    const putRoadmapPhase = accepts();
    const { onChanged } = await renderSection(<RoadmapCard />, {
      record: editableRecord(),
      api: {
        getEntityRoadmap: jest.fn(async () => ({ ...emptyRoadmap, canEdit: true })),
        putRoadmapPhase,
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a phase' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Add phase 1')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getAllByText('Required').length).toBeGreaterThanOrEqual(3);
    expect(putRoadmapPhase).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText(/Phase name/), 'Test what we require');
    await userEvent.click(within(dialog).getByLabelText(/SAMM activity/));
    await userEvent.click(await screen.findByRole('option', { name: /^V-ST-2-A/ }));
    await userEvent.click(within(dialog).getByLabelText(/Planned answer/));
    await userEvent.click(await screen.findByRole('option', { name: /^0.5 ·/ }));
    await userEvent.type(within(dialog).getByLabelText(/Due/), '2027-03-31');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(putRoadmapPhase).toHaveBeenCalledWith(entityRef, 1, {
      version: 0,
      name: 'Test what we require',
      items: [{ activityId: 'V-ST-2-A', plannedAnswer: 0.5, dueOn: '2027-03-31' }],
    });
  }); // prettier-ignore

  it('edits a phase with the version it read, and stays open on a conflict', async () => {
    const { onChanged } = await renderSection(<RoadmapCard />, {
      record: editableRecord(),
      api: {
        getEntityRoadmap: jest.fn(async () => roadmap),
        putRoadmapPhase: refuses(409, 'Roadmap phase 1 was changed by user:default/lena (now version 3); reload and try again'),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit phase 1' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByDisplayValue('user:default/alex.rivera')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await expectConflictWithReload(/changed by user:default\/lena/, onChanged, dialog);
  }); // prettier-ignore

  it('removes a phase at the version it read, and reloads', async () => {
    const deleteRoadmapPhase = accepts();
    const { onChanged } = await renderSection(<RoadmapCard />, {
      record: editableRecord(),
      api: { getEntityRoadmap: jest.fn(async () => roadmap), deleteRoadmapPhase },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove phase 2' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(deleteRoadmapPhase).toHaveBeenCalledWith(entityRef, 2, 1);
  }); // prettier-ignore

  it('offers no edits to readers', async () => {
    await renderSection(<RoadmapCard />, {
      api: { getEntityRoadmap: jest.fn(async () => ({ ...roadmap, canEdit: false })) },
    });
    expect(await screen.findByText('Phase 2: Harden the build')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit phase|Remove phase|Add a phase/ })).toBeNull();
  }); // prettier-ignore

  it('knows a calendar day, and names what is wrong with an item', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2027-13-01')).toBe(false);
    const [problems] = itemProblems([
      { activityId: 'D-TA-1-A', plannedAnswer: 1, dueOn: '2027-02-30', ownerRef: 'bob' },
    ]);
    expect(Object.keys(problems)).toEqual(['dueOn', 'ownerRef']);
  }); // prettier-ignore
});
