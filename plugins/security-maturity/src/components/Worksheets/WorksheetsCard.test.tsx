import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accepts, editableRecord, refuses } from '../../__testUtils__/records';
import {
  entityRef,
  expectConflictWithReload,
  renderSection,
} from '../../__testUtils__/renderSection';
import { worksheet } from '../../__testUtils__/sections';
import { WorksheetsCard } from './WorksheetsCard';

const owner = editableRecord({ worksheets: [worksheet] });

describe('WorksheetsCard', () => {
  it('explains the empty section and offers no form to readers', async () => {
    await renderSection(<WorksheetsCard />);
    expect(screen.getByText(/No incidents or drills yet/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start worksheet' }),
    ).toBeNull();
  });

  it('starts a drill', async () => {
    const { api, onChanged } = await renderSection(<WorksheetsCard />, { record: owner, api: { startWorksheet: accepts() } });
    await userEvent.click(screen.getByLabelText('Kind'));
    await userEvent.click(await screen.findByRole('option', { name: 'Drill' }));
    await userEvent.type(screen.getByLabelText('Title'), 'Quarterly containment drill');
    await userEvent.click(screen.getByRole('button', { name: 'Start worksheet' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.startWorksheet).toHaveBeenCalledWith(entityRef, { kind: 'drill', title: 'Quarterly containment drill' });
    expect(screen.getByLabelText('Title')).toHaveValue('');
  }); // prettier-ignore

  it('adds a timeline entry in the signed-in user’s name, and a lesson that re-opens a stage', async () => {
    const { api } = await renderSection(<WorksheetsCard />, {
      record: owner,
      api: { updateWorksheet: accepts(), addLesson: accepts() },
      userRef: 'user:default/mei.chen',
    });
    expect(screen.getByText(/isolate traffic: user:default\/sam.okafor; revoke access: nobody/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Timeline entry'), 'Revoked the leaked token');
    await userEvent.click(screen.getByRole('button', { name: 'Add to timeline' }));
    await waitFor(() => expect(api.updateWorksheet).toHaveBeenCalled());
    const [, id, update] = api.updateWorksheet.mock.calls[0];
    expect(id).toBe('w1');
    expect(update).toMatchObject({ version: 2, status: 'open', title: 'Token leak in logs' });
    expect(update.timeline[1]).toMatchObject({ entry: 'Revoked the leaked token', by: 'user:default/mei.chen' });
    expect(update.timeline.map(t => t.entry)).toEqual(['Paged on-call', 'Revoked the leaked token']);

    await userEvent.type(screen.getByLabelText('Lesson learned'), 'Scrub tokens from logs');
    await userEvent.click(screen.getByLabelText('Re-opens stage'));
    await userEvent.click(await screen.findByRole('option', { name: 'Threat modeling & requirements' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add lesson' }));
    await waitFor(() =>
      expect(api.addLesson).toHaveBeenCalledWith(entityRef, 'w1', {
        version: 2,
        lesson: 'Scrub tokens from logs',
        reopensStageId: 'threat-modeling',
      }),
    );
  }); // prettier-ignore

  it('names containment owners, checking each is a user or group first', async () => {
    const { api } = await renderSection(<WorksheetsCard />, { record: owner, api: { updateWorksheet: accepts() } });
    const revoke = screen.getByLabelText('Who may revoke access');
    await userEvent.type(revoke, 'mei');
    await userEvent.click(screen.getByRole('button', { name: 'Save owners' }));
    expect(screen.getByText('user:… or group:…')).toBeInTheDocument();
    expect(api.updateWorksheet).not.toHaveBeenCalled();
    await userEvent.clear(revoke);
    await userEvent.type(revoke, 'group:default/security-leads');
    await userEvent.click(screen.getByRole('button', { name: 'Save owners' }));
    await waitFor(() => expect(api.updateWorksheet).toHaveBeenCalled());
    expect(api.updateWorksheet.mock.calls[0][2].containmentOwners).toEqual({
      isolate: 'user:default/sam.okafor',
      revoke: 'group:default/security-leads',
      freeze: null,
      recover: null,
    });
  }); // prettier-ignore

  it('shows a conflict when someone else changed the worksheet, and keeps the typed finding', async () => {
    const { onChanged } = await renderSection(<WorksheetsCard />, {
      record: owner,
      api: { updateWorksheet: refuses(409, 'The worksheet was changed by user:default/mei.chen (now version 3); reload and try again') },
    });
    await userEvent.type(screen.getByLabelText('Finding'), 'Token in debug log');
    await userEvent.click(screen.getByRole('button', { name: 'Add finding' }));
    await expectConflictWithReload(/changed by user:default\/mei.chen/, onChanged);
    expect(screen.getByLabelText('Finding')).toHaveValue('Token in debug log');
  }); // prettier-ignore
});
