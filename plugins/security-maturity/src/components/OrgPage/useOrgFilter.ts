import {
  ORG_FILTER_KEYS,
  ORG_SORTS,
  OrgComponentQuery,
  OrgFilter,
  OrgSort,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZE = 25;

/**
 * The page's filters, sort and page number, kept in the URL query string so a
 * link or a reload shows the same view.
 */
export function useOrgFilter() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const out: OrgFilter = {};
    for (const key of ORG_FILTER_KEYS) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params]);
  const sortParam = params.get('sort') as OrgSort | null;
  const query: OrgComponentQuery = {
    ...filter,
    sort: sortParam && ORG_SORTS.includes(sortParam) ? sortParam : 'overall',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    limit: PAGE_SIZE,
    offset: Math.max(0, Number(params.get('page') ?? 0) || 0) * PAGE_SIZE,
  };

  const update = useCallback(
    (changes: Record<string, string | undefined>, keepPage = false) => {
      setParams(
        current => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          // A new filter or sort starts again at the first page.
          if (!keepPage) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  return {
    filter,
    query,
    setFilter: (key: keyof OrgFilter, value?: string) =>
      update({ [key]: value }),
    setSort: (sort: OrgSort, order: 'asc' | 'desc') => update({ sort, order }),
    setPage: (page: number) =>
      update({ page: page > 0 ? String(page) : undefined }, true),
    clear: () =>
      update(Object.fromEntries(ORG_FILTER_KEYS.map(k => [k, undefined]))),
  };
}
