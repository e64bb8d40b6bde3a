import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { RecordsStore } from '../../database/records/RecordsStore';
import {
  RecordsTransaction,
  WrittenChange,
} from '../../database/records/RecordsTransaction';
import { EntityAccess } from '../../access/AccessControl';
import { EvidenceStore } from '../../database/evidence/EvidenceStore';
import { EvidenceSettings } from '../../evidence/settings';
import { SignOffSeparation } from '../../domain/stageRules';

/** What the record operations need besides the caller's access. */
export type RecordContext = {
  records: RecordsStore;
  workflow: WorkflowConfig;
  catalog: CatalogService;
  /** The time changes are recorded at: now, except when the demo replays its year. */
  clock: () => Date;
  /** `securityMaturity.signOff.separation`; strict when not given. */
  signOffSeparation?: SignOffSeparation;
  /**
   * Collects what one operation wrote (its history rows), once its
   * transaction has run, so the moments can be announced after it commits.
   */
  written?: WrittenChange[];
  /** Signals from tools and the files CI pushes, where set up. */
  evidence?: { store: EvidenceStore; settings: EvidenceSettings };
};

/** One change to the entity's records, by the caller, at the context's time. */
export function change<T>(
  ctx: RecordContext,
  access: EntityAccess,
  fn: (tx: RecordsTransaction) => Promise<T>,
): Promise<T> {
  return ctx.records.mutate(
    access.entityRef,
    access.actor,
    async tx => {
      const result = await fn(tx);
      ctx.written?.push(...tx.written);
      return result;
    },
    ctx.clock(),
  );
}

/**
 * Checks that every ref names a User or Group in the catalog (one batched
 * lookup, with the caller's credentials) and returns them normalized.
 */
export async function resolvePeopleRefs(
  ctx: RecordContext,
  credentials: BackstageCredentials,
  refs: string[],
  field: string,
): Promise<string[]> {
  const normalized = refs.map(ref => {
    let parsed;
    try {
      parsed = parseEntityRef(ref);
    } catch {
      throw new InputError(`${field}: '${ref}' is not an entity ref`);
    }
    const kind = parsed.kind.toLocaleLowerCase('en-US');
    if (kind !== 'user' && kind !== 'group') {
      throw new InputError(`${field}: '${ref}' must be a user or a group`);
    }
    return stringifyEntityRef(parsed);
  });
  const unique = [...new Set(normalized)];
  if (unique.length === 0) {
    return [];
  }
  const { items } = await ctx.catalog.getEntitiesByRefs(
    {
      entityRefs: unique,
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  const missing = unique.filter((_, i) => !items[i]);
  if (missing.length > 0) {
    throw new InputError(`${field}: not in the catalog: ${missing.join(', ')}`);
  }
  return normalized;
}
