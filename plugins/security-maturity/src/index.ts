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
  EntitySecurityMaturityCard,
  SecurityMaturityPage,
} from './plugin';
export { rootRouteRef as securityMaturityRouteRef } from './routes';
export { securityMaturityApiRef } from './api';
