import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  OrgSort,
  OrgUnitComponentQuery,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useOrgUnitComponents } from '../../hooks/useOrgData';
import { ComponentsTable } from '../OrgPage/ComponentsTable';
import { PAGE_SIZE } from '../OrgPage/useOrgFilter';

/**
 * The components below a group, system or domain, lowest score first, sorted
 * and paged by the backend. The sort and page stay in the tab: the entity
 * page's URL belongs to the catalog.
 */
export function TeamComponents(props: { unit: CompoundEntityRef }) {
  const [query, setQuery] = useState<OrgUnitComponentQuery>({
    sort: 'overall',
    order: 'asc',
    limit: PAGE_SIZE,
    offset: 0,
  });
  const page = useOrgUnitComponents(props.unit, query);
  if (page.error) return <ResponseErrorPanel error={page.error} />;
  if (!page.value) return <Progress />;
  return (
    <ComponentsTable
      page={page.value}
      query={query}
      onSort={(sort: OrgSort, order: 'asc' | 'desc') =>
        setQuery(q => ({ ...q, sort, order, offset: 0 }))
      }
      onPage={p => setQuery(q => ({ ...q, offset: p * PAGE_SIZE }))}
    />
  );
}
