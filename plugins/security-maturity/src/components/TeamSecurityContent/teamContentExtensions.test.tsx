import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { isoDayBefore } from '@secmat/backstage-plugin-security-maturity-common';
import plugin, { securityMaturityTeamEntityContent } from '../../alpha';
import { securityMaturityApiRef } from '../../api';
import { EntitySecurityMaturityTeamContent } from '../../plugin';
import { componentPage, overview } from '../../__testUtils__/org';
import {
  emptyRecord,
  entity as component,
  mockApi,
} from '../../__testUtils__/records';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
};

const api = () =>
  mockApi(async () => emptyRecord, {
    getOrgUnitOverview: jest.fn(async () => overview),
    listOrgUnitComponents: jest.fn(async () => componentPage()),
  });

describe('the team Security tab in both frontend systems', () => {
  it('is the legacy EntitySecurityMaturityTeamContent', async () => {
    const teamApi = api();
    await renderInTestApp(
      <TestApiProvider apis={[[securityMaturityApiRef, teamApi]]}>
        <EntityProvider entity={group}>
          <EntitySecurityMaturityTeamContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByLabelText('Components')).toHaveTextContent('3');
    expect(teamApi.getOrgUnitOverview).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'payments-team' },
      { withinDays: 30, since: isoDayBefore(90) },
    );
  });

  it('is an entity content of the new frontend system on group pages', async () => {
    expect(
      plugin.getExtension('entity-content:security-maturity/team'),
    ).toBeDefined();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: group }),
        securityMaturityTeamEntityContent,
      ],
      apis: [[securityMaturityApiRef, api()]],
    });
    expect(await screen.findByLabelText('Components')).toHaveTextContent('3');
    expect(
      screen.getByRole('table', { name: 'Practice scores by group' }),
    ).toBeInTheDocument();
  });

  it('is not offered on component pages, which have their own Security tab', async () => {
    const teamApi = api();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: component }),
        securityMaturityTeamEntityContent,
      ],
      apis: [[securityMaturityApiRef, teamApi]],
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(teamApi.getOrgUnitOverview).not.toHaveBeenCalled();
    expect(screen.queryByLabelText('Components')).toBeNull();
  });
});
