import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  emptyRecord,
  emptyScore,
  mockApi,
  responseError,
} from '../../__testUtils__/records';
import { renderTab } from '../../__testUtils__/renderTab';

const editable = {
  ...emptyRecord,
  permissions: { canEdit: true, isSecurityLead: false },
};
const lead = {
  ...emptyRecord,
  permissions: { canEdit: true, isSecurityLead: true },
};

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

describe('editing in the Security tab', () => {
  it('ticks an exit criterion with the version it read, then reloads', async () => {
    const api = mockApi(async () => editable, {
      putStage: jest.fn(async () => ({} as any)),
    });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Risks documented with mitigations',
      }),
    );
    await waitFor(() =>
      expect(api.putStage).toHaveBeenCalledWith(
        { kind: 'Component', namespace: 'default', name: 'payments-api' },
        'threat-modeling',
        {
          version: 0,
          status: 'in_progress',
          checklist: [
            { criterionId: 'risks-documented', done: true, evidence: [] },
            { criterionId: 'definition-of-ready', done: false, evidence: [] },
          ],
        },
      ),
    );
    await waitFor(() => expect(api.getEntityRecord).toHaveBeenCalledTimes(2));
  });

  it('never overwrites a concurrent change: says who changed it and offers a reload', async () => {
    const api = mockApi(async () => editable, {
      putStage: jest.fn(async () => {
        throw await responseError(
          409,
          'Conflict',
          'ConflictError',
          "Stage 'Intake & classification' was changed by user:default/lena at 2026-11-23T10:00:00.000Z (now version 2); reload and try again",
        );
      }),
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

  it('is read only for people who may not edit', async () => {
    await renderTab(mockApi(async () => emptyRecord));
    expect(
      await screen.findByRole('checkbox', {
        name: 'Data classification recorded',
      }),
    ).toBeDisabled();
    expect(screen.getByText(/Read only/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request exception' }),
    ).not.toBeInTheDocument();
  });

  it('requests an exception through a validated form', async () => {
    const api = mockApi(async () => editable, {
      requestException: jest.fn(async () => ({} as any)),
    });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request exception' }),
    );
    const dialog = await screen.findByRole('dialog');
    const request = within(dialog).getByRole('button', { name: 'Request' });
    expect(request).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'Agent needs root',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Compensating controls/),
      'Dedicated node pool',
    );
    fireEvent.change(within(dialog).getByLabelText('Expires on'), {
      target: { value: '2000-01-01' },
    });
    expect(within(dialog).getByText('Pick a future date')).toBeInTheDocument();
    expect(request).toBeDisabled();
    const soon = new Date(Date.now() + 20 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    fireEvent.change(within(dialog).getByLabelText('Expires on'), {
      target: { value: soon },
    });
    await userEvent.click(request);
    await waitFor(() =>
      expect(api.requestException).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'payments-api' }),
        expect.objectContaining({
          controlId: 'run-as-non-root',
          justification: 'Agent needs root',
          compensatingControls: 'Dedicated node pool',
          riskRating: 'medium',
          expiresAt: `${soon}T23:59:59.000Z`,
        }),
      ),
    );
  });

  it('lets a security lead approve someone else’s request', async () => {
    const api = mockApi(async () => ({ ...lead, exceptions: [requested] }), {
      transitionException: jest.fn(async () => ({} as any)),
    });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(api.transitionException).toHaveBeenCalledWith(
        expect.anything(),
        'e1',
        { version: 1, action: 'approve' },
      ),
    );
  });

  it('shows the reason a change was refused, without offering a reload', async () => {
    const api = mockApi(async () => ({ ...lead, exceptions: [requested] }), {
      transitionException: jest.fn(async () => {
        throw await responseError(
          403,
          'Forbidden',
          'NotAllowedError',
          'Not allowed by policy: security-maturity.record.approve',
        );
      }),
    });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );
    expect(
      await screen.findByText(
        'Not saved: Not allowed by policy: security-maturity.record.approve',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reload' }),
    ).not.toBeInTheDocument();
  });

  it('assigns RASI with exactly one Accountable', async () => {
    const api = mockApi(async () => editable, {
      putRasiAssignment: jest.fn(async () => ({} as any)),
    });
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit RASI for Threat modeling',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    await userEvent.type(
      within(dialog).getByLabelText('Accountable'),
      'user:default/olivia, user:default/tom',
    );
    expect(save).toBeDisabled();
    await userEvent.clear(within(dialog).getByLabelText('Accountable'));
    await userEvent.type(
      within(dialog).getByLabelText('Accountable'),
      'user:default/olivia',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Supportive'),
      'group:default/security-leads',
    );
    await userEvent.click(save);
    await waitFor(() =>
      expect(api.putRasiAssignment).toHaveBeenCalledWith(
        expect.anything(),
        'threat-modeling',
        {
          version: 0,
          responsible: [],
          accountable: 'user:default/olivia',
          supportive: ['group:default/security-leads'],
          informed: [],
        },
      ),
    );
  });

  it('explains each SAMM answer with its source and rationale', async () => {
    const score = {
      ...emptyScore,
      overall: 0.05,
      practices: { ...emptyScore.practices, 'D-TA': 0.75 },
      activities: [
        {
          id: 'D-TA-1-A',
          value: 1,
          source: 'evidence' as const,
          rationale: 'Risk tier 1 from intake.',
          links: [],
          ruleId: 'samm:D-TA-1-A',
        },
      ],
    };
    await renderTab(
      mockApi(async () => emptyRecord, {
        getEntityScore: jest.fn(async () => score),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Threat Assessment 0.75' }),
    );
    expect(
      await screen.findByText('Risk tier 1 from intake.'),
    ).toBeInTheDocument();
    expect(screen.getByText('evidence · 1')).toBeInTheDocument();
    expect(screen.getByText('0.05')).toBeInTheDocument();
  });
});
