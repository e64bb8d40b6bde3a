import {
  nextSteps,
  SAMM_ACTIVITY_IDS,
} from '@secmat/backstage-plugin-security-maturity-common';
import { screen, within } from '@testing-library/react';
import {
  editableRecord,
  emptyScore,
  workflow,
} from '../../__testUtils__/records';
import { renderSection } from '../../__testUtils__/renderSection';
import { gainLabel, NextStepsCard } from './NextStepsCard';

const score = {
  ...emptyScore,
  tier: '1',
  target: 2,
  activities: SAMM_ACTIVITY_IDS.map(id => ({
    id,
    value: id === 'D-TA-1-A' ? 0.5 : 0,
    source: id === 'D-TA-1-A' ? ('evidence' as const) : ('none' as const),
    rationale:
      id === 'D-TA-1-A'
        ? 'Threat model reviewed 400 days ago'
        : 'Nobody has answered this yet',
    links: [],
  })),
};

describe('NextStepsCard', () => {
  it('lists blockers first, each linking to the section that resolves it', async () => {
    await renderSection(<NextStepsCard score={score} />, {
      record: editableRecord(),
    });
    const items = within(
      screen.getByRole('list', { name: 'Next steps' }),
    ).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Classify this component');
    expect(
      within(items[0]).getByRole('link', { name: 'Classify this component' }),
    ).toHaveAttribute('href', '#security-intake');
    expect(items[0]).toHaveTextContent('Blocker');
    // An editor acts on them; no note about who does.
    expect(screen.queryByText(/act on these/)).toBeNull();
  });

  it('shows what each score step adds, as the toolbox formula computes it', async () => {
    const record = editableRecord({ intake: {} as any, stages: [] });
    await renderSection(<NextStepsCard score={score} />, { record });
    const [first] = nextSteps({
      record,
      score,
      config: workflow,
    }).filter(s => s.kind === 'score');
    // From 0 to 1, one activity adds 1/30 overall and 1/6 to its function.
    expect(gainLabel(first)).toBe('+0.17 Governance, +0.03 overall');
    const item = screen
      .getByRole('link', { name: 'Strategy & Metrics (G-SM-1-A)' })
      .closest('li')!;
    expect(item).toHaveTextContent('+0.17 Governance, +0.03 overall');
    expect(
      within(item).getByRole('link', { name: 'Strategy & Metrics (G-SM-1-A)' }),
    ).toHaveAttribute('href', '#samm-G-SM-1-A');
  });

  it('tells a reader who may not edit who acts on the steps', async () => {
    await renderSection(<NextStepsCard score={score} />, {
      record: {
        ...editableRecord(),
        permissions: { canEdit: false, isSecurityLead: false },
      },
    });
    expect(
      screen.getByText(/Its owners and security leads act on these\./),
    ).toBeInTheDocument();
  });

  it('says so when nothing is due', async () => {
    await renderSection(
      <NextStepsCard
        score={{
          ...score,
          activities: score.activities.map(a => ({ ...a, value: 1 })),
        }}
      />,
      {
        record: editableRecord({
          intake: {} as any,
          requiredStageIds: [],
        }),
      },
    );
    expect(screen.getByText(/Nothing is due/)).toBeInTheDocument();
  });
});
