import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The org-wide Security maturity page. One ref for both frontend systems: the
 * new one accepts this legacy ref, so links to the page resolve the same in
 * either app.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'security-maturity' });
