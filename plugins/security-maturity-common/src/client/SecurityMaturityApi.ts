import { CompoundEntityRef } from '@backstage/catalog-model';
import { SecurityMaturityRecord } from '../types';

/**
 * What the frontend and other tools can ask of the security-maturity backend.
 *
 * @public
 */
export interface SecurityMaturityApi {
  /** The whole security-maturity record of one catalog entity. */
  getEntityRecord(entity: CompoundEntityRef): Promise<SecurityMaturityRecord>;
}
