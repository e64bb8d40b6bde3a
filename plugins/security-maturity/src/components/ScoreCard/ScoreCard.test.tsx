import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityScore,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import {
  editableRecord,
  emptyRecord,
  emptyScore,
  mockApi,
  responseError,
} from '../../__testUtils__/records';
import { renderTab } from '../../__testUtils__/renderTab';

const score: EntityScore = {
  ...emptyScore,
  overall: 0.4,
  tier: '1',
  target: 2,
  percentToTarget: 20,
  practices: { ...emptyScore.practices, 'D-TA': 1.5 },
  activities: [
    {
      id: 'D-TA-1-A',
      value: 1,
      source: 'evidence',
      rationale: 'Intake recorded the risk profile',
      links: [],
    },
    {
      id: 'G-EG-1-A',
      value: 0,
      source: 'none',
      rationale: 'No evidence rule applies and nobody answered',
      links: [],
    },
  ],
};

const editable = editableRecord();

// Tier 1's profile: Threat Assessment 2, Secure Build 1.5 per stream (A 2,
// B 1), every other practice 1. Threat Assessment scores 1.5 (0.5 short),
// Strategy & Metrics 1.25 (above its 1), Secure Build 1.25 with stream A at
// 1 of 2 and B at 1.5 of 1: 0.5 short although the practice passes 1.5 - 0.25.
const withTargets: EntityScore = {
  ...score,
  practices: { ...score.practices, 'D-TA': 1.5, 'G-SM': 1.25, 'I-SB': 1.25 },
  percentToTarget: 23.5,
  practiceTargets: Object.fromEntries(
    SAMM_PRACTICES.map(p => [p.id, { target: 1, gap: 1, percentToTarget: 0 }]),
  ),
};
withTargets.practiceTargets!['D-TA'] = {
  target: 2,
  gap: 0.5,
  percentToTarget: 75,
};
withTargets.practiceTargets!['G-SM'] = {
  target: 1,
  gap: 0,
  percentToTarget: 100,
};
withTargets.practiceTargets!['I-SB'] = {
  target: 1.5,
  gap: 0.5,
  percentToTarget: 66.7,
  streams: {
    A: { target: 2, score: 1, gap: 1 },
    B: { target: 1, score: 1.5, gap: 0 },
  },
}; // prettier-ignore

async function openPractice(name: RegExp) {
  await userEvent.click(await screen.findByRole('button', { name }));
}

