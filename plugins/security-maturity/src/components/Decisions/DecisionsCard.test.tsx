import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accepts, editableRecord, refuses } from '../../__testUtils__/records';
import {
  entityRef,
  expectConflictWithReload,
  renderSection,
} from '../../__testUtils__/renderSection';
import { decision } from '../../__testUtils__/sections';
import { DecisionsCard } from './DecisionsCard';

const owner = editableRecord({ decisions: [decision] });

describe('DecisionsCard', () => {
  it('explains the empty log and offers no form to readers', async () => {
    await renderSection(<DecisionsCard />);
    expect(screen.getByText(/No decisions logged yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log a decision' })).toBeNull();
  });

  it('checks a decision before logging it, then closes and reloads', async () => {
    const { api, onChanged } = await renderSection(<DecisionsCard />, { record: owner, api: { createDecision: accepts() } });
    await userEvent.click(screen.getByRole('button', { name: 'Log a decision' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Backlog item (link)'), 'ftp://files.example.com/SEC-42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(3);
    expect(within(dialog).getByText('An http(s) link')).toBeInTheDocument();
    expect(api.createDecision).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText('Trigger (the material change)'), 'SSO rollout');
    await userEvent.type(within(dialog).getByLabelText('Decision'), 'Enforce MFA for admins');
    await userEvent.type(within(dialog).getByLabelText('Rationale'), 'Admin takeover is the top risk');
    await userEvent.type(within(dialog).getByLabelText('Owner'), 'user:default/mei.chen');
    await userEvent.clear(within(dialog).getByLabelText('Backlog item (link)'));
    await userEvent.type(within(dialog).getByLabelText('Backlog item (link)'), 'https://jira.example.com/SEC-42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.createDecision).toHaveBeenCalledWith(entityRef, {
      trigger: 'SSO rollout',
      decision: 'Enforce MFA for admins',
      rationale: 'Admin takeover is the top risk',
      ownerRef: 'user:default/mei.chen',
      status: 'proposed',
      backlogUrl: 'https://jira.example.com/SEC-42',
      reReviewAt: undefined,
      reReviewTrigger: undefined,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }); // prettier-ignore

  it('edits a decision with the version it read, and stays open on a conflict', async () => {
    const { api, onChanged } = await renderSection(<DecisionsCard />, {
      record: owner,
      api: { updateDecision: refuses(409, 'Decision d1 was changed by user:default/mei.chen (now version 3); reload and try again') },
    });
    expect(screen.getByText('Trigger: New payment provider')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit decision Tokenise card data at the edge' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Edit decision')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await expectConflictWithReload(/changed by user:default\/mei.chen/, onChanged, dialog);
    expect(api.updateDecision).toHaveBeenCalledWith(entityRef, 'd1', expect.objectContaining({ version: 2, status: 'accepted' }));
  }); // prettier-ignore
});
