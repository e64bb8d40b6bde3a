import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { securityMaturityApiRef } from '../../api';
import {
  emptyRecord,
  mockApi,
  responseError,
} from '../../__testUtils__/records';
import { leadTasks, manyApprovals, noTasks } from '../../__testUtils__/tasks';
import { MySecurityTasksPage } from './MySecurityTasksPage';

async function renderPage(overrides: Parameters<typeof mockApi>[1]) {
  const api = mockApi(async () => emptyRecord, overrides);
  await renderInTestApp(
    <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
      <MySecurityTasksPage />
    </TestApiProvider>,
    {
      routeEntries: ['/security-tasks'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { api };
}

const tab = (name: string) => `/catalog/default/component/${name}/security`;
const list = (title: string) => screen.getByRole('list', { name: title });

describe('My security tasks', () => {
  it('counts each list and links every task to its record in the Security tab', async () => {
    const { api } = await renderPage({
      getSecurityTasks: jest.fn(async () => leadTasks),
    });
    expect(
      await screen.findByText('8 tasks are waiting for you.'),
    ).toBeInTheDocument();
    expect(api.getSecurityTasks).toHaveBeenCalledWith({ limit: 10 });
    expect(screen.getByLabelText('Exception approvals: 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Sign-offs: 2')).toBeInTheDocument();
    expect(screen.getByLabelText('Your components: 2')).toBeInTheDocument();

    const approval = within(list('Exception approvals')).getByRole('link');
    expect(approval).toHaveTextContent('card-vault: exception to Containers run as non-root');
    expect(approval).toHaveAttribute('href', `${tab('card-vault')}#security-exception-e1`);
    expect(list('Exception approvals')).toHaveTextContent('high risk · requested by mei.chen on 2026-11-18 · until 2027-01-15');

    const signoffs = within(list('Sign-offs')).getAllByRole('link');
    expect(signoffs[0]).toHaveAttribute('href', `${tab('payments-api')}#security-stage-launch`);
    expect(list('Sign-offs')).toHaveTextContent('passed since 2026-11-10 · you are Accountable');
    expect(list('Sign-offs')).toHaveTextContent('waived since 2026-11-12 · Accountable: payments-team');

    expect(list('Expiring exceptions')).toHaveTextContent('expired on 2026-11-01 · medium risk');
    expect(list('Expiring exceptions')).toHaveTextContent(/expires in 7 days \(\d{4}-\d{2}-\d{2}\) · low risk/);
    // Past its date: in the error colour, not as a reminder.
    expect(screen.getByText('expired on 2026-11-01 · medium risk').className).toMatch(/colorError/);

    expect(within(list('Containment')).getByRole('link')).toHaveAttribute('href', `${tab('payments-api')}#security-worksheet-w1`);
    expect(list('Containment')).toHaveTextContent('incident started 2026-11-19, not contained yet · yours: isolate traffic, approve recovery');

    const [unclassified, below] = within(list('Your components')).getAllByRole('link');
    expect(unclassified).toHaveAttribute('href', `${tab('search-indexer')}#security-intake`);
    expect(below).toHaveAttribute('href', `${tab('payments-api')}#security-next-steps`);
    expect(list('Your components')).toHaveTextContent('SAMM score 1.20 of target 2 (tier 1, 60 % to target)');
  }); // prettier-ignore

  it('says what an empty list means', async () => {
    await renderPage({ getSecurityTasks: jest.fn(async () => noTasks) });
    expect(await screen.findByText('Nothing is waiting for you.')).toBeInTheDocument();
    expect(screen.getByText(/Approving exceptions is for security leads/)).toBeInTheDocument();
    expect(screen.getByText(/No gate is waiting for your sign-off/)).toBeInTheDocument();
    expect(screen.getByText('No exception of your components expires within 30 days, and none has expired.')).toBeInTheDocument();
    expect(screen.getByText(/No open incident or drill names you/)).toBeInTheDocument();
    expect(screen.getByText(/Every component you own is classified/)).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  }); // prettier-ignore

  it('pages a long list on the server', async () => {
    const approvals = manyApprovals(12);
    const { api } = await renderPage({
      getSecurityTasks: jest.fn(async () => ({
        ...leadTasks,
        lists: { ...leadTasks.lists, approvals: approvals.page(10, 0) },
      })),
      listSecurityTasks: jest.fn(async (_l, p) => approvals.page(p!.limit!, p!.offset!)) as any,
    }); // prettier-ignore
    expect(await screen.findByLabelText('Exception approvals: 12')).toBeInTheDocument();
    expect(within(list('Exception approvals')).getAllByRole('link')).toHaveLength(10);
    expect(screen.getByText('1-10 of 12')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(within(list('Exception approvals')).getAllByRole('link')).toHaveLength(2),
    );
    expect(api.listSecurityTasks).toHaveBeenCalledWith('approvals', { limit: 10, offset: 10 });
    expect(within(list('Exception approvals')).getAllByRole('link')[1]).toHaveAttribute(
      'href',
      `${tab('service-12')}#security-exception-e12`,
    );
  }); // prettier-ignore

  it('tells a caller without a user of their own that the page is for people', async () => {
    await renderPage({
      getSecurityTasks: jest.fn(async () => {
        throw await responseError(403, 'Forbidden', 'NotAllowedError', "This operation does not allow 'service' credentials");
      }),
    }); // prettier-ignore
    expect(
      await screen.findByText(
        /This page lists the tasks of a signed-in person/,
      ),
    ).toBeInTheDocument();
  });

  it('shows a failure and reads again on request', async () => {
    const getSecurityTasks = jest
      .fn()
      .mockRejectedValueOnce(new Error('Backend unavailable'))
      .mockResolvedValue(noTasks);
    await renderPage({ getSecurityTasks });
    expect((await screen.findAllByText(/Backend unavailable/)).length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Nothing is waiting for you.')).toBeInTheDocument();
  }); // prettier-ignore
});
