import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { EntityPath } from '../access/AccessControl';
import { Caller } from '../service/Caller';

/** The path under which an entity's routes live. */
export const ENTITY_PATH = '/entities/:kind/:namespace/:name';

/**
 * The caller of a request: its verified credentials (401 without), and the
 * request for the auditor. Which principals an operation takes is the
 * services' decision, the same for every entry point.
 */
export async function callerOf(
  httpAuth: HttpAuthService,
  request: Request<any, any, any, any, any>,
): Promise<Caller> {
  const credentials = await httpAuth.credentials(request, {
    allow: ['user', 'service'],
  });
  return { credentials, request };
}

/** The entity named by the path parameters. */
export const entityOf = (params: EntityPath): EntityPath => ({
  kind: params.kind,
  namespace: params.namespace,
  name: params.name,
});

/**
 * The caller and the entity of a request to an entity's routes, as the first
 * two arguments of every records-service operation.
 */
export const entityCaller =
  (httpAuth: HttpAuthService) =>
  async (
    request: Request<EntityPath, any, any, any, any>,
  ): Promise<[Caller, EntityPath]> =>
    [await callerOf(httpAuth, request), entityOf(request.params)];

/** Paging of the list routes; the spec bounds both values. */
export const pageOf = (query: { limit?: number; offset?: number }) => ({
  limit: Number(query.limit ?? 50),
  offset: Number(query.offset ?? 0),
});
