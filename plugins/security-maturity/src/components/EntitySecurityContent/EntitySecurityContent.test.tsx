import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accepts,
  editableRecord,
  emptyRecord,
  mockApi,
  refuses,
} from '../../__testUtils__/records';
import { renderTab } from '../../__testUtils__/renderTab';
import { entityRef } from '../../__testUtils__/renderSection';
import { SECTIONS } from './SectionNav';

// The whole tab: the sections read what the tab loaded, and a change saved in
// any of them reloads it. Each card's own behaviour is tested next to it.
const editable = editableRecord();

describe('the Security tab', () => {
  it('is read only for people who may not edit, and explains each empty section', async () => {
    await renderTab(mockApi(async () => emptyRecord));
    expect(await screen.findByRole('checkbox', { name: 'Data classification recorded' })).toBeDisabled();
    expect(screen.getByText(/Read only/)).toBeInTheDocument();
    expect(screen.getByText(/No incidents or drills yet/)).toBeInTheDocument();
    expect(screen.getByText(/No decisions logged yet/)).toBeInTheDocument();
    expect(screen.getByText(/No release decisions yet/)).toBeInTheDocument();
    expect(screen.getByText(/No exceptions\./)).toBeInTheDocument();
    for (const name of ['Request exception', 'Start worksheet', 'Log a decision', 'Record release', /Edit RASI/]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  }); // prettier-ignore

  it('ticks an exit criterion with the version it read, then reloads', async () => {
    const api = mockApi(async () => editable, { putStage: accepts() });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Risks documented with mitigations',
      }),
    );
    await waitFor(() =>
      expect(api.putStage).toHaveBeenCalledWith(entityRef, 'threat-modeling', {
        version: 0,
        status: 'in_progress',
        checklist: [
          { criterionId: 'risks-documented', done: true, evidence: [] },
          { criterionId: 'definition-of-ready', done: false, evidence: [] },
        ],
      }),
    );
    await waitFor(() => expect(api.getEntityRecord).toHaveBeenCalledTimes(2));
  });

  it('never overwrites a concurrent change: says who changed it and offers a reload', async () => {
    const api = mockApi(async () => editable, {
      putStage: refuses(
        409,
        "Stage 'Intake & classification' was changed by user:default/lena at 2026-11-23T10:00:00.000Z (now version 2); reload and try again",
      ),
    });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Data classification recorded',
      }),
    );
    expect(
      await screen.findByText(/was changed by user:default\/lena/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.getEntityRecord).toHaveBeenCalledTimes(2));
  });

  it('closes a dialog and reloads the tab once its change is saved', async () => {
    const api = mockApi(async () => editable, { putRasiAssignment: accepts() });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit RASI for Threat modeling' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Accountable'), 'user:default/olivia');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.getEntityRecord).toHaveBeenCalledTimes(2);
  }); // prettier-ignore

  it('jumps to each section from the bar under the summary', async () => {
    // jsdom does not lay out, so it has no scrolling of its own.
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    await renderTab(mockApi(async () => emptyRecord));
    const nav = await screen.findByRole('navigation', { name: 'Sections of the Security tab' });
    for (const id of SECTIONS.map(s => s.id)) {
      expect(document.getElementById(id)).not.toBeNull();
    }
    await userEvent.click(within(nav).getByRole('button', { name: 'History' }));
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(document.getElementById('security-history'));
  }); // prettier-ignore
});
