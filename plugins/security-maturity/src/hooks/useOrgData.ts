import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  OrgComponentQuery,
  OrgFilter,
  OrgUnitComponentQuery,
} from '@secmat/backstage-plugin-security-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { securityMaturityApiRef } from '../api';

const key = (value: object) => JSON.stringify(value);

/** The filter choices: groups, systems, domains, tiers, lifecycles, types. */
export function useFacets() {
  const api = useApi(securityMaturityApiRef);
  return useAsync(() => api.getOrgFacets(), [api]);
}

/** The overview's options: `since` only when a day is chosen. */
const overviewOptions = (withinDays: number, since?: string) => ({
  withinDays,
  ...(since ? { since } : {}),
});

/**
 * Rollups, heatmap and panels of the filtered org, with the progress since
 * a day when one is chosen; refetched on change.
 */
export function useOverview(
  filter: OrgFilter,
  withinDays: number,
  since?: string,
) {
  const api = useApi(securityMaturityApiRef);
  return useAsync(
    () => api.getOrgOverview(filter, overviewOptions(withinDays, since)),
    [api, key(filter), withinDays, since],
  );
}

/** One page of components, sorted and paged on the server. */
export function useComponentPage(query: OrgComponentQuery) {
  const api = useApi(securityMaturityApiRef);
  return useAsync(() => api.listOrgComponents(query), [api, key(query)]);
}

/** The daily mean scores of the filtered components. */
export function useTrend(filter: OrgFilter) {
  const api = useApi(securityMaturityApiRef);
  return useAsync(
    () => api.getOrgTrend(filter, { days: 180 }),
    [api, key(filter)],
  );
}

/** The team view of a group, system or domain; refetched on change. */
export function useOrgUnitOverview(
  unit: CompoundEntityRef,
  withinDays: number,
  since?: string,
) {
  const api = useApi(securityMaturityApiRef);
  return useAsync(
    () => api.getOrgUnitOverview(unit, overviewOptions(withinDays, since)),
    [api, key(unit), withinDays, since],
  );
}

/** One page of the components below a group, system or domain. */
export function useOrgUnitComponents(
  unit: CompoundEntityRef,
  query: OrgUnitComponentQuery,
) {
  const api = useApi(securityMaturityApiRef);
  return useAsync(
    () => api.listOrgUnitComponents(unit, query),
    [api, key(unit), key(query)],
  );
}
