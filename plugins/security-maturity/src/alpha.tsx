import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import SecurityIcon from '@material-ui/icons/Security';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { securityMaturityApiRef } from './api';
import { rootRouteRef } from './routes';

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
 * The security-maturity plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'security-maturity',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    securityMaturityApi,
    securityMaturityEntityContent,
    securityMaturityEntityCard,
    securityMaturityPage,
  ],
});
