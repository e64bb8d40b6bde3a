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
  securityMaturityApprovePermission,
  securityMaturityEditPermission,
  securityMaturityEvidencePushPermission,
  securityMaturityOrgReadPermission,
  securityMaturityReadPermission,
} from '@secmat/backstage-plugin-security-maturity-common';

/**
 * Owners edit their components' security records, security leads edit all and
 * approve and see the org-wide views, everyone who can read the entity reads; every other permission in
 * the portal is allowed, as with the allow-all policy.
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
    if (
      isPermission(request.permission, securityMaturityApprovePermission) ||
      isPermission(request.permission, securityMaturityOrgReadPermission)
    ) {
      return { result: isLead ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
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
