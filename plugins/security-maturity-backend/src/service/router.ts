import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SecurityMaturityRecord } from '@secmat/backstage-plugin-security-maturity-common';
import express from 'express';
import { SecurityMaturityStore } from '../database/SecurityMaturityStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { ScorerRegistry } from './ScorerRegistry';

/** @internal */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: SecurityMaturityStore;
  scorers: ScorerRegistry;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, store, scorers } = options;
  const router = await createOpenApiRouter();

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const requestedRef = stringifyEntityRef({ kind, namespace, name });
    // Looked up with the caller's own credentials, so the catalog's read rules
    // decide whether the caller may see this entity at all.
    const entity = await catalog.getEntityByRef(requestedRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`Entity ${requestedRef} was not found`);
    }
    const entityRef = stringifyEntityRef(entity);
    const header = await store.getRecordHeader(entityRef);
    const record: SecurityMaturityRecord = {
      entityRef,
      version: header?.version ?? 0,
      updatedAt: header?.updatedAt,
      updatedBy: header?.updatedBy,
      intake: null,
      stages: [],
      rasi: [],
      exceptions: [],
      worksheets: [],
      decisions: [],
      releases: [],
      scorers: scorers.describe(),
    };
    res.json(record);
  });

  router.get('/scorers', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: scorers.describe() });
  });

  return router;
}
