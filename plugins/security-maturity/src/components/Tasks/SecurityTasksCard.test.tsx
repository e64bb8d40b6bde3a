import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { securityMaturityApiRef } from '../../api';
import { SecurityTasksHomeCard } from '../../plugin';
import { tasksRouteRef } from '../../routes';
import { emptyRecord, mockApi } from '../../__testUtils__/records';
import { leadTasks, noTasks } from '../../__testUtils__/tasks';

const entityPage = { '/catalog/:namespace/:kind/:name': entityRouteRef };

async function renderCard(
  tasks: typeof leadTasks,
  mountedRoutes: Record<string, any> = {
    ...entityPage,
    '/security-tasks': tasksRouteRef,
  },
) {
  const api = mockApi(async () => emptyRecord, {
    getSecurityTasks: jest.fn(async () => tasks),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
      <SecurityTasksHomeCard />
    </TestApiProvider>,
    { mountedRoutes },
  );
  return api;
}

// The legacy home page card (createCardExtension); the new frontend system's
// widget renders the same content.
describe('the My security tasks home card', () => {
  it('counts each list, links it to the tasks page and its first tasks to their records', async () => {
    const api = await renderCard(leadTasks);
    expect(await screen.findByText('My security tasks')).toBeInTheDocument();
    expect(api.getSecurityTasks).toHaveBeenCalledWith({ limit: 2 });
    expect(screen.getByRole('link', { name: '1 exception request' })).toHaveAttribute('href', '/security-tasks#security-tasks-approvals');
    expect(screen.getByRole('link', { name: '2 gates to sign off' })).toHaveAttribute('href', '/security-tasks#security-tasks-signoffs');
    expect(screen.getByRole('link', { name: '2 exceptions expiring or expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 open incident or drill' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2 components to classify or improve' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments-api: sign off Launch & monitoring' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/security#security-stage-launch',
    );
    expect(screen.getByRole('link', { name: 'All my security tasks' })).toHaveAttribute('href', '/security-tasks');
  }); // prettier-ignore

  it('says that nothing is waiting, and what that covers', async () => {
    await renderCard(noTasks);
    expect(await screen.findByText(/^Nothing is waiting for you: no exception to approve/)).toHaveTextContent(
      'within 30 days',
    );
    expect(screen.queryByRole('link')).toBeNull();
  }); // prettier-ignore

  it('still lists the tasks in a portal without the tasks page', async () => {
    await renderCard(leadTasks, entityPage);
    expect(await screen.findByText('1 exception request')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '1 exception request' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'All my security tasks' })).toBeNull();
    expect(screen.getByRole('link', { name: 'card-vault: exception to Containers run as non-root' })).toBeInTheDocument();
  }); // prettier-ignore
});
