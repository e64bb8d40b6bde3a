import { screen } from '@testing-library/react';
import { EvidenceSignal } from '@secmat/backstage-plugin-security-maturity-common';
import { entityRef, renderSection } from '../../__testUtils__/renderSection';
import { EvidenceCard } from './EvidenceCard';

const ref = 'component:default/payments-api';
const soon = new Date(Date.now() + 20 * 86_400_000).toISOString();
const signals: EvidenceSignal[] = [
  {
    entityRef: ref,
    source: 'sarif',
    key: 'codeql:/language:javascript-typescript/',
    value: {
      tool: 'CodeQL',
      rules: 4,
      results: 5,
      byLevel: { error: 1, warning: 4, note: 0, none: 0 },
      new: 1,
      fixed: 1,
      previousObservedAt: '2026-11-30T08:19:41.482Z',
      errorsOpen: 1,
      oldestErrorSince: '2026-11-30T08:19:41.482Z',
    },
    observedAt: '2026-12-01T08:17:12.000Z',
    validUntil: soon,
    link: 'https://github.com/northwind/payments-api/security/code-scanning',
  },
  {
    entityRef: ref,
    source: 'openssf-scorecard',
    key: 'github.com/northwind/payments-api',
    value: {
      repo: 'github.com/northwind/payments-api',
      score: 7.4,
      lowest: [
        { check: 'Fuzzing', score: 0, reason: 'project is not fuzzed' },
        { check: 'Pinned-Dependencies', score: 6, reason: '' },
      ],
    },
    observedAt: '2026-10-01T06:04:12.000Z',
    validUntil: '2026-10-31T06:04:12.000Z',
  },
  {
    entityRef: ref,
    source: 'slsa-provenance',
    key: 'provenance',
    value: {
      buildLevel: 3,
      signed: true,
      builderId: 'https://github.com/slsa-framework/slsa-github-generator',
    },
    observedAt: '2026-11-30T09:04:55.000Z',
    validUntil: soon,
  },
];

describe('EvidenceCard', () => {
  it('explains where tool results come from while there are none', async () => {
    await renderSection(<EvidenceCard />);
    expect(
      screen.getByText(/No tool has reported on this component yet/),
    ).toBeInTheDocument();
  });

  it('shows each signal: its source, what it said, when, until when and a link', async () => {
    const { api } = await renderSection(<EvidenceCard />, {
      api: { listEntityEvidence: jest.fn(async () => ({ items: signals })) },
    });
    expect(await screen.findByText('CodeQL (SARIF)')).toBeInTheDocument();
    expect(api.listEntityEvidence).toHaveBeenCalledWith(entityRef);
    expect(
      screen.getByText(
        '5 open findings (1 errors, 4 warnings, 0 notes) from 4 rules; 1 new and 1 fixed since 2026-11-30; oldest open error since 2026-11-30',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(`Observed 2026-12-01 · valid until ${soon.slice(0, 10)}`),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /see the tool's result/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/northwind/payments-api/security/code-scanning',
    );
    expect(
      screen.getByText(
        'Score 7.4/10; lowest: Fuzzing 0, Pinned-Dependencies 6',
      ),
    ).toBeInTheDocument();
    // A signal past its validity says so: it no longer answers SAMM.
    expect(screen.getByText('expired: push a new result')).toBeInTheDocument();
    expect(screen.getByText(/was valid until 2026-10-31/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'SLSA build level 3 (signed) from https://github.com/slsa-framework/slsa-github-generator',
      ),
    ).toBeInTheDocument();
  });
});
