import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { SecurityMaturityRecord } from '../types';
import { SecurityMaturityApi } from './SecurityMaturityApi';

/** The plugin ID, which is also the backend's discovery key. @public */
export const SECURITY_MATURITY_PLUGIN_ID = 'security-maturity';

/**
 * HTTP client of the security-maturity backend. Works in the browser (with the
 * frontend's discovery and fetch APIs) and in Node.
 *
 * @public
 */
export class SecurityMaturityClient implements SecurityMaturityApi {
  readonly #discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  readonly #fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  async getEntityRecord(
    entity: CompoundEntityRef,
  ): Promise<SecurityMaturityRecord> {
    return this.#get(
      `/entities/${encodeURIComponent(entity.kind)}/${encodeURIComponent(
        entity.namespace,
      )}/${encodeURIComponent(entity.name)}`,
    );
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(
      SECURITY_MATURITY_PLUGIN_ID,
    );
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
