import { StageRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accepts,
  editableRecord,
  emptyRecord,
  mockApi,
  refuses,
} from '../../__testUtils__/records';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { renderTab } from '../../__testUtils__/renderTab';
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
/** A threat-modeling stage record, in progress unless `more` says otherwise. */
const threatModeling = (more: Partial<StageRecord>): StageRecord => ({
  ...passedIntake,
  stageId: 'threat-modeling',
  status: 'in_progress',
  checklist: [],
  ...more,
});

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

  it('shows who ticked each criterion, and the separation refusal when they sign off themself', async () => {
    const ticked = editableRecord({
      stages: [{ ...passedIntake, checklist: [{ ...passedIntake.checklist[0], doneBy: 'user:default/sam.okafor' }] }],
    });
    const message = "Sign-off separation (securityMaturity.signOff.separation: strict): user:default/sam.okafor ticked the exit criterion 'classified' of 'Intake & classification', so a second person must sign it off: another Accountable or a security lead";
    await renderSection(<StageGatesCard />, { record: ticked, api: { signOffStage: refuses(403, message) } });
    expect(document.getElementById('security-stage-intake')).toHaveTextContent('ticked by user:default/sam.okafor');
    await userEvent.click(screen.getByRole('button', { name: 'Sign off Intake & classification' }));
    expect(await screen.findByText(/so a second person must sign it off/)).toBeInTheDocument();
  }); // prettier-ignore

  it('offers the sign-off to the Accountable who does not own the component, for their stages only', async () => {
    const accountable = {
      ...emptyRecord,
      stages: [passedIntake, threatModeling({ status: 'passed' })],
      permissions: { canEdit: false, isSecurityLead: false, accountableFor: ['intake-classification'] },
    }; // prettier-ignore
    await renderSection(<StageGatesCard />, { record: accountable });
    expect(screen.getByRole('button', { name: 'Sign off Intake & classification' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign off Threat modeling/ })).toBeNull();
    // Signing off is all they may do here.
    expect(screen.queryByRole('button', { name: 'Save status' })).toBeNull();
    expect(document.getElementById('security-stage-intake')).toHaveTextContent('Intake & classification');
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

  it('shows each stage’s own status in its status select', async () => {
    // Threat modeling has no record yet: it has not started.
    await renderSection(<StageGatesCard />, { record: editable });
    expect(screen.getByRole('button', { name: /Status of Threat modeling/ })).toHaveTextContent('Not started');
    expect(screen.getByRole('button', { name: /Status of Intake/ })).toHaveTextContent('Passed');
  }); // prettier-ignore

  it('follows the saved status once a change reloaded the stage', async () => {
    const started = threatModeling({
      checklist: [{ criterionId: 'risks-documented', done: true, evidence: [] }],
      version: 1,
    });
    const api = mockApi(async () => editable, { putStage: accepts() });
    api.getEntityRecord.mockResolvedValueOnce(editable).mockResolvedValue(
      editableRecord({ stages: [passedIntake, started] }),
    );
    await renderTab(api);
    const select = () => screen.getByRole('button', { name: /Status of Threat modeling/ });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Risks documented with mitigations' }));
    await waitFor(() => expect(select()).toHaveTextContent('In progress'));
  }); // prettier-ignore

  it('shows why a stage was re-opened until it clears again', async () => {
    const reason = 'Material change (auth-change): SSO through Okta';
    const withStage = (status: 'in_progress' | 'passed') => ({
      ...emptyRecord,
      stages: [passedIntake, threatModeling({ status, reopenedReason: reason })],
    });
    await renderSection(<StageGatesCard />, { record: withStage('in_progress') });
    expect(screen.getByRole('alert')).toHaveTextContent(`Re-opened: ${reason}`);
    cleanup();
    await renderSection(<StageGatesCard />, { record: withStage('passed') });
    expect(screen.queryByText(/Re-opened/)).toBeNull();
  }); // prettier-ignore
});
