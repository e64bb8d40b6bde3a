import {
  normalizeEntityRef,
  ORG_FILTER_KEYS,
  OrgComponentQuery,
  OrgFilter,
  OrgUnitComponentQuery,
} from '@secmat/backstage-plugin-security-maturity-common';
import { OrgPage, ResolvedFilter } from '../database/org/OrgReadModel';
import { OrgStructure, OrgUnit } from './OrgStructure';

export type { ResolvedFilter };

/**
 * The filter fields of a query: trimmed, blank ones left out, anything else
 * ignored. Fields come in the order of the shared filter keys.
 */
export function readFilter(
  query: Readonly<Partial<Record<keyof OrgFilter, unknown>>>,
): OrgFilter {
  const out: OrgFilter = {};
  for (const key of ORG_FILTER_KEYS) {
    const value = query[key];
    if (typeof value === 'string' && value.trim() !== '') {
      out[key] = value.trim();
    }
  }
  return out;
}

/**
 * The filter of an org unit's team view: the unit as owner (a group), system
 * or domain, and the query's value filters; an owner, system or domain in the
 * query is ignored, the unit decides those.
 */
export function unitFilter(
  unit: OrgUnit,
  query: OrgUnitComponentQuery = {},
): OrgFilter {
  const { tier, lifecycle, type, q } = query;
  const key = unit.kind === 'group' ? 'owner' : unit.kind;
  return { ...readFilter({ tier, lifecycle, type, q }), [key]: unit.ref };
}

/**
 * Resolves an owner group to itself and its nested groups (a user stays
 * itself), and a domain to its systems: an unknown domain matches nothing,
 * and a system outside the domain neither. Refs and the search text are
 * compared lower-cased, as the score rows hold them.
 */
export function resolveFilter(
  filter: OrgFilter,
  org: OrgStructure,
): ResolvedFilter {
  const out: ResolvedFilter = {};
  if (filter.owner) {
    const owner = normalizeEntityRef(filter.owner);
    out.owners = owner.startsWith('group:')
      ? org.descendantsOrSelf(owner)
      : [owner];
  }
  if (filter.system) out.systems = [normalizeEntityRef(filter.system)];
  if (filter.domain) {
    const inDomain = org.systemsOfDomain(filter.domain);
    out.systems = out.systems
      ? out.systems.filter(s => inDomain.includes(s))
      : inDomain;
  }
  if (filter.tier) out.tier = filter.tier;
  if (filter.lifecycle) out.lifecycle = filter.lifecycle;
  if (filter.type) out.type = filter.type;
  if (filter.q) out.q = normalizeEntityRef(filter.q);
  return out;
}

/**
 * Paging and sorting with their defaults: by overall score, ascending, 50
 * from the first. The API's schema has checked the values.
 */
export function toPage(query: OrgComponentQuery): OrgPage {
  return {
    sort: query.sort ?? 'overall',
    order: query.order === 'desc' ? 'desc' : 'asc',
    limit: Number(query.limit ?? 50),
    offset: Number(query.offset ?? 0),
  };
}
