import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  normalizeEntityRef,
  ORG_UNIT_KINDS,
  OrgUnitKind,
  securityMaturityOrgReadPermission,
} from '@secmat/backstage-plugin-security-maturity-common';
import { OrgReader } from '../org/orgScope';
import { OrgStructure, OrgUnit } from '../org/OrgStructure';
import { EntityPath } from './AccessControl';
import { assertPrincipal } from './principals';

/**
 * Who reads the org views, from verified credentials: the user, their groups
 * (from the catalog, never the request), and the permission policy's decision
 * on `security-maturity.org.read`. The rules built on these (leads, members,
 * policy grants) are in `org/orgScope.ts`.
 */
export class OrgAccess {
  private readonly authorizeConditions: (
    decision: PolicyDecision,
    unit: OrgUnit,
  ) => boolean;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      userInfo: UserInfoService;
      permissions: PermissionsService;
      securityLeadGroups: string[];
      /** The org unit rules, with any a module added to the registry. */
      orgUnitRules: PermissionRuleset<OrgUnit>;
    },
  ) {
    this.authorizeConditions = createConditionAuthorizer(deps.orgUnitRules);
  }

  /**
   * A signed-in user and what the policy grants them. The decision is asked
   * for without a resource, so that it comes back as the policy gave it: a
   * DENY refuses everyone (leads too), a conditional decision is evaluated
   * here against each unit, and an ALLOW leaves the plugin's own rules.
   */
  async reader(credentials: BackstageCredentials): Promise<OrgReader> {
    assertPrincipal(credentials, ['user']);
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: securityMaturityOrgReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed by policy: ${securityMaturityOrgReadPermission.name}`,
      );
    }
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const ownershipRefs = new Set(
      info.ownershipEntityRefs.map(normalizeEntityRef),
    );
    const { securityLeadGroups } = this.deps;
    return {
      actor: info.userEntityRef,
      isSecurityLead: securityLeadGroups.some(g =>
        ownershipRefs.has(normalizeEntityRef(g)),
      ),
      ownershipRefs,
      securityLeadGroups,
      // Only a conditional decision grants units: a plain ALLOW (the
      // allow-all policy's, or the framework switched off) must not open
      // every team's views to everyone.
      grants: unit =>
        decision.result === AuthorizeResult.CONDITIONAL &&
        this.authorizeConditions(decision, unit),
    };
  }

  /**
   * The group, system or domain whose team view is asked for, if the caller
   * can read its entity in the catalog (looked up with their credentials, so
   * the catalog's own read rules apply); 404 otherwise.
   */
  async unit(
    credentials: BackstageCredentials,
    path: EntityPath,
    org: OrgStructure,
  ): Promise<OrgUnit> {
    assertPrincipal(credentials, ['user']);
    const kind = path.kind.toLocaleLowerCase('en-US') as OrgUnitKind;
    if (!ORG_UNIT_KINDS.includes(kind)) {
      throw new InputError(
        `Team views are for groups, systems and domains, not ${path.kind}`,
      );
    }
    const requestedRef = stringifyEntityRef({ ...path, kind });
    const entity = await this.deps.catalog.getEntityByRef(requestedRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`Entity ${requestedRef} was not found`);
    }
    const ref = stringifyEntityRef(entity);
    return org.unit(ref) ?? unitOfNewEntity(kind, ref, entity);
  }
}

/**
 * An entity the cached org structure does not know yet (registered within
 * the last minute): its own ref for a group, its owner for a system or
 * domain. The groups above it appear once the structure is reloaded.
 */
function unitOfNewEntity(
  kind: OrgUnitKind,
  ref: string,
  entity: Entity,
): OrgUnit {
  const owner = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  let lineage: string[] = [];
  if (kind === 'group') lineage = [normalizeEntityRef(ref)];
  else if (owner) lineage = [normalizeEntityRef(owner)];
  return {
    ref: normalizeEntityRef(ref),
    kind,
    title: entity.metadata.title ?? entity.metadata.name,
    lineage,
  };
}
