import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { securityMaturityApiRef } from '../api';
import { EntitySecurityContent } from '../components/EntitySecurityContent';
import { entity, mockApi } from './records';

/**
 * The Security tab of the demo component in a legacy test app; `content` is
 * another view of the same entity, e.g. the legacy extension or the card.
 */
export function renderTab(
  api: ReturnType<typeof mockApi>,
  content: ReactElement = <EntitySecurityContent />,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[securityMaturityApiRef, api]]}>
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
