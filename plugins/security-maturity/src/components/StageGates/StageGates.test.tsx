import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  emptyRecord,
  mockApi,
  responseError,
} from '../../__testUtils__/records';
import { renderTab } from '../../__testUtils__/renderTab';

const passedIntake = {
  stageId: 'intake',
  status: 'passed' as const,
  checklist: [{ criterionId: 'classified', done: true, evidence: [] }],
  version: 3,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/sam.okafor',
};
const editable = {
  ...emptyRecord,
  stages: [passedIntake],
  permissions: { canEdit: true, isSecurityLead: false },
};
const ref = { kind: 'Component', namespace: 'default', name: 'payments-api' };

async function chooseStatus(stage: string, status: string) {
  await userEvent.click(
    await screen.findByRole('button', {
      name: new RegExp(`Status of ${stage}`),
    }),
  );
  await userEvent.click(await screen.findByRole('option', { name: status }));
}

describe('stage gate status and sign-off', () => {
  it('asks for a reason before waiving a gate, and sends it', async () => {
    const api = mockApi(async () => editable, {
      putStage: jest.fn(async () => ({}) as any),
    });
    await renderTab(api);
    await chooseStatus('Threat modeling', 'Waived');
    const form = screen.getByRole('button', { name: /Status of Threat modeling/ }).closest('form')!;
    await userEvent.click(within(form).getByRole('button', { name: 'Save status' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('needs a reason');
    expect(api.putStage).not.toHaveBeenCalled();

    await userEvent.type(within(form).getByLabelText('Reason'), 'Library with no runtime');
    await userEvent.click(within(form).getByRole('button', { name: 'Save status' }));
    await waitFor(() =>
      expect(api.putStage).toHaveBeenCalledWith(ref, 'threat-modeling', {
        version: 0,
        status: 'waived',
        checklist: [],
        notes: undefined,
        reason: 'Library with no runtime',
      }),
    );
  }); // prettier-ignore

  it('refuses to pass a gate with open exit criteria', async () => {
    const api = mockApi(async () => editable);
    await renderTab(api);
    await chooseStatus('Threat modeling', 'Passed');
    const form = screen.getByRole('button', { name: /Status of Threat modeling/ }).closest('form')!;
    await userEvent.click(within(form).getByRole('button', { name: 'Save status' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tick every exit criterion first');
    expect(api.putStage).not.toHaveBeenCalled();
  }); // prettier-ignore

  it('signs off a passed gate with the version it read, and shows a refusal', async () => {
    const api = mockApi(async () => editable, {
      signOffStage: jest.fn(async () => {
        throw await responseError(403, 'Forbidden', 'NotAllowedError',
          "Only the Accountable for 'Intake classification' or a security lead may sign off this stage");
      }),
    }); // prettier-ignore
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign off Intake & classification' }),
    );
    await waitFor(() =>
      expect(api.signOffStage).toHaveBeenCalledWith(ref, 'intake', { version: 3 }),
    );
    expect(await screen.findByText(/Only the Accountable/)).toBeInTheDocument();
  }); // prettier-ignore

  it('shows who signed off, and no forms to readers', async () => {
    const signed = {
      ...emptyRecord,
      stages: [
        { ...passedIntake, signedOffBy: 'user:default/priya.nair', signedOffAt: '2026-11-21T10:00:00.000Z' },
      ],
    }; // prettier-ignore
    await renderTab(mockApi(async () => signed));
    expect(await screen.findByText(/signed off by user:default\/priya.nair/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save status' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Sign off/ })).toBeNull();
  }); // prettier-ignore
});
