import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  securityMaturityApprovePermission,
  securityMaturityConfidentialReadPermission,
  securityMaturityEditPermission,
  securityMaturityEvidencePushPermission,
  securityMaturityReadPermission,
  securityMaturitySignOffPermission,
  normalizeEntityRef,
  RasiAssignment,
} from '@secmat/backstage-plugin-security-maturity-common';
import { isNamedInRasi } from '../domain/confidentiality';
import { assertPrincipal, Principals } from './principals';

/** An entity as the API names it: kind, namespace and name. */
export type EntityPath = { kind: string; namespace: string; name: string };

/** Who is asking about which entity, and what they may do with it. */
export type EntityAccess = {
  entity: Entity;
  entityRef: string;
  credentials: BackstageCredentials;
  /** The user's entity ref, or the service's subject. */
  actor: string;
  isUser: boolean;
  isOwner: boolean;
  isSecurityLead: boolean;
  /** The user's own ref and groups, lower-cased (empty for services). */
  ownershipRefs: string[];
};

/** The checks an operation on one entity's records passes, by level. */
export type EntityAccessPolicy = Pick<
  AccessControl,
  | 'forRead'
  | 'forEdit'
  | 'forUser'
  | 'forSignOff'
  | 'forApprove'
  | 'forEvidencePush'
  | 'ownedComponents'
  | 'readsConfidential'
  | 'ownerReadsConfidential'
>;

/**
 * The plugin's own fail-closed checks. Ownership and group membership come from
 * the catalog and the caller's verified credentials, never from the request. The
 * permission framework is consulted as well, so a policy can only narrow this.
 * It takes credentials, not requests, so that every entry point (HTTP, actions,
 * scheduled tasks) is checked the same way.
 */
export class AccessControl {
  constructor(
    private readonly deps: {
      auth: AuthService;
      userInfo: UserInfoService;
      catalog: CatalogService;
      permissions: PermissionsService;
      securityLeadGroups: string[];
    },
  ) {}

  /** Anyone who may read the entity in the catalog (users and services). */
  async forRead(
    credentials: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const access = await this.resolve(credentials, path, ['user', 'service']);
    await this.authorize(securityMaturityReadPermission, access);
    return access;
  }

  /** The entity's owners and security leads, as users. */
  async forEdit(
    credentials: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const access = await this.resolve(credentials, path, ['user']);
    if (!access.isOwner && !access.isSecurityLead) {
      throw new NotAllowedError(
        `Only the owners of ${access.entityRef} and security leads may change its security records`,
      );
    }
    await this.authorize(securityMaturityEditPermission, access);
    return access;
  }

  /**
   * Any signed-in user who may read the entity and sign off its gates by
   * policy (`security-maturity.stage.signoff`); the sign-off rule then decides
   * (the stage's Accountable, owner or not, or a security lead; never the
   * one who ticked its criteria when separation is strict).
   */
  async forSignOff(
    credentials: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const access = await this.resolve(credentials, path, ['user']);
    await this.authorize(securityMaturitySignOffPermission, access);
    return access;
  }

