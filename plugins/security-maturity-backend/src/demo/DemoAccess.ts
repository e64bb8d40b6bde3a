import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  normalizeEntityRef,
  RasiAssignment,
} from '@secmat/backstage-plugin-security-maturity-common';
import { isNamedInRasi } from '../domain/confidentiality';
import {
  EntityAccess,
  EntityAccessPolicy,
  EntityPath,
} from '../access/AccessControl';

/** A demo persona: the user the demo acts as, never a verified caller. */
export const demoPersona = (userEntityRef: string): BackstageCredentials =>
  ({
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef },
  } as BackstageCredentials);

/**
 * The access checks of the demo loader, which writes as the demo
 * organisation's people. It is never reachable from a request: only the
 * demo loader (on when `securityMaturity.demo.enabled` is set) builds it.
 * Ownership and security-lead membership still come from the catalog, so the
 * story obeys the same rules as people do; lookups use the plugin's own
 * credentials since a persona has no token.
 */
export class DemoAccess implements EntityAccessPolicy {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      securityLeadGroups: string[];
    },
  ) {}

  forRead = (c: BackstageCredentials, p: EntityPath) => this.resolve(c, p);
  forUser = (c: BackstageCredentials, p: EntityPath) => this.resolve(c, p);
  forSignOff = (c: BackstageCredentials, p: EntityPath) => this.resolve(c, p);
  forEvidencePush = (c: BackstageCredentials, p: EntityPath) =>
    this.resolve(c, p);

  /** The plugin's own rule, without a policy: insiders read the contents. */
  async readsConfidential(
    access: EntityAccess,
    rasi: ReadonlyArray<RasiAssignment>,
  ) {
    return (
      access.isOwner ||
      access.isSecurityLead ||
      isNamedInRasi(rasi, access.ownershipRefs)
    );
  }

  async ownerReadsConfidential() {
    return true;
  }

  /** The demo story names its components; it never lists a person's own. */
  async ownedComponents(): Promise<never> {
    throw new NotAllowedError('The demo loader does not list owned components');
  }

  async forEdit(credentials: BackstageCredentials, path: EntityPath) {
    const access = await this.resolve(credentials, path);
    if (!access.isOwner && !access.isSecurityLead) {
      throw new NotAllowedError(
        `${access.actor} may not edit ${access.entityRef}`,
      );
    }
    return access;
  }

  async forApprove(credentials: BackstageCredentials, path: EntityPath) {
    const access = await this.resolve(credentials, path);
    if (!access.isSecurityLead) {
      throw new NotAllowedError(`${access.actor} is not a security lead`);
    }
    return access;
  }

  private async resolve(
    persona: BackstageCredentials,
    path: EntityPath,
  ): Promise<EntityAccess> {
    const actor = (persona.principal as { userEntityRef: string })
      .userEntityRef;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const {
      items: [entity, user],
    } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: [stringifyEntityRef(path), actor] },
      { credentials },
    );
    if (!entity || !user) {
      throw new NotFoundError(
        `${stringifyEntityRef(path)} or ${actor} is not in the catalog`,
      );
    }
    const mine = new Set(
      [
        actor,
        ...(user.relations ?? [])
          .filter(r => r.type === RELATION_MEMBER_OF)
          .map(r => r.targetRef),
      ].map(normalizeEntityRef),
    );
    const owners = (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => normalizeEntityRef(r.targetRef));
    return {
      entity,
      entityRef: stringifyEntityRef(entity),
      credentials,
      actor,
      isUser: true,
      isOwner: owners.some(o => mine.has(o)),
      isSecurityLead: this.deps.securityLeadGroups.some(g =>
        mine.has(normalizeEntityRef(g)),
      ),
      ownershipRefs: [...mine],
    };
  }
}
