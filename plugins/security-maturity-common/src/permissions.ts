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

/**
 * Read the confidential contents of an entity's records: exception
 * justifications, compensating controls and decision notes, and worksheet
 * timelines, findings, actions and lessons. The plugin's own rule: the
 * entity's owners, the people named in its RASI (directly or through a group)
 * and security leads. A policy narrows it with a DENY (for anyone, insiders
 * too) and widens it with a conditional decision on the catalog entity (for
 * example an auditors group on every component); a plain ALLOW (the allow-all
 * policy, or the framework switched off) leaves the plugin's rule. Everyone
 * else who may read the entity sees that the records exist, redacted.
 *
 * @public
 */
export const securityMaturityConfidentialReadPermission = createPermission({
  name: 'security-maturity.record.confidential.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Sign off a stage gate. The plugin's own rule: the Accountable for the
 * stage's sign-off activity in RASI (owner or not) or a security lead, and,
 * with `securityMaturity.signOff.separation: strict` (the default), never
 * someone who ticked one of the stage's exit criteria. A policy may narrow it.
 *
 * @public
 */
export const securityMaturitySignOffPermission = createPermission({
  name: 'security-maturity.stage.signoff',
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

/**
 * Create, change and archive campaigns (a goal over a scope of components by
 * a date). The plugin's own rule is security-lead membership; a policy may
 * narrow it further (a DENY refuses leads too).
 *
 * @public
 */
export const securityMaturityCampaignManagePermission = createPermission({
  name: 'security-maturity.campaign.manage',
  attributes: { action: 'update' },
});

/** Every permission of the plugin. @public */
export const securityMaturityPermissions = [
  securityMaturityReadPermission,
  securityMaturityEditPermission,
  securityMaturityConfidentialReadPermission,
  securityMaturitySignOffPermission,
  securityMaturityApprovePermission,
  securityMaturityEvidencePushPermission,
  securityMaturityOrgReadPermission,
  securityMaturityCampaignManagePermission,
];
