// An example permission policy for the security-maturity plugin, installed in
// this portal instead of the allow-all policy. The plugin already enforces the
// same rules itself (fail closed); a policy like this one lets an admin see
// them in one place and tighten them further.
import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createSecurityMaturityOrgConditionalDecision,
  securityMaturityOrgConditions,
} from '@secmat/backstage-plugin-security-maturity-backend';
import {
  securityMaturityApprovePermission,
  securityMaturityCampaignManagePermission,
  securityMaturityConfidentialReadPermission,
  securityMaturityEditPermission,
  securityMaturityEvidencePushPermission,
  securityMaturityOrgReadPermission,
  securityMaturityReadPermission,
  securityMaturitySignOffPermission,
} from '@secmat/backstage-plugin-security-maturity-common';

/**
 * Owners edit their components' security records, security leads edit all,
 * approve and see the whole org page, everyone else sees the org views of
 * the groups they are members of and the groups below them (a department
 * head in the department's group sees the department), everyone who can read
 * the entity reads (confidential texts as the plugin rules), the Accountable
 * of a stage signs it off, owner or not; every other permission in the portal
 * is allowed, as with the allow-all policy.
 */
export class SecurityMaturityPolicy implements PermissionPolicy {
  constructor(private readonly securityLeadGroups: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const refs = user?.info.ownershipEntityRefs ?? [];
    const isLead = this.securityLeadGroups.some(group => refs.includes(group));

    if (isPermission(request.permission, securityMaturityReadPermission)) {
      // Reading the entity in the catalog is checked by the plugin itself.
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(request.permission, securityMaturityEditPermission)) {
      return isLead
        ? { result: AuthorizeResult.ALLOW }
        : createCatalogConditionalDecision(
            request.permission,
            catalogConditions.isEntityOwner({ claims: refs }),
          );
    }
    if (isPermission(request.permission, securityMaturitySignOffPermission)) {
      // The plugin decides: the stage's Accountable (owner or not) or a
      // security lead, and a second person under strict separation. Edit
      // rights are not asked, so a non-owner Accountable may sign off.
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isPermission(
        request.permission,
        securityMaturityConfidentialReadPermission,
      )
    ) {
      // A plain ALLOW leaves the plugin's rule: owners, the people in the
      // component's RASI and security leads. To let auditors read every
      // component's exception and worksheet text, widen it with a condition:
      //   createCatalogConditionalDecision(request.permission,
      //     catalogConditions.isEntityKind({ kinds: ['component'] }))
      // and a DENY here would hide it from everyone, leads too.
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(request.permission, securityMaturityApprovePermission)) {
      return { result: isLead ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (
      isPermission(request.permission, securityMaturityCampaignManagePermission)
    ) {
      return { result: isLead ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (isPermission(request.permission, securityMaturityOrgReadPermission)) {
      if (!user) return { result: AuthorizeResult.DENY };
      const groups = refs.filter(ref => ref.startsWith('group:'));
      if (isLead || groups.length === 0) {
        // Leads see everything; for anyone else, a plain ALLOW leaves the
        // plugin's own rule: the Security tabs of their own teams only.
        return { result: AuthorizeResult.ALLOW };
      }
      // The plugin evaluates the condition for each group, system and
      // domain: the org page then covers the subtrees of the user's groups.
      return createSecurityMaturityOrgConditionalDecision(
        request.permission,
        securityMaturityOrgConditions.isInGroupSubtree({ groupRefs: groups }),
      );
    }
    if (
      isPermission(request.permission, securityMaturityEvidencePushPermission)
    ) {
      // Services (CI) push evidence; the plugin limits users to owners and leads.
      return { result: AuthorizeResult.ALLOW };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link SecurityMaturityPolicy} as the portal's permission policy. */
export const securityMaturityPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'security-maturity-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const leads = config.getOptionalStringArray(
          'securityMaturity.securityLeadGroups',
        ) ?? ['group:default/security-leads'];
        policy.setPolicy(new SecurityMaturityPolicy(leads));
      },
    });
  },
});
