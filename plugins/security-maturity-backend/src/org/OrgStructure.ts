import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  normalizeEntityRef,
  OrgUnitKind,
} from '@secmat/backstage-plugin-security-maturity-common';

export type OrgNode = { ref: string; title: string; parentRef: string | null };
/** A domain: its owner decides who may read its team view. */
export type OrgDomain = OrgNode & { ownerRef: string | null };
export type OrgSystem = OrgDomain & { domainRef: string | null };

/**
 * A group, system or domain as the org views' access rules see it: the
 * resource of the `security-maturity.org.read` permission.
 *
 * @public
 */
export type OrgUnit = {
  /** The entity ref, lower-cased. */
  ref: string;
  kind: OrgUnitKind;
  title: string;
  /**
   * Who answers for the unit, nearest first, lower-cased: a group and the
   * groups above it; a system's or domain's owner and the groups above that
   * owner. Membership of any of them gives the unit's team view.
   */
  lineage: string[];
};

const titleOf = (e: Entity) =>
  (e.spec?.profile as { displayName?: string } | undefined)?.displayName ??
  e.metadata.title ??
  e.metadata.name;

const relationTarget = (e: Entity, type: string, kind: string) => {
  const target = e.relations?.find(
    r => r.type === type && r.targetRef.startsWith(`${kind}:`),
  )?.targetRef;
  return target ? normalizeEntityRef(target) : null;
};

/** The owner (a group or a user) of a system or domain. */
const ownerOf = (e: Entity) => {
  const target = e.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  return target ? normalizeEntityRef(target) : null;
};

/**
 * The catalog's group hierarchy, systems and domains: what the org views
 * filter and roll up by. Refs are lower-cased, as on the score rows.
 */
export class OrgStructure {
  readonly groups = new Map<string, OrgNode>();
  readonly systems = new Map<string, OrgSystem>();
  readonly domains = new Map<string, OrgDomain>();
  private readonly children = new Map<string, string[]>();

  constructor(entities: Entity[]) {
    for (const e of entities) {
      const ref = normalizeEntityRef(stringifyEntityRef(e));
      const kind = e.kind.toLocaleLowerCase('en-US');
      if (kind === 'group') {
        const parentRef = relationTarget(e, RELATION_CHILD_OF, 'group');
        this.groups.set(ref, { ref, title: titleOf(e), parentRef });
      } else if (kind === 'system') {
        this.systems.set(ref, {
          ref,
          title: titleOf(e),
          parentRef: null,
          ownerRef: ownerOf(e),
          domainRef: relationTarget(e, RELATION_PART_OF, 'domain'),
        });
      } else if (kind === 'domain') {
        this.domains.set(ref, {
          ref,
          title: titleOf(e),
          parentRef: null,
          ownerRef: ownerOf(e),
        });
      }
    }
    for (const g of this.groups.values()) {
      if (g.parentRef && this.groups.has(g.parentRef)) {
        const list = this.children.get(g.parentRef) ?? [];
        list.push(g.ref);
        this.children.set(g.parentRef, list);
      }
    }
  }

  /** The group and every group nested below it (cycles are cut). */
  descendantsOrSelf(groupRef: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [normalizeEntityRef(groupRef)];
    while (stack.length) {
      const ref = stack.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      out.push(ref);
      stack.push(...(this.children.get(ref) ?? []));
    }
    return out;
  }

  /** The group's ancestors, nearest first (cycles are cut). */
  ancestors(groupRef: string): string[] {
    const out: string[] = [];
    const seen = new Set([normalizeEntityRef(groupRef)]);
    let parent = this.groups.get(normalizeEntityRef(groupRef))?.parentRef;
    while (parent && this.groups.has(parent) && !seen.has(parent)) {
      out.push(parent);
      seen.add(parent);
      parent = this.groups.get(parent)?.parentRef;
    }
    return out;
  }

  /**
   * The group, system or domain as an org unit, or undefined when the
   * structure does not know it (it may have been registered within the last
   * minute, or be of another kind).
   */
  unit(entityRef: string): OrgUnit | undefined {
    const ref = normalizeEntityRef(entityRef);
    const group = this.groups.get(ref);
    if (group) {
      return {
        ref,
        kind: 'group',
        title: group.title,
        lineage: [ref, ...this.ancestors(ref)],
      };
    }
    const owned = this.systems.get(ref) ?? this.domains.get(ref);
    if (!owned) return undefined;
    const owner = owned.ownerRef;
    return {
      ref,
      kind: this.systems.has(ref) ? 'system' : 'domain',
      title: owned.title,
      lineage: owner ? [owner, ...this.ancestors(owner)] : [],
    };
  }

  systemsOfDomain(domainRef: string): string[] {
    const d = normalizeEntityRef(domainRef);
    return [...this.systems.values()]
      .filter(s => s.domainRef === d)
      .map(s => s.ref);
  }
}

/**
 * Loads the org structure from the catalog with the plugin's own credentials
 * and keeps it for a minute: the org views read it on every request, and the
 * group hierarchy changes rarely.
 */
export class OrgStructureSource {
  private cached?: { at: number; value: Promise<OrgStructure> };

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      maxAgeMs?: number;
    },
  ) {}

  get(): Promise<OrgStructure> {
    const maxAge = this.deps.maxAgeMs ?? 60_000;
    if (!this.cached || Date.now() - this.cached.at > maxAge) {
      const value = this.load();
      this.cached = { at: Date.now(), value };
      // A failed load is not kept: the next request tries again.
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
    }
    return this.cached.value;
  }

  private async load(): Promise<OrgStructure> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: ['Group', 'System', 'Domain'] },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile.displayName',
          'relations',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return new OrgStructure(items);
  }
}
