import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The org-wide Security maturity page (legacy frontend system).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'security-maturity' });
