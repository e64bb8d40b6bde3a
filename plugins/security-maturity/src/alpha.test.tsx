import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import plugin, {
  securityMaturityEntityCard,
  securityMaturityEntityContent,
  securityMaturityPage,
  securityMaturityTasksPage,
} from './alpha';
import { securityMaturityApiRef } from './api';
import { rootRouteRef, tasksRouteRef } from './routes';
import { leadTasks } from './__testUtils__/tasks';
import { emptyRecord, entity, mockApi } from './__testUtils__/records';
import { componentPage, facets, overview } from './__testUtils__/org';
import {
  decision,
  exceptionRecord,
  release,
  worksheet,
} from './__testUtils__/sections';
import { responseError } from './__testUtils__/records';

// New frontend system: the plugin that package discovery installs from './alpha'.
describe('security-maturity plugin (new frontend system)', () => {
  it('is the default export with the Security tab and the API', () => {
    expect(plugin.id).toBe('security-maturity');
    expect(
      plugin.getExtension('entity-content:security-maturity'),
    ).toBeDefined();
    expect(plugin.getExtension('api:security-maturity')).toBeDefined();
    expect(
      plugin.getExtension('entity-card:security-maturity/summary'),
    ).toBeDefined();
    expect(plugin.getExtension('page:security-maturity')).toBeDefined();
    // The same ref as the legacy plugin's, so either app links to one page.
    expect(plugin.routes.root).toBe(rootRouteRef);
    // My security tasks: a page with its sidebar item, and a home page card.
    expect(plugin.getExtension('page:security-maturity/tasks')).toBeDefined();
    expect(
      plugin.getExtension('home-page-widget:security-maturity/tasks'),
    ).toBeDefined();
    expect(plugin.routes.tasks).toBe(tasksRouteRef);
  });

  it('renders My security tasks at /security-tasks', async () => {
    const api = mockApi(async () => emptyRecord, {
      getSecurityTasks: jest.fn(async () => leadTasks),
    });
    renderTestApp({
      extensions: [securityMaturityTasksPage],
      apis: [[securityMaturityApiRef, api]],
      initialRouteEntries: ['/security-tasks'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
    });
    // The page loads lazily, after the app's own start-up.
    expect(
      await screen.findByText(
        '8 tasks are waiting for you.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'search-indexer: classify at intake',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/search-indexer/security#security-intake',
    );
  });

  it('renders the org-wide page at /security-maturity', async () => {
    const api = mockApi(async () => emptyRecord, {
      getOrgFacets: jest.fn(async () => facets),
      getOrgOverview: jest.fn(async () => overview),
      listOrgComponents: jest.fn(async () => componentPage()),
      getOrgTrend: jest.fn(async () => ({ points: [] })),
    });
    renderTestApp({
      extensions: [securityMaturityPage],
      apis: [[securityMaturityApiRef, api]],
      initialRouteEntries: ['/security-maturity'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
    });
    expect(await screen.findByLabelText('Components')).toHaveTextContent('3');
    expect(
      await screen.findByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/security',
    );
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
  });

  it('renders the summary card on a component overview', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        securityMaturityEntityCard,
      ],
      apis: [[securityMaturityApiRef, mockApi(async () => emptyRecord)]],
    });
    expect(
      await screen.findByText('Not classified yet: intake decides the tier'),
    ).toBeInTheDocument();
    expect(screen.getByText('Stage gates cleared: 0 of 2')).toBeInTheDocument();
    expect(screen.getByText('SAMM score 0.00 of 3')).toBeInTheDocument();
  });

  it('renders the Security tab on a component page with the fetched record', async () => {
    const api = mockApi(async () => emptyRecord);
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        securityMaturityEntityContent,
      ],
      apis: [[securityMaturityApiRef, api]],
    });

    expect(await screen.findByText('Not classified')).toBeInTheDocument();
    expect(screen.getByText(/No exceptions\./)).toBeInTheDocument();
    expect(api.getEntityRecord).toHaveBeenCalledTimes(1);
  });

  const full = {
    ...emptyRecord,
    worksheets: [worksheet],
    decisions: [decision],
    releases: [release],
    exceptions: [exceptionRecord],
  };
  const renderTab = (api: ReturnType<typeof mockApi>) =>
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        securityMaturityEntityContent,
      ],
      apis: [[securityMaturityApiRef, api]],
    });

  it('renders every section read-only for people who may not edit', async () => {
    renderTab(mockApi(async () => full));
    expect(await screen.findByText('Token leak in logs')).toBeInTheDocument();
    expect(screen.getByText('Tokenise card data at the edge')).toBeInTheDocument();
    expect(screen.getByText('2026.11.3')).toBeInTheDocument();
    expect(screen.getByText(/Containers run as non-root/)).toBeInTheDocument();
    expect(screen.getByLabelText('Practice scores')).toBeInTheDocument();
    for (const name of ['Start worksheet', 'Log a decision', 'Record release', 'Save status', 'Go']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  }); // prettier-ignore

  it('offers the forms to owners and security leads', async () => {
    renderTab(
      mockApi(async () => ({
        ...full,
        permissions: { canEdit: true, isSecurityLead: true },
      })),
    );
    expect(await screen.findByRole('button', { name: 'Start worksheet' })).toBeInTheDocument();
    for (const name of ['Log a decision', 'Record release', 'Go', 'Add lesson']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    expect(screen.getAllByRole('button', { name: 'Save status' }).length).toBeGreaterThan(0);
  }); // prettier-ignore

  it('shows the backend error when the record cannot be read', async () => {
    renderTab(
      mockApi(async () => {
        throw await responseError(500, 'Internal Server Error', 'Error', 'Database unavailable');
      }),
    ); // prettier-ignore
    expect(await screen.findByText(/Database unavailable|Internal Server Error/)).toBeInTheDocument();
  }); // prettier-ignore
});
