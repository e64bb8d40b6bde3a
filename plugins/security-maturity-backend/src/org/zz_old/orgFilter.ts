import { InputError } from '@backstage/errors';
import {
  OrgComponentQuery,
  OrgFilter,
  OrgSort,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { OrgStructure } from '../OrgStructure';

/** A filter with its owner group and domain resolved to score-row values. */
export type ResolvedFilter = {
  owners?: string[];
  systems?: string[];
  tier?: string;
  lifecycle?: string;
  type?: string;
  q?: string;
};

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** Reads the filter fields of a query string; unknown fields are ignored. */
export function readFilter(query: Record<string, unknown>): OrgFilter {
  const out: OrgFilter = {};
  for (const key of [
    'owner',
    'system',
    'domain',
    'tier',
    'lifecycle',
    'type',
    'q',
  ] as const) {
    const value = query[key];
    if (typeof value === 'string' && value.trim() !== '') {
      out[key] = value.trim();
    }
  }
  return out;
}

/**
 * Resolves an owner group to itself and its nested groups, and a domain to its
 * systems (an unknown domain matches nothing).
 */
export function resolveFilter(
  filter: OrgFilter,
  org: OrgStructure,
): ResolvedFilter {
  const out: ResolvedFilter = {};
  if (filter.owner) {
    const owner = lower(filter.owner);
    out.owners = owner.startsWith('group:')
      ? org.descendantsOrSelf(owner)
      : [owner];
  }
  if (filter.system) out.systems = [lower(filter.system)];
  if (filter.domain) {
    const inDomain = org.systemsOfDomain(filter.domain);
    out.systems = out.systems
      ? out.systems.filter(s => inDomain.includes(s))
      : inDomain;
  }
  if (filter.tier) out.tier = filter.tier;
  if (filter.lifecycle) out.lifecycle = filter.lifecycle;
  if (filter.type) out.type = filter.type;
  if (filter.q) out.q = lower(filter.q);
  return out;
}

/** Applies the filter to a query over entity_scores aliased as `e`. */
export function applyFilter(q: Knex.QueryBuilder, f: ResolvedFilter) {
  q.where('e.kind', 'component');
  if (f.owners) q.whereIn('e.owner_ref', f.owners);
  if (f.systems) q.whereIn('e.system_ref', f.systems);
  if (f.tier) q.where('e.tier', f.tier);
  if (f.lifecycle) q.where('e.lifecycle', f.lifecycle);
  if (f.type) q.where('e.type', f.type);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, c => `\\${c}`)}%`;
    q.whereRaw(`?? LIKE ? ESCAPE '\\'`, ['e.entity_ref', pattern]);
  }
  return q;
}

// The columns of each sort; only percent_to_target may be null.
const SORTS: Record<OrgSort, string[]> = {
  overall: ['overall'],
  percentToTarget: ['percent_to_target'],
  name: ['entity_ref'],
  openGates: ['(gates_required - gates_cleared)'],
  exceptions: ['exceptions_expired', 'exceptions_open'],
};

/** Reads and checks paging and sorting; bad values are a 400. */
export function readPaging(
  query: Record<string, unknown>,
): Required<Pick<OrgComponentQuery, 'sort' | 'order' | 'limit' | 'offset'>> {
  const sort = (query.sort ?? 'overall') as OrgSort;
  if (!(sort in SORTS)) {
    throw new InputError(
      `sort must be one of ${Object.keys(SORTS).join(', ')}`,
    );
  }
  const order = query.order === 'desc' ? 'desc' : 'asc';
  const limit = Number(query.limit ?? 50);
  const offset = Number(query.offset ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new InputError('limit must be an integer from 1 to 500');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InputError('offset must be a non-negative integer');
  }
  return { sort, order, limit, offset };
}

/**
 * ORDER BY for a sort, nulls last in both directions, then by ref. Columns are
 * qualified with the query's alias (`e` for entity_scores).
 */
export function applySort(
  q: Knex.QueryBuilder,
  sort: OrgSort,
  order: 'asc' | 'desc',
  alias = 'e',
) {
  for (const column of SORTS[sort]) {
    // Columns come from the fixed table above, never from the request.
    const qualified = column.replace(/[a-z_]+/g, c => `${alias}.${c}`);
    q.orderByRaw(
      `${qualified} ${order}${
        column === 'percent_to_target' ? ' NULLS LAST' : ''
      }`,
    );
  }
  return q.orderBy(`${alias}.entity_ref`, 'asc');
}
