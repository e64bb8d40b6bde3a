import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** Links to a component's Security tab, through the catalog's entity route. */
export function useSecurityTabLink() {
  const entityRoute = useRouteRef(entityRouteRef);
  return (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return `${entityRoute({ kind, namespace, name })}/security`;
  };
}
