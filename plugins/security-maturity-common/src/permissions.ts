import { createPermission } from '@backstage/plugin-permission-common';

// The plugin enforces its own fail-closed rules (catalog read access, ownership,
// security-lead membership). These permissions let admins tighten that further
// with a permission policy; a DENY always wins.

// Read and edit are resource permissions on the catalog entity, so a policy can
// use the catalog's conditions (for example isEntityOwner) on them.
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/** Read an entity's security-maturity records. @public */
export const securityMaturityReadPermission = createPermission({
  name: 'security-maturity.record.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Create or change an entity's records (owners and security leads). @public */
export const securityMaturityEditPermission = createPermission({
  name: 'security-maturity.record.edit',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Approve or reject exceptions, sign off gates (security leads). @public */
export const securityMaturityApprovePermission = createPermission({
  name: 'security-maturity.record.approve',
  attributes: { action: 'update' },
});

/** Push release evidence from a CI pipeline (service credentials). @public */
export const securityMaturityEvidencePushPermission = createPermission({
  name: 'security-maturity.evidence.push',
  attributes: { action: 'create' },
});

/**
 * The resource type of the org views: an org unit, that is a group (with the
 * groups nested below it), a system or a domain, named by its entity ref.
 *
 * @public
 */
export const RESOURCE_TYPE_SECURITY_MATURITY_ORG_UNIT =
  'security-maturity-org-unit';

/**
 * See the org views and export the metrics pack. Security leads see the whole
 * organisation; members of a group (or of a group above it) and owners of a
 * system or domain see that unit's Security tab. It is a resource permission
 * on org units so that a policy can also grant someone the views of a subtree
 * of groups, with the backend's `isInGroupSubtree` condition.
 *
 * @public
 */
export const securityMaturityOrgReadPermission = createPermission({
  name: 'security-maturity.org.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_SECURITY_MATURITY_ORG_UNIT,
});

/** Every permission of the plugin. @public */
export const securityMaturityPermissions = [
  securityMaturityReadPermission,
  securityMaturityEditPermission,
  securityMaturityApprovePermission,
  securityMaturityEvidencePushPermission,
  securityMaturityOrgReadPermission,
];
