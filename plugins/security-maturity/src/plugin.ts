import {
  createApiFactory,
  createPlugin,
  createComponentExtension,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The security-maturity plugin for the legacy frontend system.
 *
 * @public
 */
export const securityMaturityPlugin = createPlugin({
  id: 'security-maturity',
  apis: [
    createApiFactory({
      api: securityMaturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecurityMaturityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The Security tab for an entity page (legacy frontend system). Mount it in an
 * `EntityLayout.Route`.
 *
 * @public
 */
export const EntitySecurityMaturityContent = securityMaturityPlugin.provide(
  createComponentExtension({
    name: 'EntitySecurityMaturityContent',
    component: {
      lazy: () =>
        import('./components/EntitySecurityContent').then(
          m => m.EntitySecurityContent,
        ),
    },
  }),
);

/**
 * A summary card for the entity's overview page (legacy frontend system).
 *
 * @public
 */
export const EntitySecurityMaturityCard = securityMaturityPlugin.provide(
  createComponentExtension({
    name: 'EntitySecurityMaturityCard',
    component: {
      lazy: () =>
        import('./components/SummaryCard').then(
          m => m.EntitySecuritySummaryCard,
        ),
    },
  }),
);

/**
 * The org-wide Security maturity page for security leads (legacy frontend
 * system). Mount it on a route, e.g. `/security-maturity`.
 *
 * @public
 */
export const SecurityMaturityPage = securityMaturityPlugin.provide(
  createRoutableExtension({
    name: 'SecurityMaturityPage',
    component: () =>
      import('./components/OrgPage').then(m => m.SecurityMaturityPage),
    mountPoint: rootRouteRef,
  }),
);
