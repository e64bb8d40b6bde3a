import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accepts, editableRecord, refuses } from '../../__testUtils__/records';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { IntakeCard } from './IntakeCard';

async function openDialog() {
  await userEvent.click(
    screen.getByRole('button', { name: 'Record a material change' }),
  );
  return screen.findByRole('dialog', { name: 'Record a material change' });
}

describe('recording a material change', () => {
  it('sends the kind and description, then closes and reloads', async () => {
    const { api, onChanged } = await renderSection(<IntakeCard />, {
      record: editableRecord(),
      api: { recordMaterialChange: accepts() },
    });
    const dialog = await openDialog();
    const record = within(dialog).getByRole('button', { name: 'Record' });
    expect(record).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: /Kind of change/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Authentication or authorization flow change' }));
    await userEvent.type(within(dialog).getByLabelText(/What changed/), '  SSO through Okta ');
    await userEvent.click(record);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.recordMaterialChange).toHaveBeenCalledWith(entityRef, {
      kind: 'auth-change',
      description: 'SSO through Okta',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }); // prettier-ignore

  it('stays open with the reason when it is refused', async () => {
    const { onChanged } = await renderSection(<IntakeCard />, {
      record: editableRecord(),
      api: { recordMaterialChange: refuses(403, 'Not allowed by policy: security-maturity.record.update') },
    });
    const dialog = await openDialog();
    await userEvent.type(within(dialog).getByLabelText(/What changed/), 'New payment provider');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(
      await within(dialog).findByText('Not saved: Not allowed by policy: security-maturity.record.update'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/What changed/)).toHaveValue('New payment provider');
    expect(onChanged).not.toHaveBeenCalled();
  }); // prettier-ignore
});
