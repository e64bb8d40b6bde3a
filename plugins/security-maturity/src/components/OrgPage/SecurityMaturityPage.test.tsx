import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isoDayBefore } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from '../../api';
import {
  mockApi,
  emptyRecord,
  responseError,
} from '../../__testUtils__/records';
import {
  componentPage,
  facets,
  overview,
  overviewWithProgress,
} from '../../__testUtils__/org';
import { SecurityMaturityPage } from './SecurityMaturityPage';
import { recentQuarters } from './format';

function orgApi(overrides: Parameters<typeof mockApi>[1] = {}) {
  return mockApi(async () => emptyRecord, {
    getOrgFacets: jest.fn(async () => facets),
    getOrgOverview: jest.fn(async () => overview),
    listOrgComponents: jest.fn(async q => componentPage(q.offset)),
    getOrgTrend: jest.fn(async () => ({
      points: [
        { day: '2026-11-23', components: 3, overall: 1.1, functions: overview.functions },
        { day: '2026-11-24', components: 3, overall: 1.2, functions: overview.functions },
      ],
    })),
    getMetricsPack: jest.fn(async () => new Blob(['pack'])),
    getStaffingCapacity: jest.fn(async () => ({ quarter: '2026-Q4' as const, unit: 'components' as const, hoursPerComponent: 40, partners: [], withoutPartner: [], withoutAccountable: [], components: 0 })),
    ...overrides,
  }); // prettier-ignore
}

