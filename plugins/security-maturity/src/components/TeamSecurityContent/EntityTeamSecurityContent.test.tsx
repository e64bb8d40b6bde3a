import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  OrgOverview,
  isoDayBefore,
} from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from '../../api';
import { componentPage, overview } from '../../__testUtils__/org';
import {
  emptyRecord,
  mockApi,
  responseError,
} from '../../__testUtils__/records';
import { EntityTeamSecurityContent } from './EntityTeamSecurityContent';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', profile: { displayName: 'Payments' }, children: [] },
};
const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { owner: 'group:default/payments-team', domain: 'commerce' },
};

// The Payments team view: Payments at the top, nothing of Identity.
const paymentsOverview: OrgOverview = {
  ...overview,
  groups: [{ ...overview.groups[1], depth: 0, parentRef: null }],
};

function teamApi(overrides: Parameters<typeof mockApi>[1] = {}) {
  return mockApi(async () => emptyRecord, {
    getOrgUnitOverview: jest.fn(async () => paymentsOverview),
    listOrgUnitComponents: jest.fn(async (_unit, q) =>
      componentPage(q?.offset),
    ),
    ...overrides,
  });
}

function renderTab(api: ReturnType<typeof teamApi>, entity = payments) {
  return renderInTestApp(
    <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTeamSecurityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const lastCall = (fn: { mock: { calls: any[][] } }) =>
  fn.mock.calls[fn.mock.calls.length - 1];

describe('the Security tab of a group, system or domain', () => {
  it("shows the team's rollup, practice row, components, blocked gates, expiring exceptions and RASI gaps", async () => {
    const api = teamApi();
    await renderTab(api);

    expect(await screen.findByLabelText('Components')).toHaveTextContent('3');
    expect(api.getOrgUnitOverview).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'payments-team' },
      { withinDays: 30, since: isoDayBefore(90) },
    );
    expect(screen.getByText(/Where the components owned by Payments and the groups below it stand/)).toBeInTheDocument();
    expect(screen.getByLabelText('Payments, Strategy & Metrics: 1.50')).toHaveTextContent('1.5');
    // Rollups link to the Security tabs of the groups and systems.
    const byGroup = screen.getByRole('table', { name: 'Scores by group' });
    expect(within(byGroup).getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href', '/catalog/default/group/payments-team/security');
    expect(within(byGroup).queryByText('Identity')).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Scores by system' })).getByRole('link', { name: 'Checkout' }))
      .toHaveAttribute('href', '/catalog/default/system/checkout/security');
    // Components, with links to their own Security tabs.
    const list = await screen.findByRole('table', { name: 'Component list' });
    expect(within(list).getByRole('link', { name: 'card-vault' })).toHaveAttribute(
      'href', '/catalog/default/component/card-vault/security');
    // Blocked gates, expiring exceptions (no text), RASI gaps.
    expect(screen.getByRole('table', { name: 'Gate bottlenecks' })).toHaveTextContent(
      'Threat modeling & requirements12012.5');
    expect(screen.getByText('1 expired, 1 expiring within 30 days')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'RASI coverage' })).toHaveTextContent('Threat modeling12');
    expect(screen.getByText(/the text of an exception stays on its component's Security tab/)).toBeInTheDocument();
  }); // prettier-ignore

  it('sorts and pages the components on the server', async () => {
    const api = teamApi();
    await renderTab(api);
    await screen.findByRole('table', { name: 'Component list' });
    expect(lastCall(api.listOrgUnitComponents)).toEqual([
      { kind: 'Group', namespace: 'default', name: 'payments-team' },
      { sort: 'overall', order: 'asc', limit: 25, offset: 0 },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'ledger-worker' })).toBeInTheDocument();
    expect(lastCall(api.listOrgUnitComponents)[1]).toMatchObject({ offset: 25 });
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(lastCall(api.listOrgUnitComponents)[1]).toEqual({
        sort: 'overall', order: 'desc', limit: 25, offset: 0 }),
    );
  }); // prettier-ignore

  it("puts a system's own practice row first, and rolls up by system and domain", async () => {
    const api = teamApi({
      getOrgUnitOverview: jest.fn(async () => overview),
    });
    await renderTab(api, checkout);
    expect(await screen.findByLabelText('Checkout, Strategy & Metrics: 1.20')).toBeInTheDocument();
    expect(screen.getByLabelText('Payments, Strategy & Metrics: 1.50')).toBeInTheDocument();
    expect(screen.getByText(/Where the components of the Checkout system stand/)).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Scores by domain' })).getByRole('link', { name: 'Commerce' }))
      .toHaveAttribute('href', '/catalog/default/domain/commerce/security');
    expect(api.getOrgUnitOverview).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'checkout' },
      { withinDays: 30, since: isoDayBefore(90) },
    );
  }); // prettier-ignore

  it("shows the practices' gaps to target, the unit's own row first", async () => {
    const api = teamApi({ getOrgUnitOverview: jest.fn(async () => overview) });
    await renderTab(api, checkout);
    await screen.findByRole('table', { name: 'Practice scores by group' });
    await userEvent.click(screen.getByRole('button', { name: 'Gap to target' }));
    // The system's own row: 1.2 of 2, 0.8 short, 60 %.
    expect(screen.getByLabelText('Checkout, Strategy & Metrics: gap 0.80 to target 2.00 (60% to target)')).toBeInTheDocument();
    expect(screen.getByLabelText('Payments, Strategy & Metrics: gap 0.50 to target 2.00 (75% to target)')).toHaveTextContent('0.50');
  }); // prettier-ignore

  it('tells someone outside the team who may see it', async () => {
    const api = teamApi({
      getOrgUnitOverview: jest.fn(async () => {
        throw await responseError(403, 'Forbidden', 'NotAllowedError',
          'The Security tab of Payments is for members of group:default/payments-team and of the groups above it, and for security leads');
      }),
    }); // prettier-ignore
    await renderTab(api);
    expect(
      await screen.findByText('This Security tab is not open to you'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/is for members of group:default\/payments-team/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('explains an empty team view', async () => {
    const api = teamApi({
      getOrgUnitOverview: jest.fn(async () => ({
        ...paymentsOverview,
        components: 0,
      })),
    });
    await renderTab(api);
    expect(
      await screen.findByText('No scored component below Payments'),
    ).toBeInTheDocument();
  });
});
