/**
 * Security tab, overview card and org-wide scorecard of Security maturity for
 * Backstage. This entry point serves the legacy frontend system; the new
 * frontend system uses the default export of `./alpha`.
 *
 * @packageDocumentation
 */

export {
  securityMaturityPlugin,
  EntitySecurityMaturityContent,
  EntitySecurityMaturityTeamContent,
  EntitySecurityMaturityCard,
  SecurityMaturityPage,
  SecurityTasksPage,
  SecurityTasksHomeCard,
} from './plugin';
export {
  rootRouteRef as securityMaturityRouteRef,
  tasksRouteRef as securityTasksRouteRef,
} from './routes';
export { securityMaturityApiRef } from './api';
