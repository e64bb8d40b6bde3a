import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accepts,
  editableRecord,
  emptyRecord,
  refuses,
} from '../../__testUtils__/records';
import {
  entityRef,
  expectConflictWithReload,
  renderSection,
} from '../../__testUtils__/renderSection';
import { RasiCard } from './RasiCard';

const assigned = {
  activityId: 'intake-classification',
  responsible: ['user:default/sam.okafor'],
  accountable: 'user:default/priya.nair',
  supportive: [],
  informed: [],
  version: 2,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/sam.okafor',
};
const owner = editableRecord({ rasi: [assigned] });

async function openEdit(activity: string) {
  await userEvent.click(
    screen.getByRole('button', { name: `Edit RASI for ${activity}` }),
  );
  return screen.findByRole('dialog');
}

describe('RasiCard', () => {
  it('links the assigned people and flags an activity without an Accountable, read only', async () => {
    await renderSection(<RasiCard />, { record: { ...owner, permissions: emptyRecord.permissions } });
    expect(screen.getByText('1 of 2 activities have no Accountable')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'priya.nair' })).toBeInTheDocument();
    expect(screen.getByLabelText('No Accountable for Threat modeling')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit RASI/ })).toBeNull();
  }); // prettier-ignore

  it('assigns RASI with exactly one Accountable, then closes and reloads', async () => {
    const { api, onChanged } = await renderSection(<RasiCard />, {
      record: owner,
      api: { putRasiAssignment: accepts() },
    });
    const dialog = await openEdit('Threat modeling');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    const accountable = within(dialog).getByLabelText('Accountable');
    await userEvent.type(accountable, 'user:default/olivia, user:default/tom');
    expect(save).toBeDisabled();
    await userEvent.clear(accountable);
    await userEvent.type(accountable, 'user:default/olivia');
    await userEvent.type(within(dialog).getByLabelText('Supportive'), 'group:default/security-leads');
    await userEvent.click(save);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.putRasiAssignment).toHaveBeenCalledWith(entityRef, 'threat-modeling', {
      version: 0,
      responsible: [],
      accountable: 'user:default/olivia',
      supportive: ['group:default/security-leads'],
      informed: [],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }); // prettier-ignore

  it('keeps the dialog open on a conflict, with a reload, and sends the version it read', async () => {
    const { api, onChanged } = await renderSection(<RasiCard />, {
      record: owner,
      api: { putRasiAssignment: refuses(409, 'RASI for Intake classification was changed by user:default/lena (now version 3); reload and try again') },
    });
    const dialog = await openEdit('Intake classification');
    expect(within(dialog).getByLabelText('Accountable')).toHaveValue('user:default/priya.nair');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await expectConflictWithReload(/changed by user:default\/lena/, onChanged, dialog);
    expect(api.putRasiAssignment).toHaveBeenCalledWith(
      entityRef, 'intake-classification', expect.objectContaining({ version: 2 }),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  }); // prettier-ignore
});
