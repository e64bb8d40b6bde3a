import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { securityMaturityApiRef } from '../api';

/**
 * Everything the tab shows, loaded together: the record, the configured
 * workflow and the score. `retry` reloads all three after a change.
 */
export function useSecurityData() {
  const { entity } = useEntity();
  const api = useApi(securityMaturityApiRef);
  const ref = getCompoundEntityRef(entity);
  const state = useAsyncRetry(async () => {
    const [record, config, score] = await Promise.all([
      api.getEntityRecord(ref),
      api.getWorkflowConfig(),
      api.getEntityScore(ref),
    ]);
    return { record, config, score };
  }, [api, ref.kind, ref.namespace, ref.name]);
  return { ...state, api, entityRef: ref };
}
