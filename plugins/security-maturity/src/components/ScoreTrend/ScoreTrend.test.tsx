import { ScoreSnapshot } from '@secmat/backstage-plugin-security-maturity-common';
import { screen } from '@testing-library/react';
import { emptyScore, mockApi, emptyRecord } from '../../__testUtils__/records';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { renderTab } from '../../__testUtils__/renderTab';
import { ScoreCard } from '../ScoreCard';
import { EntitySecuritySummaryCard } from '../SummaryCard';

const score = { ...emptyScore, tier: '1', target: 2, percentToTarget: 20 };
const snapshot = (day: string, overall: number): ScoreSnapshot => ({
  day,
  overall,
  functions: {},
  practices: {},
});
const history = {
  items: [snapshot('2026-11-18', 0.2), snapshot('2026-11-19', 0.4)],
};

describe('the score trend', () => {
  it('says in one line that there is no history yet, instead of an empty chart', async () => {
    await renderSection(<ScoreCard score={score} />);
    expect(await screen.findByText(/No score history yet/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Score trend/)).toBeNull();
  }); // prettier-ignore

  it('charts a year of daily scores against the tier target on the score card', async () => {
    const { api } = await renderSection(<ScoreCard score={score} />, {
      api: { getEntityScoreHistory: jest.fn(async () => history) },
    });
    expect(await screen.findByLabelText('Score trend against the target 2')).toBeInTheDocument();
    expect(screen.getByText('Tier target 2')).toBeInTheDocument();
    expect(api.getEntityScoreHistory).toHaveBeenCalledWith(entityRef, { days: 365 });
    expect(screen.queryByText(/No score history yet/)).toBeNull();
  }); // prettier-ignore

  it('shows on the overview summary card too', async () => {
    const api = mockApi(async () => emptyRecord, {
      getEntityScore: jest.fn(async () => score),
      getEntityScoreHistory: jest.fn(async () => history),
    });
    await renderTab(api, <EntitySecuritySummaryCard />);
    expect(await screen.findByLabelText('Score trend against the target 2')).toBeInTheDocument();
  }); // prettier-ignore
});