  /**
   * Whether the caller reads the confidential contents of the entity's
   * exceptions and worksheets. The plugin's rule: users who own the entity,
   * are named in its RASI (`rasi`, directly or through a group) or lead
   * security. The policy's decision on
   * `security-maturity.record.confidential.read`, asked without a resource
   * (as for the org views), combines with it: a DENY narrows (insiders too);
   * a conditional decision widens, evaluated on the entity (for example an
   * auditors group on every component); a plain ALLOW (the allow-all
   * policy, or the framework switched off) leaves the plugin's rule, so
   * switching the framework on never opens the contents to every reader.
   */
  async readsConfidential(
    access: EntityAccess,
    rasi: ReadonlyArray<RasiAssignment>,
  ): Promise<boolean> {
    const insider =
      access.isUser &&
      (access.isOwner ||
        access.isSecurityLead ||
        isNamedInRasi(rasi, access.ownershipRefs));
    const permission = securityMaturityConfidentialReadPermission;
    const { credentials } = access;
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) return false;
    if (insider) return true;
    if (decision.result !== AuthorizeResult.CONDITIONAL) return false;
    const [onEntity] = await this.deps.permissions.authorize(
      [{ permission, resourceRef: access.entityRef }],
      { credentials },
    );
    return onEntity.result === AuthorizeResult.ALLOW;
  }

  /**
   * Whether an owner reads the confidential contents of their own
   * components (for lists of the caller's own components): yes, unless the
   * policy denies it.
   */
  async ownerReadsConfidential(
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: securityMaturityConfidentialReadPermission }],
      { credentials },
    );
    return decision.result !== AuthorizeResult.DENY;
  }

  /**
   * Any signed-in user who may read the entity; the caller then decides.
   */
  async forUser(
    credentials: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const access = await this.resolve(credentials, path, ['user']);
    await this.authorize(securityMaturityEditPermission, access);
    return access;
  }

  /** Security leads, as users. */
  async forApprove(
    credentials: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const access = await this.resolve(credentials, path, ['user']);
    if (!access.isSecurityLead) {
      throw new NotAllowedError('Only security leads may do this');
    }
    await this.authorize(securityMaturityApprovePermission, access);
    return access;
  }

  /** CI pipelines (service credentials), or owners and security leads. */
  async forEvidencePush(
    credentials: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const access = await this.resolve(credentials, path, ['user', 'service']);
    if (access.isUser && !access.isOwner && !access.isSecurityLead) {
      throw new NotAllowedError(
        `Only the owners of ${access.entityRef}, security leads and CI services may add release evidence`,
      );
    }
    await this.authorize(securityMaturityEvidencePushPermission, access);
    return access;
  }

  /**
   * The components the user owns (directly or through their groups) that
   * they may read: found with their own credentials, so the catalog's read
   * rules apply, and checked against the read permission in one batch.
   */
  async ownedComponents(
    credentials: BackstageCredentials,
  ): Promise<{ actor: string; entities: Entity[] }> {
    assertPrincipal(credentials, ['user']);
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: 'Component',
          'relations.ownedBy': info.ownershipEntityRefs,
        },
      },
      { credentials },
    );
    if (items.length === 0) return { actor: info.userEntityRef, entities: [] };
    const decisions = await this.deps.permissions.authorize(
      items.map(e => ({
        permission: securityMaturityReadPermission,
        resourceRef: stringifyEntityRef(e),
      })),
      { credentials },
    );
    return {
      actor: info.userEntityRef,
      entities: items.filter(
        (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    };
  }

  /**
   * Who is asking for their own tasks: users only (a service owes nothing),
   * with their ownership refs (lower-cased) and whether they lead.
   */
  async forTasks(credentials: BackstageCredentials): Promise<{
    actor: string;
    ownershipRefs: string[];
    isSecurityLead: boolean;
  }> {
    assertPrincipal(credentials, ['user']);
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const mine = new Set(info.ownershipEntityRefs.map(normalizeEntityRef));
    return {
      actor: info.userEntityRef,
      ownershipRefs: [...mine],
      isSecurityLead: this.deps.securityLeadGroups.some(g =>
        mine.has(normalizeEntityRef(g)),
      ),
    };
  }

  private async resolve(
    credentials: BackstageCredentials,
    path: EntityPath,
    allow: Principals,
  ): Promise<EntityAccess> {
    assertPrincipal(credentials, allow);
    const requestedRef = stringifyEntityRef(path);
    const isService = this.deps.auth.isPrincipal(credentials, 'service');
    // Users: with their own credentials, so the catalog's read rules apply.
    // Services (a CI pipeline, whose token may be restricted to this plugin):
    // with the plugin's credentials, only to confirm that the entity exists.
    const entity = await this.deps.catalog.getEntityByRef(requestedRef, {
      credentials: isService
        ? await this.deps.auth.getOwnServiceCredentials()
        : credentials,
    });
    if (!entity) {
      throw new NotFoundError(`Entity ${requestedRef} was not found`);
    }
    const entityRef = stringifyEntityRef(entity);
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    if (isService || principal.type !== 'user') {
      return {
        entity,
        entityRef,
        credentials,
        actor: principal.subject ?? 'service',
        isUser: false,
        isOwner: false,
        isSecurityLead: false,
        ownershipRefs: [],
      };
    }
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const mine = new Set(info.ownershipEntityRefs.map(normalizeEntityRef));
    const owners = (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => normalizeEntityRef(r.targetRef));
    return {
      entity,
      entityRef,
      credentials,
      actor: info.userEntityRef,
      isUser: true,
      isOwner: owners.some(ref => mine.has(ref)),
      isSecurityLead: this.deps.securityLeadGroups.some(g =>
        mine.has(normalizeEntityRef(g)),
      ),
      ownershipRefs: [...mine],
    };
  }

  private async authorize(permission: Permission, access: EntityAccess) {
    // Resource permissions name the entity, so a policy's catalog conditions
    // (such as isEntityOwner) are evaluated against it.
    const [decision] = isResourcePermission(permission)
      ? await this.deps.permissions.authorize(
          [{ permission, resourceRef: access.entityRef }],
          { credentials: access.credentials },
        )
      : await this.deps.permissions.authorize([{ permission }], {
          credentials: access.credentials,
        });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed by policy: ${permission.name}`);
    }
  }
}
