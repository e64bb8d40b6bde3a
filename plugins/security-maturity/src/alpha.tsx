import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import SecurityIcon from '@material-ui/icons/Security';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from './api';
import { rootRouteRef, tasksRouteRef } from './routes';

/** The backend client as a utility API. @alpha */
export const securityMaturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: securityMaturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecurityMaturityClient({ discoveryApi, fetchApi }),
    }),
});

/** The Security tab on every Component's entity page. @alpha */
export const securityMaturityEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/security',
    title: 'Security',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntitySecurityContent').then(m => (
        <m.EntitySecurityContent />
      )),
  },
});

/**
 * The Security tab on Group, System and Domain entity pages: the team view of
 * the components below them. @alpha
 */
export const securityMaturityTeamEntityContent = EntityContentBlueprint.make({
  name: 'team',
  params: {
    path: '/security',
    title: 'Security',
    filter: { kind: { $in: ['group', 'system', 'domain'] } },
    loader: () =>
      import('./components/TeamSecurityContent').then(m => (
        <m.EntityTeamSecurityContent />
      )),
  },
});

/** The summary card on a Component's overview page. @alpha */
export const securityMaturityEntityCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/SummaryCard').then(m => (
        <m.EntitySecuritySummaryCard />
      )),
  },
});

/**
 * The org-wide Security maturity page for security leads, at
 * `/security-maturity`, with a sidebar item. @alpha
 */
export const securityMaturityPage = PageBlueprint.make({
  params: {
    path: '/security-maturity',
    title: 'Security maturity',
    icon: <SecurityIcon />,
    routeRef: rootRouteRef,
    // The page brings its own header with the export action.
    noHeader: true,
    loader: () =>
      import('./components/OrgPage').then(m => <m.SecurityMaturityPage />),
  },
});

/**
 * "My security tasks" at `/security-tasks`, with a sidebar item: what the
 * signed-in person owes. @alpha
 */
export const securityMaturityTasksPage = PageBlueprint.make({
  name: 'tasks',
  params: {
    path: '/security-tasks',
    title: 'My security tasks',
    icon: <AssignmentTurnedInIcon />,
    routeRef: tasksRouteRef,
    // The page brings its own header, as the org page does.
    noHeader: true,
    loader: () =>
      import('./components/Tasks').then(m => <m.MySecurityTasksPage />),
  },
});

/**
 * The home page card of "My security tasks", offered to the home page's
 * grid (`page:home`); place it with the home page's `defaultConfig`
 * (component `MySecurityTasks`). @alpha
 */
export const securityMaturityTasksHomeWidget = HomePageWidgetBlueprint.make({
  name: 'tasks',
  params: {
    name: 'MySecurityTasks',
    title: 'My security tasks',
    description:
      'Exception approvals, sign-offs, expiring exceptions, containment and components waiting for you',
    layout: {
      width: { defaultColumns: 6, minColumns: 4 },
      height: { defaultRows: 6, minRows: 4 },
    },
    components: () =>
      import('./components/Tasks').then(m => ({
        Content: m.SecurityTasksCardContent,
      })),
  },
});

/**
 * The security-maturity plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'security-maturity',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, tasks: tasksRouteRef },
  extensions: [
    securityMaturityApi,
    securityMaturityEntityContent,
    securityMaturityTeamEntityContent,
    securityMaturityEntityCard,
    securityMaturityPage,
    securityMaturityTasksPage,
    securityMaturityTasksHomeWidget,
  ],
});
