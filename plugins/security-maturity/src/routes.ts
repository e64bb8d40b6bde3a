import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The org-wide Security maturity page. One ref for both frontend systems: the
 * new one accepts this legacy ref, so links to the page resolve the same in
 * either app.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'security-maturity' });

/**
 * "My security tasks": what the signed-in person owes. One ref for both
 * frontend systems, like the org page's.
 *
 * @public
 */
export const tasksRouteRef = createRouteRef({ id: 'security-maturity-tasks' });
