import { useApi } from '@backstage/core-plugin-api';
import {
  SecurityTaskList,
  SecurityTaskPage,
} from '@secmat/backstage-plugin-security-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { securityMaturityApiRef } from '../api';

/** The first `limit` tasks of every list, with the lists' totals. */
export function useSecurityTasks(limit: number) {
  const api = useApi(securityMaturityApiRef);
  return useAsyncRetry(() => api.getSecurityTasks({ limit }), [api, limit]);
}

/**
 * A later page of one list, read from the server; nothing to read for the
 * first page, which comes with every list's first page.
 */
export function useSecurityTaskPage<L extends SecurityTaskList>(
  list: L,
  limit: number,
  offset: number,
) {
  const api = useApi(securityMaturityApiRef);
  return useAsync(
    async (): Promise<SecurityTaskPage<L> | undefined> =>
      offset === 0 ? undefined : api.listSecurityTasks(list, { limit, offset }),
    [api, list, limit, offset],
  );
}
