import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
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

/** The zod the registry hands to schema functions. */
export type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** An action's input: the entity, and the fields of the action. */
export const entityInput = <T extends Parameters<Zod['object']>[0]>(
  z: Zod,
  shape: T,
) =>
  z.object({
    entityRef: z.string().describe(ENTITY_REF_DESCRIPTION),
    ...shape,
  });

/** What the registry says of the actions: reads, and versioned changes. */
export const READS = { readOnly: true, idempotent: true };
export const CHANGES = { destructive: false, idempotent: false };
