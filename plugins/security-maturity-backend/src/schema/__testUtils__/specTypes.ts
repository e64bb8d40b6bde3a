import { internal } from '@backstage/backend-openapi-utils';
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { spec } from '../openapi.generated';

/** The spec's types, shared by the contract checks. */
export type Spec = typeof spec;
export type Paths = Spec['paths'];
export type Path = internal.DocPath<Spec>;
export type Client = SecurityMaturityClient;

export type OperationIdOf<
  P extends Path,
  M extends keyof Paths[P],
> = Paths[P][M] extends { operationId: infer O extends string } ? O : never;

/** Every operationId of the spec. */
export type OperationId = {
  [P in Path]: { [M in keyof Paths[P]]: OperationIdOf<P, M> }[keyof Paths[P]];
}[Path];
