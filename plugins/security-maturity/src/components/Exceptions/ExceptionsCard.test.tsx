import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accepts,
  editableRecord,
  LEAD,
  refuses,
} from '../../__testUtils__/records';
import {
  entityRef,
  expectConflictWithReload,
  renderSection,
} from '../../__testUtils__/renderSection';
import { ExceptionsCard } from './ExceptionsCard';

const owner = editableRecord();
const requested = {
  id: 'e1',
  controlId: 'run-as-non-root',
  justification: 'j',
  compensatingControls: 'c',
  riskRating: 'medium' as const,
  expiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  status: 'requested' as const,
  requestedBy: 'user:default/sam.okafor',
  requestedAt: '2026-11-20T09:30:00.000Z',
  version: 1,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/sam.okafor',
};
const lead = editableRecord({ exceptions: [requested], permissions: LEAD });

/** Opens the request dialog and fills in a valid request. */
async function fillRequest() {
  await userEvent.click(
    screen.getByRole('button', { name: 'Request exception' }),
  );
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(
    within(dialog).getByLabelText(/Justification/),
    'Agent needs root',
  );
  await userEvent.type(
    within(dialog).getByLabelText(/Compensating controls/),
    'Dedicated node pool',
  );
  return dialog;
}

describe('ExceptionsCard', () => {
  it('requests an exception through a validated form, then closes and reloads', async () => {
    const { api, onChanged } = await renderSection(<ExceptionsCard />, {
      record: owner,
      api: { requestException: accepts() },
    });
    expect(screen.getByText(/Request one when a control cannot be met yet/)).toBeInTheDocument();
    const dialog = await fillRequest();
    const request = within(dialog).getByRole('button', { name: 'Request' });
    fireEvent.change(within(dialog).getByLabelText('Expires on'), {
      target: { value: '2000-01-01' },
    });
    expect(within(dialog).getByText('Pick a future date')).toBeInTheDocument();
    expect(request).toBeDisabled();
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(within(dialog).getByLabelText('Expires on'), {
      target: { value: soon },
    });
    await userEvent.click(request);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.requestException).toHaveBeenCalledWith(entityRef, {
      controlId: 'run-as-non-root',
      justification: 'Agent needs root',
      compensatingControls: 'Dedicated node pool',
      riskRating: 'medium',
      expiresAt: `${soon}T23:59:59.000Z`,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }); // prettier-ignore

  it('keeps the request dialog open with the reason when it is refused', async () => {
    const { onChanged } = await renderSection(<ExceptionsCard />, {
      record: owner,
      api: { requestException: refuses(403, 'Not allowed by policy: security-maturity.record.update') },
    });
    const dialog = await fillRequest();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Request' }));
    expect(
      await within(dialog).findByText('Not saved: Not allowed by policy: security-maturity.record.update'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Justification/)).toHaveValue('Agent needs root');
    expect(onChanged).not.toHaveBeenCalled();
  }); // prettier-ignore

  it('lets a security lead approve someone else’s request, then reloads', async () => {
    const { api, onChanged } = await renderSection(<ExceptionsCard />, {
      record: lead,
      api: { transitionException: accepts() },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.transitionException).toHaveBeenCalledWith(entityRef, 'e1', {
      version: 1,
      action: 'approve',
    });
  });

  it('does not offer a security lead to approve their own request', async () => {
    await renderSection(<ExceptionsCard />, {
      record: lead,
      // The catalog compares refs regardless of case.
      userRef: 'user:default/Sam.Okafor',
    });
    // The signed-in user is known a moment after the card shows.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull());
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  }); // prettier-ignore

  it('shows the reason a change was refused, without offering a reload', async () => {
    await renderSection(<ExceptionsCard />, {
      record: lead,
      api: { transitionException: refuses(403, 'Not allowed by policy: security-maturity.record.approve') },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(
      await screen.findByText('Not saved: Not allowed by policy: security-maturity.record.approve'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  }); // prettier-ignore

  it('offers a reload when the exception changed meanwhile', async () => {
    const { onChanged } = await renderSection(<ExceptionsCard />, {
      record: lead,
      api: { transitionException: refuses(409, 'Exception e1 was changed by user:default/priya.nair (now version 2); reload and try again') },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await expectConflictWithReload(/changed by user:default\/priya.nair/, onChanged);
  }); // prettier-ignore
});
