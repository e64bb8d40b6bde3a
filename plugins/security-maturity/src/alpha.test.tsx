import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import plugin, {
  securityMaturityEntityCard,
  securityMaturityEntityContent,
} from './alpha';
import { securityMaturityApiRef } from './api';
import { emptyRecord, entity, mockApi } from './__testUtils__/records';

// New frontend system: the plugin that package discovery installs from './alpha'.
describe('security-maturity plugin (new frontend system)', () => {
  it('is the default export with the Security tab and the API', () => {
    expect(plugin.id).toBe('security-maturity');
    expect(
      plugin.getExtension('entity-content:security-maturity'),
    ).toBeDefined();
    expect(plugin.getExtension('api:security-maturity')).toBeDefined();
    expect(
      plugin.getExtension('entity-card:security-maturity/summary'),
    ).toBeDefined();
  });

  it('renders the summary card on a component overview', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        securityMaturityEntityCard,
      ],
      apis: [[securityMaturityApiRef, mockApi(async () => emptyRecord)]],
    });
    expect(
      await screen.findByText('Not classified yet: intake decides the tier'),
    ).toBeInTheDocument();
    expect(screen.getByText('Stage gates cleared: 0 of 2')).toBeInTheDocument();
    expect(screen.getByText('SAMM score 0.00 of 3')).toBeInTheDocument();
  });

  it('renders the Security tab on a component page with the fetched record', async () => {
    const api = mockApi(async () => emptyRecord);
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity }),
        securityMaturityEntityContent,
      ],
      apis: [[securityMaturityApiRef, api]],
    });

    expect(await screen.findByText('Not classified')).toBeInTheDocument();
    expect(screen.getByText(/No exceptions\./)).toBeInTheDocument();
    expect(api.getEntityRecord).toHaveBeenCalledTimes(1);
  });
});
