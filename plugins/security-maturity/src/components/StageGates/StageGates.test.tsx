import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accepts,
  editableRecord,
  emptyRecord,
  refuses,
} from '../../__testUtils__/records';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { StageGatesCard } from './StageGatesCard';

const passedIntake = {
  stageId: 'intake',
  status: 'passed' as const,
  checklist: [{ criterionId: 'classified', done: true, evidence: [] }],
  version: 3,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/sam.okafor',
};
const editable = editableRecord({ stages: [passedIntake] });

/** Chooses a status for a stage and returns that stage's status form. */
async function chooseStatus(stage: string, status: string) {
  const select = screen.getByRole('button', {
    name: new RegExp(`Status of ${stage}`),
  });
  await userEvent.click(select);
  await userEvent.click(await screen.findByRole('option', { name: status }));
  return within(select.closest('form')!);
}

describe('stage gate status and sign-off', () => {
  it('asks for a reason before waiving a gate, and sends it', async () => {
    const { api, onChanged } = await renderSection(<StageGatesCard />, {
      record: editable,
      api: { putStage: accepts() },
    });
    const form = await chooseStatus('Threat modeling', 'Waived');
    await userEvent.click(form.getByRole('button', { name: 'Save status' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('needs a reason');
    expect(api.putStage).not.toHaveBeenCalled();

    await userEvent.type(form.getByLabelText('Reason'), 'Library with no runtime');
    await userEvent.click(form.getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.putStage).toHaveBeenCalledWith(entityRef, 'threat-modeling', {
      version: 0,
      status: 'waived',
      checklist: [],
      notes: undefined,
      reason: 'Library with no runtime',
    });
  }); // prettier-ignore

  it('refuses to pass a gate with open exit criteria', async () => {
    const { api } = await renderSection(<StageGatesCard />, { record: editable });
    const form = await chooseStatus('Threat modeling', 'Passed');
    await userEvent.click(form.getByRole('button', { name: 'Save status' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tick every exit criterion first');
    expect(api.putStage).not.toHaveBeenCalled();
  }); // prettier-ignore

  it('signs off a passed gate with the version it read, and shows a refusal', async () => {
    const { api } = await renderSection(<StageGatesCard />, {
      record: editable,
      api: { signOffStage: refuses(403, "Only the Accountable for 'Intake classification' or a security lead may sign off this stage") },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Sign off Intake & classification' }));
    expect(await screen.findByText(/Only the Accountable/)).toBeInTheDocument();
    expect(api.signOffStage).toHaveBeenCalledWith(entityRef, 'intake', { version: 3 });
  }); // prettier-ignore

  it('shows who signed off, and no forms to readers', async () => {
    const signed = {
      ...emptyRecord,
      stages: [
        { ...passedIntake, signedOffBy: 'user:default/priya.nair', signedOffAt: '2026-11-21T10:00:00.000Z' },
      ],
    }; // prettier-ignore
    await renderSection(<StageGatesCard />, { record: signed });
    expect(screen.getByText(/signed off by user:default\/priya.nair/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save status' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Sign off/ })).toBeNull();
  }); // prettier-ignore
});
