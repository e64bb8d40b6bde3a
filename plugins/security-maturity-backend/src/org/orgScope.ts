import { NotAllowedError } from '@backstage/errors';
import {
  normalizeEntityRef,
  OrgFilter,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ResolvedFilter } from '../database/org/OrgReadModel';
import { OrgStructure, OrgUnit } from './OrgStructure';

/**
 * Who reads an org view: a signed-in user, whether they are a security
 * lead, their own ref and groups, and what the permission policy grants them
 * beyond the plugin's own rules.
 */
export type OrgReader = {
  actor: string;
  isSecurityLead: boolean;
  /** The user's own ref and groups, lower-cased. */
  ownershipRefs: ReadonlySet<string>;
  /** The configured security lead groups, for telling others who may. */
  securityLeadGroups: string[];
  /** Whether the policy's conditional decision admits this unit. */
  grants(unit: OrgUnit): boolean;
};

/**
 * What the org page covers for its reader: everything (security leads), or
 * the groups a permission policy grants, with the top group of each subtree.
 */
export type OrgPageScope =
  | { wholeOrg: true }
  | { wholeOrg: false; groups: string[]; tops: string[] };

/**
 * The org page's scope. Security leads see the whole organisation. Anyone
 * else sees the groups the policy's conditional decision admits, and is
 * refused when it admits none: a plain ALLOW (such as the allow-all policy's)
 * does not open the org page to everyone.
 */
export function orgPageScope(
  reader: OrgReader,
  org: OrgStructure,
): OrgPageScope {
  if (reader.isSecurityLead) return { wholeOrg: true };
  const groups = [...org.groups.keys()].filter(ref => {
    const unit = org.unit(ref);
    return unit !== undefined && reader.grants(unit);
  });
  if (groups.length === 0) {
    throw new NotAllowedError(
      `The org-wide views are for security leads (members of ${
        reader.securityLeadGroups.join(', ') || 'no configured group'
      }). A permission policy may grant others the views of their own groups; your team's views are on the Security tab of its group page`,
    );
  }
  const granted = new Set(groups);
  const tops = groups.filter(ref => {
    const parent = org.groups.get(ref)?.parentRef;
    return !parent || !granted.has(parent);
  });
  return { wholeOrg: false, groups, tops };
}

/**
 * Narrows a resolved page filter to the scope. An owner filter outside the
 * granted groups is refused rather than answered with an empty page, so a
 * manager learns that the view is not theirs; other filters (a system, a
 * tier) only narrow the granted groups' components further.
 */
export function withinScope(
  filter: OrgFilter,
  resolved: ResolvedFilter,
  scope: OrgPageScope,
): ResolvedFilter {
  if (scope.wholeOrg) return resolved;
  const granted = new Set(scope.groups);
  if (filter.owner && !granted.has(normalizeEntityRef(filter.owner))) {
    throw new NotAllowedError(
      `Your org views cover ${scope.tops.join(
        ', ',
      )} and the groups below them, not ${filter.owner}`,
    );
  }
  return {
    ...resolved,
    owners: (resolved.owners ?? scope.groups).filter(o => granted.has(o)),
  };
}

/**
 * Whether the reader may see the team view of a group, system or domain:
 * security leads; members of the unit's lineage (the group or a group above
 * it; the system's or domain's owner or a group above that owner), so a
 * manager in a parent group sees the teams below; and whoever the policy
 * grants the unit. Everyone else is told who may.
 */
export function assertUnitReader(reader: OrgReader, unit: OrgUnit) {
  if (reader.isSecurityLead) return;
  if (unit.lineage.some(ref => reader.ownershipRefs.has(ref))) return;
  if (reader.grants(unit)) return;
  const who =
    unit.kind === 'group'
      ? `members of ${unit.ref} and of the groups above it`
      : `its owner${
          unit.lineage[0] ? ` (${unit.lineage[0]})` : ''
        }, members of the groups above that owner`;
  throw new NotAllowedError(
    `The Security tab of ${unit.title} is for ${who}, and for security leads`,
  );
}
