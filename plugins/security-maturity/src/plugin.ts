import {
  createApiFactory,
  createPlugin,
  createComponentExtension,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createCardExtension } from '@backstage/plugin-home-react';
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from './api';
import { rootRouteRef, tasksRouteRef } from './routes';

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
  routes: { root: rootRouteRef, tasks: tasksRouteRef },
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
 * The Security tab for a Group, System or Domain entity page (legacy
 * frontend system): the team view of the components below it. Mount it in
 * an `EntityLayout.Route` of those pages.
 *
 * @public
 */
export const EntitySecurityMaturityTeamContent = securityMaturityPlugin.provide(
  createComponentExtension({
    name: 'EntitySecurityMaturityTeamContent',
    component: {
      lazy: () =>
        import('./components/TeamSecurityContent').then(
          m => m.EntityTeamSecurityContent,
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

/**
 * "My security tasks" (legacy frontend system): what the signed-in person
 * owes. Mount it on a route, e.g. `/security-tasks`.
 *
 * @public
 */
export const SecurityTasksPage = securityMaturityPlugin.provide(
  createRoutableExtension({
    name: 'SecurityTasksPage',
    component: () =>
      import('./components/Tasks').then(m => m.MySecurityTasksPage),
    mountPoint: tasksRouteRef,
  }),
);

/**
 * The home page card of "My security tasks" (legacy frontend system), for
 * `@backstage/plugin-home`'s home page or custom grid.
 *
 * @public
 */
export const SecurityTasksHomeCard = securityMaturityPlugin.provide(
  createCardExtension({
    name: 'SecurityTasksHomeCard',
    title: 'My security tasks',
    description:
      'Exception approvals, sign-offs, expiring exceptions, containment and components waiting for you',
    components: () =>
      import('./components/Tasks').then(m => ({
        Content: m.SecurityTasksCardContent,
      })),
  }),
);
