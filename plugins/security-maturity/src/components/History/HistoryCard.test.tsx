import { HistoryEntry } from '@secmat/backstage-plugin-security-maturity-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { HistoryCard } from './HistoryCard';

const entry = (id: number, more: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  recordType: 'stage',
  recordId: 'threat-modeling',
  action: 'update',
  actor: 'user:default/sam.okafor',
  at: '2026-11-20T09:30:00.000Z',
  changes: { status: { from: 'not_started', to: 'in_progress' } },
  ...more,
}); // prettier-ignore

describe('HistoryCard', () => {
  it('shows a page of changes: when, who, which record, what changed', async () => {
    const listHistory = jest.fn(async () => ({
      items: [
        entry(2),
        entry(1, {
          recordType: 'exception',
          recordId: 'e1',
          action: 'request',
          actor: 'plugin:security-maturity',
          changes: {
            controlId: 'run-as-non-root',
            responsible: { from: [], to: ['user:default/ana', 'group:default/ops'] },
            notes: { from: null, to: '<b>bold</b>' },
          },
        }),
      ],
      totalCount: 2,
    })); // prettier-ignore
    await renderSection(<HistoryCard />, { api: { listHistory } });
    const table = await screen.findByRole('table', { name: 'Change history' });
    expect(listHistory).toHaveBeenCalledWith(entityRef, { limit: 20, offset: 0 });
    const [, newest, older] = within(table).getAllByRole('row');
    expect(within(newest).getByRole('link', { name: 'sam.okafor' })).toHaveAttribute(
      'href', '/catalog/default/user/sam.okafor',
    );
    expect(newest).toHaveTextContent('stagethreat-modeling');
    expect(newest).toHaveTextContent('status: not_started → in_progress');
    // The plugin's own jobs have no catalog page to link to.
    expect(within(older).queryByRole('link')).toBeNull();
    expect(older).toHaveTextContent('plugin:security-maturity');
    expect(older).toHaveTextContent('controlId: run-as-non-root');
    expect(older).toHaveTextContent('responsible: none → user:default/ana, group:default/ops');
    // Record content is text, never markup.
    expect(within(older).getByText('notes: — → <b>bold</b>')).toBeInTheDocument();
    expect(older.querySelector('b')).toBeNull();
  }); // prettier-ignore

  it('asks the backend for the next page by offset', async () => {
    const listHistory = jest.fn(async (_: unknown, page?: { offset?: number }) => ({
      items: [entry(page?.offset ? 25 : 45)],
      totalCount: 45,
    })); // prettier-ignore
    await renderSection(<HistoryCard />, { api: { listHistory } });
    expect(await screen.findByText('1-20 of 45')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(listHistory).toHaveBeenLastCalledWith(entityRef, { limit: 20, offset: 20 }),
    ); // prettier-ignore
    expect(await screen.findByText('21-40 of 45')).toBeInTheDocument();
  });

  it('explains an empty history', async () => {
    await renderSection(<HistoryCard />);
    expect(await screen.findByText(/No changes recorded yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  }); // prettier-ignore
});
