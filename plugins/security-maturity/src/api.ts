import { createApiRef } from '@backstage/core-plugin-api';
import { SecurityMaturityApi } from '@secmat/backstage-plugin-security-maturity-common';

/**
 * The security-maturity backend client, as a frontend utility API.
 *
 * @public
 */
export const securityMaturityApiRef = createApiRef<SecurityMaturityApi>({
  id: 'plugin.security-maturity.client',
});
