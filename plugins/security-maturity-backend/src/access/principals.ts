import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';

/** Which principal types an operation takes. */
export type Principals = Array<'user' | 'service'>;

/**
 * Refuses principals the operation does not take, as httpAuth would: the
 * services check credentials themselves, because actions and scheduled tasks
 * reach them without a route.
 */
export function assertPrincipal(
  credentials: BackstageCredentials,
  allow: Principals,
) {
  const type = (credentials.principal as { type: string }).type;
  if (type === 'none') {
    throw new AuthenticationError('Missing credentials');
  }
  if (!allow.includes(type as 'user' | 'service')) {
    throw new NotAllowedError(
      `This operation does not allow '${type}' credentials`,
    );
  }
}
