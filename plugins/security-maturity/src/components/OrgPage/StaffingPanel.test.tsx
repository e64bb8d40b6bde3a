import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CapacityView,
  StaffingPreview,
} from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from '../../api';
import { emptyRecord, mockApi } from '../../__testUtils__/records';
import { StaffingPanel } from './StaffingPanel';

const view: CapacityView = {
  quarter: '2026-Q4',
  unit: 'components',
  hoursPerComponent: 40,
  partners: [
    {
      ref: 'user:default/priya.nair',
      team: 'group:default/security-leads',
      capacity: 10,
      capacityVersion: 1,
      load: 13,
      components: 4,
      utilisation: 1.3,
      overAllocated: true,
    },
  ],
  withoutPartner: ['component:default/card-vault'],
  withoutAccountable: [],
  components: 4,
};

const after: CapacityView = {
  ...view,
  partners: [
    {
      ...view.partners[0],
      capacity: 25,
      utilisation: 0.52,
      overAllocated: false,
    },
  ],
};

const preview: StaffingPreview = {
  workbook: 'payments.xlsx',
  components: [
    {
      entityRef: 'component:default/payments-api',
      status: 'changes',
      changes: [
        {
          activityId: 'design-review',
          title: 'Security design review',
          kind: 'changed',
          version: 1,
          roles: [
            {
              role: 'accountable',
              added: ['user:default/sam.okafor'],
              removed: ['user:default/alex.rivera'],
            },
          ],
        },
      ],
      problems: [],
    },
    {
      entityRef: 'component:default/card-vault',
      status: 'refused',
      changes: [],
      problems: [
        {
          sheet: 'RASI',
          row: 7,
          column: 'Accountable',
          kind: 'unknown-ref',
          message: 'Not a user or group in the catalog: user:default/nobody',
          entityRef: 'component:default/card-vault',
        },
      ],
    },
  ],
  capacity: [
    {
      partnerRef: 'user:default/priya.nair',
      quarter: '2026-Q4',
      before: 10,
      after: 25,
      version: 1,
    },
  ],
  problems: [
    {
      sheet: 'RASI',
      row: 7,
      column: 'Accountable',
      kind: 'unknown-ref',
      message: 'Not a user or group in the catalog: user:default/nobody',
      entityRef: 'component:default/card-vault',
    },
  ],
  summary: {
    components: 2,
    componentsChanged: 1,
    componentsRefused: 1,
    assignmentChanges: 1,
    capacityChanges: 1,
    problems: 1,
  },
  before: view,
  after,
};

function render() {
  const api = mockApi(async () => emptyRecord, {
    getStaffingCapacity: jest.fn(async () => view),
    previewStaffingWorkbook: jest.fn(async () => preview),
    applyStaffingWorkbook: jest.fn(async () => ({
      workbook: 'payments.xlsx',
      applied: [
        { entityRef: 'component:default/payments-api', assignments: 1 },
      ],
      refused: [],
      capacity: preview.capacity,
      preview,
    })),
    putStaffingCapacity: jest.fn(async () => view.partners[0]),
  });
  return {
    api,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
        <StaffingPanel filter={{ owner: 'group:default/payments-team' }} />
      </TestApiProvider>,
    ),
  };
}

describe('StaffingPanel', () => {
  it('shows load against capacity, over-allocated partners and components without a partner', async () => {
    const { api } = render();
    const row = await screen.findByTestId('capacity-priya.nair');
    expect(within(row).getByText('Over-allocated')).toBeInTheDocument();
    expect(within(row).getByText('130%')).toBeInTheDocument();
    expect(screen.getByTestId('without-partner')).toHaveTextContent(
      'card-vault',
    );
    expect(api.getStaffingCapacity).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/payments-team' }),
    );
  });

  it('lets a lead set a capacity in place', async () => {
    const { api } = render();
    const row = await screen.findByTestId('capacity-priya.nair');
    fireEvent.click(
      within(row).getByRole('button', { name: /Set the capacity/ }),
    );
    fireEvent.change(within(row).getByLabelText(/Capacity of priya.nair/), {
      target: { value: '12' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.putStaffingCapacity).toHaveBeenCalledWith({
        partnerRef: 'user:default/priya.nair',
        quarter: expect.stringMatching(/^\d{4}-Q[1-4]$/),
        capacity: 12,
        version: 1,
      }),
    );
  });

  it('previews an uploaded workbook, with problems and the effect on capacity, and applies it', async () => {
    const { api } = render();
    await screen.findByTestId('capacity-priya.nair');
    const file = new File(['xlsx'], 'payments.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(screen.getByLabelText('Staffing workbook to import'), {
      target: { files: [file] },
    });
    const shown = await screen.findByTestId('staffing-preview');
    expect(shown).toHaveTextContent(
      'Security design review (changed): accountable +sam.okafor −alex.rivera',
    );
    expect(shown).toHaveTextContent('priya.nair in 2026-Q4: 10 → 25');
    expect(
      within(
        screen.getByRole('table', { name: 'Problems of the workbook' }),
      ).getByText('Not a user or group in the catalog: user:default/nobody'),
    ).toBeInTheDocument();
    expect(within(shown).getByText('10 → 25')).toBeInTheDocument();
    expect(api.applyStaffingWorkbook).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    expect(
      await screen.findByText(/1 components written, 1 capacities set/),
    ).toBeInTheDocument();
    expect(api.applyStaffingWorkbook).toHaveBeenCalledWith(file, {
      name: 'payments.xlsx',
      quarter: expect.any(String),
    });
  });
});
