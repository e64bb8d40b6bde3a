import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { securityMaturityApiRef } from '../api';
import { EntitySecurityContent } from '../components/EntitySecurityContent';
import { entity, mockApi } from './records';

/** The Security tab of the demo component in a legacy test app. */
export function renderTab(api: ReturnType<typeof mockApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntitySecurityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