function renderPage(
  api: ReturnType<typeof orgApi>,
  path = '/security-maturity',
) {
  return renderInTestApp(
    <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
      <SecurityMaturityPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const lastCall = (fn: { mock: { calls: any[][] } }) =>
  fn.mock.calls[fn.mock.calls.length - 1];

describe('the org-wide Security maturity page', () => {
  it('shows the headline, heatmap, rollups, panels and components with links to their Security tabs', async () => {
    const api = orgApi();
    await renderPage(api);
    expect(await screen.findByLabelText('Components')).toHaveTextContent('3');
    expect(screen.getByLabelText('Mean SAMM score')).toHaveTextContent(
      '1.20 (benchmark 1.44)',
    );
    expect(screen.getByLabelText('Expired exceptions')).toHaveTextContent('1');
    expect(
      screen.getByLabelText('Payments, Strategy & Metrics: 1.50'),
    ).toHaveTextContent('1.5');
    expect(
      screen.getByRole('table', { name: 'Scores by group' }),
    ).toHaveTextContent('Identity10.6030%1');
    const list = await screen.findByRole('table', { name: 'Component list' });
    expect(
      within(list).getByRole('link', { name: 'card-vault' }),
    ).toHaveAttribute('href', '/catalog/default/component/card-vault/security');
    expect(within(list).getByText('1 expired')).toBeInTheDocument();
    expect(screen.getByText(/^1.25 of 27$/)).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Gate bottlenecks' }),
    ).toHaveTextContent('Threat modeling & requirements12012.5');
    expect(screen.getByText('1 expired, 1 expiring within 30 days')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Security partners' })).toHaveTextContent('priya.nair23');
    expect(screen.getByText(/OWASP SAMM v2 by the OWASP SAMM project/)).toBeInTheDocument();
    expect(api.getOrgOverview).toHaveBeenCalledWith({}, { withinDays: 30, since: isoDayBefore(90) });
  }); // prettier-ignore

  it('switches the heatmap to the gap to target, coloured by percent to target', async () => {
    const noTier = { ...overview.groups[2], ref: 'group:default/labs', title: 'Labs', practiceTargets: null };
    const api = orgApi({
      getOrgOverview: jest.fn(async () => ({ ...overview, groups: [...overview.groups, noTier] })),
    });
    await renderPage(api);
    await screen.findByRole('table', { name: 'Practice scores by group' });
    await userEvent.click(screen.getByRole('button', { name: 'Gap to target' }));
    expect(screen.getByRole('table', { name: 'Practice gaps to target by group' })).toBeInTheDocument();
    // Payments: 1.5 of 2, 0.5 short, 75 %: three quarters of the way to green.
    const payments = screen.getByLabelText('Payments, Strategy & Metrics: gap 0.50 to target 2.00 (75% to target)');
    expect(payments).toHaveTextContent('0.50');
    expect(payments).toHaveStyle({ background: 'hsl(90, 70%, 82%)' });
    const identity = screen.getByLabelText('Identity, Threat Assessment: gap 1.40 to target 2.00 (30% to target)');
    expect(identity).toHaveStyle({ background: 'hsl(36, 70%, 82%)' });
    expect(screen.getByLabelText('Labs, Threat Assessment: no target (no component with a tier)')).toHaveTextContent('–');
    // And back.
    await userEvent.click(screen.getByRole('button', { name: 'Mean score' }));
    expect(screen.getByLabelText('Payments, Strategy & Metrics: 1.50')).toBeInTheDocument();
  }); // prettier-ignore

  it('shows the progress since a day, and asks again for another day', async () => {
    const api = orgApi({ getOrgOverview: jest.fn(async () => overviewWithProgress) });
    await renderPage(api);
    expect(await screen.findByLabelText('Mean score since')).toHaveTextContent(
      'Mean score 0.95 → 1.20 (+0.25) over 3 components');
    expect(screen.getByLabelText('Progress to target')).toHaveTextContent('Progress to target: 24% of the way');
    expect(screen.getByRole('table', { name: 'Progress by practice' })).toHaveTextContent(
      'Threat Assessment1.001.50+0.50');
    // Each group's change in the rollup.
    const byGroup = screen.getByRole('table', { name: 'Scores by group' });
    expect(byGroup).toHaveTextContent('Change since 2026-08-26');
    expect(byGroup).toHaveTextContent('Identity10.6030%1−0.10');

    fireEvent.change(screen.getByLabelText('Since'), { target: { value: '2026-07-01' } });
    await waitFor(() =>
      expect(lastCall(api.getOrgOverview)).toEqual([{}, { withinDays: 30, since: '2026-07-01' }]),
    );
  }); // prettier-ignore

  it('filters on the server, keeps the filter in the URL and drills down by group', async () => {
    const api = orgApi();
    await renderPage(api, '/security-maturity?system=system%3Adefault%2Fcheckout');
    await screen.findByRole('table', { name: 'Component list' });
    expect(lastCall(api.listOrgComponents)[0]).toMatchObject({
      system: 'system:default/checkout',
      sort: 'overall',
      order: 'asc',
      offset: 0,
    });

    await userEvent.click(screen.getByRole('button', { name: /Owner group/ }));
    await userEvent.click(await screen.findByRole('option', { name: /Payments/ }));
    await waitFor(() =>
      expect(lastCall(api.getOrgOverview)[0]).toEqual({
        owner: 'group:default/payments-team',
        system: 'system:default/checkout',
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Filter by Identity' }));
    await waitFor(() =>
      expect(lastCall(api.listOrgComponents)[0]).toMatchObject({
        owner: 'group:default/identity-team',
        offset: 0,
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(lastCall(api.getOrgOverview)[0]).toEqual({}));
  }); // prettier-ignore

  it('pages and sorts through the backend', async () => {
    const api = orgApi();
    await renderPage(api);
    await screen.findByRole('table', { name: 'Component list' });
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'ledger-worker' })).toBeInTheDocument();
    expect(lastCall(api.listOrgComponents)[0]).toMatchObject({ offset: 25, limit: 25 });
    expect(screen.getByText(/^26.27 of 27$/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(lastCall(api.listOrgComponents)[0]).toMatchObject({
        sort: 'overall',
        order: 'desc',
        offset: 0,
      }),
    );
  }); // prettier-ignore

  it('exports the metrics pack of the filtered unit', async () => {
    const createObjectURL = jest.fn(() => 'blob:pack');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const api = orgApi();
    await renderPage(api, '/security-maturity?owner=group%3Adefault%2Fpayments-team');
    await screen.findByRole('table', { name: 'Component list' });
    await userEvent.click(screen.getByRole('button', { name: 'Export metrics pack' }));
    await waitFor(() =>
      expect(api.getMetricsPack).toHaveBeenCalledWith({
        owner: 'group:default/payments-team',
        quarter: recentQuarters()[0],
        format: 'xlsx',
      }),
    );
    expect(createObjectURL).toHaveBeenCalled();
  }); // prettier-ignore

  it('tells people who are not security leads what the page is for', async () => {
    const api = orgApi({
      getOrgFacets: jest.fn(async () => {
        throw await responseError(403, 'Forbidden', 'NotAllowedError',
          'The org-wide views are for security leads (members of group:default/security-leads)');
      }),
    }); // prettier-ignore
    await renderPage(api);
    expect(
      await screen.findByText(/^The org-wide views are for security leads/),
    ).toHaveTextContent('members of group:default/security-leads');
  });

  it('tells a manager which part of the organisation a policy grants them', async () => {
    const api = orgApi({
      getOrgFacets: jest.fn(async () => ({
        ...facets,
        scope: {
          wholeOrg: false,
          groups: [{ ref: 'group:default/payments-team', title: 'Payments' }],
        },
      })),
    });
    await renderPage(api);
    expect(
      await screen.findByText(/^You see Payments and the groups below it/),
    ).toHaveTextContent('The whole organisation is for security leads.');
  });

  it('explains that scores appear after the first rescoring', async () => {
    const api = orgApi({
      getOrgOverview: jest.fn(async () => ({ ...overview, components: 0 })),
    });
    await renderPage(api);
    expect(
      await screen.findByText('No component is scored yet'),
    ).toBeInTheDocument();
  });
});
