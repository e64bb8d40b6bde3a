import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { EntityPath } from '../access/AccessControl';

/** How the actions name an entity: a ref, kind `component` when left out. */
export const ENTITY_REF_DESCRIPTION =
  'The catalog entity, as an entity ref such as component:default/payments-api (kind and namespace may be left out: payments-api)';

/** The entity an action's `entityRef` names. */
export function entityPathOf(entityRef: string): EntityPath {
  try {
    const { kind, namespace, name } = parseEntityRef(entityRef, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return { kind, namespace, name };
  } catch {
    throw new InputError(`'${entityRef}' is not an entity ref`);
  }
}
