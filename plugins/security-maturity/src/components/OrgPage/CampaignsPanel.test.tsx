import { identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  Campaign,
  CampaignDetail,
} from '@secmat/backstage-plugin-security-maturity-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { securityMaturityApiRef } from '../../api';
import { emptyRecord, mockApi, workflow } from '../../__testUtils__/records';
import { facets } from '../../__testUtils__/org';
import { CampaignChips, campaignChipLabel } from '../Campaigns';
import { renderSection } from '../../__testUtils__/renderSection';
import { CampaignsPanel } from './CampaignsPanel';
import { endOfQuarter, scopeOfFilter } from './CampaignDialog';

const campaign: Campaign = {
  id: 'c1',
  title: 'Threat Assessment for Payments',
  scope: { owner: 'group:default/payments-team' },
  goal: { all: [{ kind: 'practice', practiceId: 'D-TA', atLeast: 1 }] },
  startDay: '2026-10-01',
  targetDay: '2026-12-31',
  ownerRef: 'user:default/lena',
  reminderCadenceDays: 7,
  archived: false,
  version: 1,
  createdAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/lena',
  updatedAt: '2026-10-01T00:00:00.000Z',
  updatedBy: 'user:default/lena',
};

const detail: CampaignDetail = {
  campaign,
  progress: { meeting: 1, total: 3 },
  burnUp: {
    source: 'score-snapshots',
    points: [
      { day: '2026-11-30', meeting: 0, total: 3 },
      { day: '2026-12-01', meeting: 1, total: 3 },
    ],
  },
};

function renderPanel(filter = {}) {
  const api = mockApi(async () => emptyRecord, {
    getWorkflowConfig: jest.fn(async () => workflow),
    listCampaigns: jest.fn(async () => ({
      items: [{ ...campaign, progress: detail.progress }],
    })),
    getCampaign: jest.fn(async () => detail),
    listCampaignMissing: jest.fn(async (_id, page) => ({
      items: [
        {
          entityRef: 'component:default/card-vault',
          ownerRef: 'group:default/payments-team',
          systemRef: 'system:default/checkout',
          tier: '1',
          overall: 0.8,
        },
      ],
      totalCount: 2,
      limit: page?.limit ?? 10,
      offset: page?.offset ?? 0,
    })),
    createCampaign: jest.fn(async input => ({ ...campaign, ...input, id: 'c2' } as Campaign)),
  }); // prettier-ignore
  const identity = mockApis.identity({ userEntityRef: 'user:default/lena' });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [securityMaturityApiRef, api],
        [identityApiRef, identity],
      ]}
    >
      <CampaignsPanel filter={filter} facets={facets} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  ).then(() => api);
}

describe('the campaigns of the org page', () => {
  it('lists campaigns with their progress, and opens one with its burn-up and missing components', async () => {
    const api = await renderPanel();
    const table = await screen.findByRole('table', { name: 'Campaigns' });
    expect(table).toHaveTextContent('Threat Assessment for PaymentsThreat Assessment ≥ 1owner Payments2026-12-311 of 3');
    await userEvent.click(within(table).getByText('Threat Assessment for Payments'));
    const shown = await screen.findByTestId('campaign-detail');
    expect(within(shown).getByTestId('campaign-progress')).toHaveTextContent('1 of 3 components meet the goal (33%)');
    expect(within(shown).getByLabelText('Campaign burn-up')).toBeInTheDocument();
    const missing = await within(shown).findByRole('table', { name: 'Components still missing the goal' });
    expect(within(missing).getByRole('link', { name: 'card-vault' })).toHaveAttribute(
      'href', '/catalog/default/component/card-vault/security');
    expect(missing).toHaveTextContent('payments-team');
    expect(api.listCampaignMissing).toHaveBeenCalledWith('c1', { limit: 10, offset: 0 });
  }); // prettier-ignore

  it('creates a campaign over the page filters with a goal and dates', async () => {
    const api = await renderPanel({ owner: 'group:default/payments-team', q: 'pay' });
    await userEvent.click(await screen.findByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    expect(within(dialog).getByTestId('campaign-scope')).toHaveTextContent("The page's filters: owner Payments");
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'TA for Payments');
    await waitFor(() => expect(within(dialog).getByLabelText('Campaign owner')).toHaveValue('user:default/lena'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create campaign' }));
    await waitFor(() => expect(api.createCampaign).toHaveBeenCalled());
    expect(api.createCampaign).toHaveBeenCalledWith({
      title: 'TA for Payments',
      scope: { owner: 'group:default/payments-team' },
      goal: { all: [{ kind: 'practice', practiceId: 'D-TA', atLeast: 1 }] },
      startDay: new Date().toISOString().slice(0, 10),
      targetDay: endOfQuarter(),
      ownerRef: 'user:default/lena',
      reminderCadenceDays: 7,
    });
  }); // prettier-ignore

  it('asks for a filter before a campaign can be created', async () => {
    await renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    expect(within(dialog).getByTestId('campaign-scope')).toHaveTextContent(/Choose an owner group/);
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Everything');
    expect(within(dialog).getByRole('button', { name: 'Create campaign' })).toBeDisabled();
  }); // prettier-ignore

  it('has helpers for scope and dates', () => {
    expect(scopeOfFilter({ owner: 'group:default/a', q: 'x', tier: '1' })).toEqual({ owner: 'group:default/a', tier: '1' });
    expect(endOfQuarter(new Date('2026-11-15T12:00:00Z'))).toBe('2026-12-31');
    expect(endOfQuarter(new Date('2027-01-01T00:00:00Z'))).toBe('2027-03-31');
  }); // prettier-ignore
});

describe('the campaign chips of the Security tab', () => {
  it('say what each campaign asks of the component and by when', async () => {
    await renderSection(<CampaignChips />, {
      api: {
        getEntityCampaigns: jest.fn(async () => ({
          items: [
            { id: 'c1', title: 'TA for Payments', goal: campaign.goal, goalText: 'Threat Assessment ≥ 1', targetDay: '2099-12-31', ownerRef: 'user:default/lena', meets: false },
            { id: 'c2', title: 'Owners', goal: { all: [] }, goalText: 'No expired exceptions', targetDay: '2099-12-31', ownerRef: 'user:default/lena', meets: true },
          ],
        })),
      },
    }); // prettier-ignore
    const chips = await screen.findAllByTestId('campaign-chip');
    expect(chips.map(c => c.textContent)).toEqual([
      'TA for Payments: Threat Assessment ≥ 1 by 2099-12-31',
      'Owners: No expired exceptions – met',
    ]);
  });

  it('say when the target date has passed', () => {
    expect(
      campaignChipLabel({ id: 'c', title: 'T', goal: { all: [] }, goalText: 'G', targetDay: '2020-01-01', ownerRef: 'user:default/x', meets: false }),
    ).toBe('T: G was due 2020-01-01');
  }); // prettier-ignore
});
