import { HistoryEntry } from '@secmat/backstage-plugin-security-maturity-common';
import { screen, within } from '@testing-library/react';
import { editableRecord, emptyRecord } from '../../__testUtils__/records';
import { renderSection } from '../../__testUtils__/renderSection';
import { worksheet } from '../../__testUtils__/sections';
import { ExceptionsCard } from '../Exceptions';
import { HistoryCard } from '../History';
import { WorksheetsCard } from '../Worksheets';

// What the backend sends a reader who may not read the confidential
// contents: the records exist, their text is left out, `redacted` is set.
const redactedException = {
  id: 'e1',
  controlId: 'run-as-non-root',
  justification: '',
  compensatingControls: '',
  riskRating: 'high' as const,
  expiresAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
  status: 'approved' as const,
  requestedBy: 'user:default/sam.okafor',
  requestedAt: '2026-11-20T09:30:00.000Z',
  version: 2,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/priya.nair',
  redacted: true,
};
const redactedWorksheet = {
  ...worksheet,
  timeline: [{ ...worksheet.timeline[0], entry: '' }],
  actions: [{ description: '', owner: 'user:default/sam.okafor', done: false }],
  lessons: [{ lesson: '', by: 'user:default/sam.okafor', at: '2026-11-21T08:00:00.000Z' }],
  redacted: true,
}; // prettier-ignore
const reader = {
  ...emptyRecord,
  exceptions: [redactedException],
  worksheets: [redactedWorksheet],
  permissions: { canEdit: false, isSecurityLead: false, canReadConfidential: false },
}; // prettier-ignore

const RESTRICTED =
  /restricted to the owners, the people named in RASI and security leads/i;

describe('restricted contents', () => {
  it('says who may read an exception’s justification instead of showing an empty one', async () => {
    await renderSection(<ExceptionsCard />, { record: reader });
    const note = screen.getByTestId('restricted');
    expect(note).toHaveTextContent('Justification and compensating controls:');
    expect(note).toHaveTextContent(RESTRICTED);
    // That it exists, its control, status, risk and expiry stay visible.
    expect(screen.getByText('approved')).toBeInTheDocument();
    expect(screen.getByText(/expires in \d+ days/)).toBeInTheDocument();
    expect(screen.getByText(/risk high, requested by user:default\/sam.okafor/)).toBeInTheDocument();
    expect(screen.queryByText(/compensating:/)).toBeNull();
  }); // prettier-ignore

  it('shows a worksheet’s who and when with its text restricted, and offers no form that would rewrite it', async () => {
    // Even an editor the policy narrows: saving the copy would erase the text.
    const narrowedOwner = editableRecord({ worksheets: [redactedWorksheet] });
    await renderSection(<WorksheetsCard />, { record: narrowedOwner });
    expect(screen.getByText('Token leak in logs')).toBeInTheDocument();
    expect(screen.getByTestId('restricted')).toHaveTextContent(
      /Timeline, findings, actions and lessons: restricted to the owners/,
    );
    // The timeline keeps when and who, not what.
    expect(document.querySelector('ol')).toHaveTextContent(/— restricted \(user:default\/sam.okafor\)$/);
    expect(screen.getByText(/^Lesson:/)).toHaveTextContent('Lesson: restricted');
    expect(screen.queryByRole('button', { name: 'Add to timeline' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close worksheet' })).toBeNull();
  }); // prettier-ignore

  it('marks history rows whose confidential details were left out', async () => {
    const rows: HistoryEntry[] = [
      {
        id: 2,
        recordType: 'worksheet',
        recordId: 'w1',
        action: 'update',
        actor: 'user:default/sam.okafor',
        at: '2026-11-20T09:30:00.000Z',
        changes: { status: { from: 'open', to: 'closed' } },
        redacted: true,
      },
    ];
    await renderSection(<HistoryCard />, {
      api: { listHistory: jest.fn(async () => ({ items: rows, totalCount: 1 })) },
    });
    const table = await screen.findByRole('table', { name: 'Change history' });
    expect(within(table).getByText('status: open → closed')).toBeInTheDocument();
    expect(within(table).getByTestId('restricted')).toHaveTextContent(
      /Confidential details: restricted to the owners/,
    );
  }); // prettier-ignore
});
