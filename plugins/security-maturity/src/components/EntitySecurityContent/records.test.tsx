import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  emptyRecord,
  mockApi,
  responseError,
} from '../../__testUtils__/records';
import { renderTab } from '../../__testUtils__/renderTab';
import { decision, release, worksheet } from '../../__testUtils__/sections';

const ref = { kind: 'Component', namespace: 'default', name: 'payments-api' };
const editable = {
  ...emptyRecord,
  worksheets: [worksheet],
  decisions: [decision],
  releases: [release],
  permissions: { canEdit: true, isSecurityLead: false },
};

const ok = () => jest.fn(async () => ({} as any));

describe('worksheets, decisions and releases in the Security tab', () => {
  it('explains each empty section and offers no forms to readers', async () => {
    await renderTab(mockApi(async () => emptyRecord));
    expect(await screen.findByText(/No incidents or drills yet/)).toBeInTheDocument();
    expect(screen.getByText(/No decisions logged yet/)).toBeInTheDocument();
    expect(screen.getByText(/No release decisions yet/)).toBeInTheDocument();
    for (const name of ['Start worksheet', 'Log a decision', 'Record release']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  }); // prettier-ignore

  it('starts a drill, adds a timeline entry and a lesson that re-opens a stage', async () => {
    const api = mockApi(async () => editable, {
      startWorksheet: ok(),
      updateWorksheet: ok(),
      addLesson: ok(),
    });
    await renderTab(api);
    await screen.findByText('Token leak in logs');
    expect(screen.getByText(/isolate traffic: user:default\/sam.okafor; revoke access: nobody/)).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Kind'));
    await userEvent.click(await screen.findByRole('option', { name: 'Drill' }));
    await userEvent.type(screen.getByLabelText('Title'), 'Quarterly containment drill');
    await userEvent.click(screen.getByRole('button', { name: 'Start worksheet' }));
    await waitFor(() =>
      expect(api.startWorksheet).toHaveBeenCalledWith(ref, { kind: 'drill', title: 'Quarterly containment drill' }),
    );

    await userEvent.type(screen.getByLabelText('Timeline entry'), 'Revoked the leaked token');
    await userEvent.click(screen.getByRole('button', { name: 'Add to timeline' }));
    await waitFor(() => expect(api.updateWorksheet).toHaveBeenCalled());
    const [, id, update] = api.updateWorksheet.mock.calls[0];
    expect(id).toBe('w1');
    expect(update).toMatchObject({ version: 2, status: 'open', title: 'Token leak in logs' });
    expect(update.timeline.map(t => t.entry)).toEqual(['Paged on-call', 'Revoked the leaked token']);

    await userEvent.type(screen.getByLabelText('Lesson learned'), 'Scrub tokens from logs');
    await userEvent.click(screen.getByLabelText('Re-opens stage'));
    await userEvent.click(await screen.findByRole('option', { name: 'Threat modeling & requirements' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add lesson' }));
    await waitFor(() =>
      expect(api.addLesson).toHaveBeenCalledWith(ref, 'w1', {
        version: 2,
        lesson: 'Scrub tokens from logs',
        reopensStageId: 'threat-modeling',
      }),
    );
  }); // prettier-ignore

  it('names containment owners, checking each is a user or group first', async () => {
    const api = mockApi(async () => editable, { updateWorksheet: ok() });
    await renderTab(api);
    const revoke = await screen.findByLabelText('Who may revoke access');
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

  it('shows a conflict when someone else changed the worksheet', async () => {
    const api = mockApi(async () => editable, {
      updateWorksheet: jest.fn(async () => {
        throw await responseError(409, 'Conflict', 'ConflictError',
          'The worksheet was changed by user:default/mei.chen (now version 3); reload and try again');
      }),
    }); // prettier-ignore
    await renderTab(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark contained' }));
    expect(await screen.findByText(/changed by user:default\/mei.chen/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  }); // prettier-ignore

  it('checks a decision before logging it, and edits one with its version', async () => {
    const api = mockApi(async () => editable, { createDecision: ok(), updateDecision: ok() });
    await renderTab(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Log a decision' }));
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
    await waitFor(() =>
      expect(api.createDecision).toHaveBeenCalledWith(ref, {
        trigger: 'SSO rollout',
        decision: 'Enforce MFA for admins',
        rationale: 'Admin takeover is the top risk',
        ownerRef: 'user:default/mei.chen',
        status: 'proposed',
        backlogUrl: 'https://jira.example.com/SEC-42',
        reReviewAt: undefined,
        reReviewTrigger: undefined,
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Edit decision Tokenise card data at the edge' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateDecision).toHaveBeenCalledWith(ref, 'd1', expect.objectContaining({ version: 2, status: 'accepted' })),
    );
  }); // prettier-ignore

  it('shows release evidence, records a release and lets a person decide go', async () => {
    const api = mockApi(async () => editable, { createRelease: ok(), decideRelease: ok() });
    await renderTab(api);
    expect(await screen.findByText(/provenance \(pass\), SLSA build level 3/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Note on 2026.11.3'), 'Scans clean');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    await waitFor(() =>
      expect(api.decideRelease).toHaveBeenCalledWith(ref, 'r1', { version: 2, decision: 'go', note: 'Scans clean' }),
    );
    await userEvent.type(screen.getByLabelText('Release or version'), '2026.12.0');
    await userEvent.click(screen.getByRole('button', { name: 'Record release' }));
    await waitFor(() =>
      expect(api.createRelease).toHaveBeenCalledWith(ref, { release: '2026.12.0' }),
    );
  }); // prettier-ignore
});
