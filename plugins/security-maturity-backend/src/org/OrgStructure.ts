import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from '@secmat/backstage-plugin-security-maturity-common';

export type OrgNode = { ref: string; title: string; parentRef: string | null };
export type OrgSystem = OrgNode & { domainRef: string | null };

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

/**
 * The catalog's group hierarchy, systems and domains: what the org views
 * filter and roll up by. Refs are lower-cased, as on the score rows.
 */
export class OrgStructure {
  readonly groups = new Map<string, OrgNode>();
  readonly systems = new Map<string, OrgSystem>();
  readonly domains = new Map<string, OrgNode>();
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
          domainRef: relationTarget(e, RELATION_PART_OF, 'domain'),
        });
      } else if (kind === 'domain') {
        this.domains.set(ref, { ref, title: titleOf(e), parentRef: null });
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
