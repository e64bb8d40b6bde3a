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
import { IntakeCard } from './IntakeCard';

// The test workflow's rules: confidential data → tier 1, internet-facing →
// tier 2 (both stages), otherwise tier 3 (intake only).
const intake = {
  dataClassification: 'internal',
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: true,
  regulatoryObligations: ['GDPR'],
  notes: 'Public API',
  tier: '2',
  tierReason: 'Internet-facing',
  version: 3,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/sam.okafor',
};
const classified = editableRecord({ intake });

async function openDialog(button: string) {
  await userEvent.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

async function classify(dialog: HTMLElement, classification: string) {
  await userEvent.click(
    within(dialog).getByRole('button', { name: /Data classification/ }),
  );
  await userEvent.click(
    await screen.findByRole('option', { name: classification }),
  );
}

const preview = (dialog: HTMLElement) =>
  within(dialog).getByRole('region', { name: 'Resulting tier' });

describe('the intake card and dialog', () => {
  it('explains the empty intake and offers no form to readers', async () => {
    await renderSection(<IntakeCard />, { record: emptyRecord });
    expect(screen.getByText(/Not classified yet\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Classify' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record a material change' })).toBeNull();
  }); // prettier-ignore

  it('needs a data classification before it saves', async () => {
    await renderSection(<IntakeCard />, { record: editableRecord() });
    const dialog = await openDialog('Classify');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    expect(within(dialog).getByText(/Required: choose the most sensitive data/)).toBeInTheDocument();
    await classify(dialog, 'internal');
    expect(save).toBeEnabled();
  }); // prettier-ignore

  it('previews the tier, its stages and target as the answers change', async () => {
    await renderSection(<IntakeCard />, { record: editableRecord() });
    const dialog = await openDialog('Classify');
    await classify(dialog, 'internal');
    expect(preview(dialog)).toHaveTextContent('Tier 3 — internal: target score 1');
    expect(preview(dialog)).toHaveTextContent('Why: No elevated risk factor');
    expect(preview(dialog)).toHaveTextContent(/Required stages: Intake & classification$/);

    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Reachable from the internet' }));
    expect(preview(dialog)).toHaveTextContent('Tier 2 — exposed: target score 1.5');
    expect(preview(dialog)).toHaveTextContent('Why: Internet-facing');
    expect(preview(dialog)).toHaveTextContent(
      'Required stages: Intake & classification, Threat modeling & requirements',
    );

    await classify(dialog, 'confidential');
    expect(preview(dialog)).toHaveTextContent('Tier 1 — critical: target score 2');
    // A first classification re-opens nothing.
    expect(preview(dialog)).not.toHaveTextContent(/re-opens/);
  }); // prettier-ignore

  it('saves a first classification as version 0, then closes and reloads', async () => {
    const { api, onChanged } = await renderSection(<IntakeCard />, {
      record: editableRecord(),
      api: { putIntake: accepts() },
    });
    const dialog = await openDialog('Classify');
    await classify(dialog, 'internal');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Adds new integrations/ }));
    await userEvent.type(within(dialog).getByLabelText('Regulatory obligations'), 'PCI DSS, GDPR,PCI DSS');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.putIntake).toHaveBeenCalledWith(entityRef, {
      version: 0,
      dataClassification: 'internal',
      internetExposure: false,
      newIntegrations: true,
      authFlowChanges: false,
      regulatoryObligations: ['PCI DSS', 'GDPR'],
      notes: undefined,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }); // prettier-ignore

  it('shows what an edit changes, and saves it with the version it read', async () => {
    const { api } = await renderSection(<IntakeCard />, {
      record: classified,
      api: { putIntake: accepts() },
    });
    expect(screen.getByText('Tier 2')).toBeInTheDocument();
    expect(screen.getByText('Risk factors: internet-facing, regulated (GDPR); target SAMM score 1.5')).toBeInTheDocument();
    const dialog = await openDialog('Edit intake');
    const internet = within(dialog).getByRole('checkbox', { name: 'Reachable from the internet' });
    expect(internet).toBeChecked();
    expect(within(dialog).getByLabelText('Regulatory obligations')).toHaveValue('GDPR');

    await userEvent.click(internet);
    expect(preview(dialog)).toHaveTextContent('No longer required: Threat modeling & requirements');
    expect(preview(dialog)).toHaveTextContent(/A material change \(new integrations, an auth-flow change or more sensitive data\) re-opens threat modeling/);

    await classify(dialog, 'confidential');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Changes authentication/ }));
    expect(preview(dialog)).toHaveTextContent('The required stages stay the same.');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'A material change: saving re-opens threat modeling (an auth-flow change, data now confidential).',
    );

    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.putIntake).toHaveBeenCalledWith(entityRef, {
        version: 3,
        dataClassification: 'confidential',
        internetExposure: false,
        newIntegrations: false,
        authFlowChanges: true,
        regulatoryObligations: ['GDPR'],
        notes: 'Public API',
      }),
    );
  }); // prettier-ignore

  it('keeps the dialog open on a conflict and offers a reload', async () => {
    const { onChanged } = await renderSection(<IntakeCard />, {
      record: classified,
      api: { putIntake: refuses(409, 'The intake classification was changed by user:default/lena (now version 4); reload and try again') },
    });
    const dialog = await openDialog('Edit intake');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await expectConflictWithReload(/changed by user:default\/lena/, onChanged, dialog);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  }); // prettier-ignore
});