describe('the SAMM card', () => {
  it('charts the 15 practices against the target', async () => {
    await renderTab(mockApi(async () => emptyRecord, { getEntityScore: jest.fn(async () => score) }));
    expect(
      await screen.findByLabelText('Practice scores against the target 2'),
    ).toBeInTheDocument();
    expect(screen.getByText('Target 2')).toBeInTheDocument();
  }); // prettier-ignore

  it("shows each practice against its tier's target, the gaps highlighted", async () => {
    await renderTab(mockApi(async () => emptyRecord, { getEntityScore: jest.fn(async () => withTargets) }));
    expect(await screen.findByLabelText('Practice scores against their targets')).toBeInTheDocument();
    expect(screen.getByText(/24% to target; 14 of 15 practices below their target/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Threat Assessment 1.50, target 2.00, 0.50 below' })).toBeInTheDocument();
    expect(screen.getByText('1.50 of 2.00')).toBeInTheDocument();
    expect(screen.getByText('0.50 below target')).toBeInTheDocument();
    // Above its target: reached, no gap shown.
    expect(screen.getByRole('button', { name: 'Strategy & Metrics 1.25, target 1.00 reached' })).toBeInTheDocument();
    expect(screen.getByText('1.25 of 1.00')).toBeInTheDocument();
    // Targeted per stream: the weak stream is named.
    expect(screen.getByText('0.50 below target (stream A 1.00 of 2.00)')).toBeInTheDocument();
  }); // prettier-ignore

  it('lets an editor answer the self-assessment where no evidence answers, then reloads', async () => {
    const api = mockApi(async () => editable, {
      getEntityScore: jest.fn(async () => score),
      putAssessmentAnswer: jest.fn(async () => ({}) as any),
    });
    await renderTab(api);
    await openPractice(/Education & Guidance/);
    // Evidence answers are not for attesting.
    expect(screen.queryByLabelText(/Your answer for D-TA-1-A/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Your answer for G-EG-1-A/ }));
    await userEvent.click(await screen.findByRole('option', { name: /at least half/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    await waitFor(() =>
      expect(api.putAssessmentAnswer).toHaveBeenCalledWith(
        { kind: 'Component', namespace: 'default', name: 'payments-api' },
        'G-EG-1-A',
        { version: 0, value: 0.5 },
      ),
    );
    await waitFor(() => expect(api.getEntityRecord).toHaveBeenCalledTimes(2));
  }); // prettier-ignore

  it('opens the practice of an activity linked from the next steps', async () => {
    window.location.hash = '#samm-G-EG-1-A';
    try {
      await renderTab(
        mockApi(async () => editable, {
          getEntityScore: jest.fn(async () => score),
        }),
      );
      expect(
        await screen.findByRole('button', { name: /Your answer for G-EG-1-A/ }),
      ).toBeInTheDocument();
      // Other practices stay closed.
      expect(screen.queryByText('Intake recorded the risk profile')).toBeNull();
    } finally {
      window.location.hash = '';
    }
  });

  it('explains each SAMM answer with its source and rationale', async () => {
    await renderTab(mockApi(async () => emptyRecord, { getEntityScore: jest.fn(async () => score) }));
    await openPractice(/Threat Assessment 1.50/);
    expect(await screen.findByText('Intake recorded the risk profile')).toBeInTheDocument();
    expect(screen.getByText('evidence · 1')).toBeInTheDocument();
    expect(screen.getByText('0.40')).toBeInTheDocument();
  }); // prettier-ignore

  it('says which answers were derived from tools, with their dated rationale and link', async () => {
    const fromTools: EntityScore = {
      ...score,
      activities: [
        ...score.activities,
        {
          id: 'V-ST-1-A',
          value: 1,
          source: 'evidence',
          rationale: 'CodeQL scanned it; latest results from 2026-11-30.',
          links: [{ title: 'SARIF results of 2026-11-30', url: 'https://ci.example.com/runs/7' }],
          ruleId: 'samm-signals:V-ST-1-A',
        },
      ],
    };
    await renderTab(mockApi(async () => emptyRecord, { getEntityScore: jest.fn(async () => fromTools) }));
    await openPractice(/Security Testing/);
    expect(await screen.findByText(/CodeQL scanned it; latest results from 2026-11-30/)).toBeInTheDocument();
    expect(screen.getByText('from tools')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /SARIF results of 2026-11-30/ })).toHaveAttribute('href', 'https://ci.example.com/runs/7');
    // Record-derived answers carry no such mark.
    await openPractice(/Threat Assessment/);
    expect(screen.getAllByText('from tools')).toHaveLength(1);
  }); // prettier-ignore

  it('offers no questionnaire to people who may not edit', async () => {
    await renderTab(mockApi(async () => emptyRecord, { getEntityScore: jest.fn(async () => score) }));
    await openPractice(/Education & Guidance/);
    expect(await screen.findByText(/No evidence rule applies/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save answer' })).toBeNull();
  }); // prettier-ignore

  it('shows a conflict instead of overwriting a newer answer', async () => {
    const api = mockApi(async () => editable, {
      getEntityScore: jest.fn(async () => score),
      putAssessmentAnswer: jest.fn(async () => {
        throw await responseError(409, 'Conflict', 'ConflictError',
          'Answer G-EG-1-A was changed by user:default/mei.chen (now version 2); reload and try again');
      }),
    }); // prettier-ignore
    await renderTab(api);
    await openPractice(/Education & Guidance/);
    await userEvent.click(screen.getByRole('button', { name: /Your answer for G-EG-1-A/ }));
    await userEvent.click(await screen.findByRole('option', { name: /for most or all/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    expect(await screen.findByText(/changed by user:default\/mei.chen/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  }); // prettier-ignore
});
