import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as packageRoot from './index';
import {
  EntitySecurityMaturityCard,
  EntitySecurityMaturityContent,
  securityMaturityPlugin,
} from './plugin';
import { rootRouteRef, tasksRouteRef } from './routes';
import { emptyRecord, mockApi, responseError } from './__testUtils__/records';
import { renderTab as renderOnEntityPage } from './__testUtils__/renderTab';

// Legacy frontend system: the exports at '.' rendered in a legacy test app.
describe('legacy EntitySecurityMaturityContent', () => {
  const renderTab = (api: ReturnType<typeof mockApi>) =>
    renderOnEntityPage(api, <EntitySecurityMaturityContent />);

  it('renders the legacy summary card', async () => {
    await renderOnEntityPage(
      mockApi(async () => emptyRecord),
      <EntitySecurityMaturityCard />,
    );
    expect(await screen.findByText('Security maturity')).toBeInTheDocument();
    expect(screen.getByText('Open exceptions: 0')).toBeInTheDocument();
  });

  it('is provided by the legacy plugin and exported from the package root', () => {
    expect(securityMaturityPlugin.getId()).toBe('security-maturity');
    expect(securityMaturityPlugin.routes.root).toBe(rootRouteRef);
    expect(packageRoot.securityMaturityRouteRef).toBe(rootRouteRef);
    expect(Object.keys(packageRoot).sort()).toEqual([
      'EntitySecurityMaturityCard',
      'EntitySecurityMaturityContent',
      'EntitySecurityMaturityTeamContent',
      'SecurityMaturityPage',
      'SecurityTasksHomeCard',
      'SecurityTasksPage',
      'securityMaturityApiRef',
      'securityMaturityPlugin',
      'securityMaturityRouteRef',
      'securityTasksRouteRef',
    ]);
    expect(securityMaturityPlugin.routes.tasks).toBe(tasksRouteRef);
    expect(packageRoot.securityTasksRouteRef).toBe(tasksRouteRef);
  });

  it('fetches the record of the entity on the page and explains empty sections', async () => {
    const api = mockApi(async () => emptyRecord);
    await renderTab(api);

    expect(await screen.findByText('Not classified')).toBeInTheDocument();
    expect(api.getEntityRecord).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
    expect(
      screen.getByText('Every stage applies until intake sets the tier'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Threat modeling & requirements'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 of 2 activities have no Accountable'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('No Accountable for Threat modeling'),
    ).toBeInTheDocument();
    expect(screen.getByText('OWASP SAMM v2')).toBeInTheDocument();
    expect(screen.getByText('Never')).toBeInTheDocument();
  });

  it('shows who changed the record last', async () => {
    await renderTab(
      mockApi(async () => ({
        ...emptyRecord,
        version: 4,
        updatedAt: '2026-11-20T09:30:00.000Z',
        updatedBy: 'user:default/alex.rivera',
      })),
    );
    expect(await screen.findByText(/Last changed by/)).toBeInTheDocument();
    expect(screen.getByText('alex.rivera')).toBeInTheDocument();
  });

  it('counts cleared gates against the stages the tier requires', async () => {
    const meta = {
      version: 1,
      updatedAt: '2026-11-20T09:30:00.000Z',
      updatedBy: 'user:default/alex.rivera',
    };
    const stage = (
      stageId: string,
      status: 'passed' | 'waived' | 'in_progress',
    ) => ({ ...meta, stageId, status, checklist: [] });
    await renderTab(
      mockApi(async () => ({
        ...emptyRecord,
        intake: {
          ...meta,
          dataClassification: 'internal',
          newIntegrations: false,
          authFlowChanges: false,
          internetExposure: false,
          regulatoryObligations: [],
          tier: '3',
          tierReason: 'No elevated risk factor',
        },
        requiredStageIds: ['intake', 'implementation', 'launch'],
        stages: [
          stage('intake', 'passed'),
          stage('implementation', 'waived'),
          stage('launch', 'in_progress'),
          stage('design', 'passed'),
        ],
      })),
    );
    expect(await screen.findByText('2 of 3')).toBeInTheDocument();
    expect(
      screen.getByText(/No elevated risk factor; classified by/),
    ).toBeInTheDocument();
  });

  it('says so when the backend does not know the entity', async () => {
    await renderTab(
      mockApi(async () => {
        throw await responseError(
          404,
          'Not Found',
          'NotFoundError',
          'Entity component:default/payments-api was not found',
        );
      }),
    );
    expect(
      await screen.findByText(/No security record for this entity/),
    ).toBeInTheDocument();
  });

  it('shows the error and offers a retry when the backend fails', async () => {
    const api = mockApi(async () => {
      throw new Error('Backend unavailable');
    });
    await renderTab(api);
    expect(
      (await screen.findAllByText(/Backend unavailable/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(api.getEntityRecord).toHaveBeenCalledTimes(2));
  });
});
