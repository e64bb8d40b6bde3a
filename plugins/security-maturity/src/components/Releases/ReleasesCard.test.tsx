import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { accepts, editableRecord, refuses } from '../../__testUtils__/records';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { release } from '../../__testUtils__/sections';
import { ReleasesCard } from './ReleasesCard';

const owner = editableRecord({ releases: [release] });

describe('ReleasesCard', () => {
  it('explains the empty register and offers no form to readers', async () => {
    await renderSection(<ReleasesCard />);
    expect(screen.getByText(/No release decisions yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record release' })).toBeNull();
  });

  it('shows the evidence and lets a person decide go with a note', async () => {
    const { api, onChanged } = await renderSection(<ReleasesCard />, { record: owner, api: { decideRelease: accepts() } });
    expect(screen.getByText(/provenance \(pass\), SLSA build level 3/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Note on 2026.11.3'), 'Scans clean');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.decideRelease).toHaveBeenCalledWith(entityRef, 'r1', { version: 2, decision: 'go', note: 'Scans clean' });
  }); // prettier-ignore

  it('records a release and empties the field once saved', async () => {
    const { api } = await renderSection(<ReleasesCard />, { record: owner, api: { createRelease: accepts() } });
    const field = screen.getByLabelText('Release or version');
    await userEvent.type(field, ' 2026.12.0 ');
    await userEvent.click(screen.getByRole('button', { name: 'Record release' }));
    await waitFor(() => expect(field).toHaveValue(''));
    expect(api.createRelease).toHaveBeenCalledWith(entityRef, { release: '2026.12.0' });
  }); // prettier-ignore

  it('keeps the typed release and says why when it is refused', async () => {
    const { onChanged } = await renderSection(<ReleasesCard />, {
      record: owner,
      api: { createRelease: refuses(403, 'Not allowed by policy: security-maturity.record.update') },
    });
    await userEvent.type(screen.getByLabelText('Release or version'), '2026.12.0');
    await userEvent.click(screen.getByRole('button', { name: 'Record release' }));
    expect(await screen.findByText('Not saved: Not allowed by policy: security-maturity.record.update')).toBeInTheDocument();
    expect(screen.getByLabelText('Release or version')).toHaveValue('2026.12.0');
    expect(onChanged).not.toHaveBeenCalled();
  }); // prettier-ignore
});
