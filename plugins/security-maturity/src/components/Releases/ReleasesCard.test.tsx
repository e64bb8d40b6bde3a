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
  it('shows what the verdict recommends for a pending release, with its reasons and links', async () => {
    const verdict = {
      entityRef: 'component:default/payments-api', releaseId: 'r1', release: '2026.11.3', decision: 'pending' as const, tier: '1',
      policy: { gates: ['validation'], evidence: ['sast' as const], minSlsaBuildLevel: 2, failOnSarifLevel: 'error' as const, minScorecardScore: 0 },
      evaluatedAt: '2026-12-02T10:00:00.000Z',
    };
    const { api } = await renderSection(<ReleasesCard />, {
      record: owner,
      api: {
        getReleaseVerdict: jest.fn(async () => ({
          ...verdict,
          verdict: 'no-go-recommended' as const,
          reasons: [
            { code: 'gate-not-cleared' as const, stageId: 'validation', message: "Required gate 'Validation & certification' is in progress" },
            { code: 'evidence-failing' as const, evidence: 'sast' as const, message: 'CodeQL: 2 open error-level results', link: 'https://ci.example.com/runs/7' },
          ],
        })),
      },
    });
    expect(await screen.findByText('No-go recommended')).toBeInTheDocument();
    expect(screen.getByText(/Required gate 'Validation & certification' is in progress/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^result/ })).toHaveAttribute('href', 'https://ci.example.com/runs/7');
    expect(api.getReleaseVerdict).toHaveBeenCalledWith(entityRef, 'r1');
  }); // prettier-ignore

  it('says go when nothing stands against the release, and asks nothing of a decided one', async () => {
    await renderSection(<ReleasesCard />, {
      record: editableRecord({ releases: [release, { ...release, id: 'r2', release: '2026.10.1', decision: 'go' }] }),
      api: {
        getReleaseVerdict: jest.fn(async (_, id) => ({
          entityRef: 'component:default/payments-api', releaseId: id, release: '2026.11.3', decision: 'pending' as const, tier: '2',
          policy: { gates: [], evidence: ['sast' as const, 'sbom' as const], minSlsaBuildLevel: 0, failOnSarifLevel: 'error' as const, minScorecardScore: 0 },
          evaluatedAt: '2026-12-02T10:00:00.000Z', verdict: 'go' as const, reasons: [],
        })),
      },
    });
    expect(await screen.findByText(/Verdict: go. Required gates cleared, no expired exceptions, sast, sbom current and passing/)).toBeInTheDocument();
    expect(screen.getAllByTestId('release-verdict')).toHaveLength(1);
  }); // prettier-ignore
});
