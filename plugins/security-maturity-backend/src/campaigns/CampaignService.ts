import {
  AuditorService,
  AuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Campaign,
  CampaignBurnUpPoint,
  CampaignDetail,
  CampaignInput,
  CampaignMissingPage,
  CampaignSummary,
  campaignGoalText,
  EntityCampaign,
  normalizeEntityRef,
  securityMaturityCampaignManagePermission,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { randomUUID } from 'node:crypto';
import { AccessControl, EntityPath } from '../access/AccessControl';
import { OrgAccess } from '../access/OrgAccess';
import { CampaignStore } from '../database/campaigns/CampaignStore';
import { ResolvedFilter } from '../database/org/OrgReadModel';
import { SecurityNotifier } from '../notify/SecurityNotifier';
import { resolveFilter } from '../org/orgFilter';
import { OrgPageScope, orgPageScope } from '../org/orgScope';
import { OrgStructure } from '../org/OrgStructure';
import { PackCampaignRow } from '../org/packLayout';
import { audited } from '../service/auditing';
import { Caller } from '../service/Caller';
import { validateCampaign } from './validateCampaign';

const today = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/** Whether a goal can be counted from the score snapshots alone. */
export const scoresOnly = (c: Pick<Campaign, 'goal'>) =>
  c.goal.all.every(condition => condition.kind === 'practice');

/** A resolved scope narrowed to the groups a reader's org view covers. */
function narrowed(resolved: ResolvedFilter, scope: OrgPageScope) {
  if (scope.wholeOrg) return resolved;
  const granted = new Set(scope.groups);
  return {
    ...resolved,
    owners: (resolved.owners ?? scope.groups).filter(o => granted.has(o)),
  };
}

/** The scope in words, for the metrics pack. */
const scopeText = (c: Campaign) =>
  Object.entries(c.scope)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const safeKind = (ref: string) => {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
};

/** A user's groups: memberOf relations, else spec.memberOf. */
function memberships(user: Entity): string[] {
  const fromRelations = (user.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => normalizeEntityRef(r.targetRef));
  if (fromRelations.length) return fromRelations;
  const spec = (user.spec as { memberOf?: unknown } | undefined)?.memberOf;
  if (!Array.isArray(spec)) return [];
  return spec.flatMap(ref => {
    try {
      const parsed = parseEntityRef(String(ref), {
        defaultKind: 'group',
        defaultNamespace: user.metadata.namespace ?? 'default',
      });
      return [
        normalizeEntityRef(`${parsed.kind}:${parsed.namespace}/${parsed.name}`),
      ];
    } catch {
      return [];
    }
  });
}

/** Two resolved filters at once: each list intersected, each value kept. */
function intersect(a: ResolvedFilter, b: ResolvedFilter): ResolvedFilter {
  const both = (x?: string[], y?: string[]) =>
    x && y ? x.filter(v => y.includes(v)) : x ?? y;
  const same = (x?: string, y?: string) =>
    x && y && x !== y ? '\u0000none' : x ?? y;
  const out: ResolvedFilter = {};
  const owners = both(a.owners, b.owners);
  const systems = both(a.systems, b.systems);
  if (owners) out.owners = owners;
  if (systems) out.systems = systems;
  for (const key of ['tier', 'lifecycle', 'type', 'q'] as const) {
    const v = key === 'q' ? b.q ?? a.q : same(a[key], b[key]);
    if (v) out[key] = v;
  }
  return out;
}

/**
 * Campaigns: a security lead's goal over a scope of components (the org
 * page's filters) by a target date. Leads manage them (the plugin's rule;
 * `security-maturity.campaign.manage` lets a policy narrow it); whoever
 * reads the org views reads them, counted within their view; a component's
 * readers see the campaigns that ask something of it. Every change is
 * versioned (409 on a stale version) and audited.
 */
export class CampaignService {
  /**
   * Burn-up history (the days before today) by campaign version, reader's
   * scope and day: those days' snapshots and counts no longer change, so
   * each replica reads them once a day per campaign and view, and a
   * campaign's page then costs the live count only.
   */
  private readonly historyCache = new Map<
    string,
    Promise<CampaignBurnUpPoint[]>
  >();

  constructor(
    private readonly deps: {
      store: CampaignStore;
      orgAccess: Pick<OrgAccess, 'reader'>;
      access: Pick<AccessControl, 'forRead'>;
      permissions: PermissionsService;
      auditor: AuditorService;
      orgSource: { get(): Promise<OrgStructure> };
      workflow: WorkflowConfig;
      notifier?: Pick<SecurityNotifier, 'sendCampaignReminder'>;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /** An org reader and the part of the organisation their view covers. */
  private async readerContext(caller: Caller) {
    const reader = await this.deps.orgAccess.reader(caller.credentials);
    const org = await this.deps.orgSource.get();
    return { reader, org, scope: orgPageScope(reader, org) };
  }

  /** Security leads whom the policy does not deny campaign management. */
  private async manager(caller: Caller) {
    const reader = await this.deps.orgAccess.reader(caller.credentials);
    if (!reader.isSecurityLead) {
      throw new NotAllowedError(
        `Campaigns are run by security leads (members of ${
          reader.securityLeadGroups.join(', ') || 'no configured group'
        })`,
      );
    }
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: securityMaturityCampaignManagePermission }],
      { credentials: caller.credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed by policy: ${securityMaturityCampaignManagePermission.name}`,
      );
    }
    return reader;
  }

  private async campaign(id: string): Promise<Campaign> {
    const campaign = await this.deps.store.get(id);
    if (!campaign) throw new NotFoundError(`Campaign ${id} was not found`);
    return campaign;
  }

  private resolved(campaign: Campaign, org: OrgStructure, scope?: OrgPageScope) {
    const resolved = resolveFilter(campaign.scope, org);
    return scope ? narrowed(resolved, scope) : resolved;
  } // prettier-ignore

  async list(
    caller: Caller,
    options: { includeArchived?: boolean } = {},
  ): Promise<{ items: CampaignSummary[] }> {
    const { org, scope } = await this.readerContext(caller);
    const campaigns = await this.deps.store.list({
      includeArchived: options.includeArchived ?? false,
    });
    const items = await Promise.all(
      campaigns.map(async c => ({
        ...c,
        progress: await this.deps.store.progress(
          this.resolved(c, org, scope),
          c.goal,
        ),
      })),
    );
    return { items };
  }

  async get(caller: Caller, id: string): Promise<CampaignDetail> {
    const { org, scope } = await this.readerContext(caller);
    const campaign = await this.campaign(id);
    const resolved = this.resolved(campaign, org, scope);
    const day = today();
    const [progress, history] = await Promise.all([
      this.deps.store.progress(resolved, campaign.goal),
      this.history(campaign, resolved, day, scope.wholeOrg),
    ]);
    // Today's point is the live count, so that a change shows at once.
    const points: CampaignBurnUpPoint[] =
      day >= campaign.startDay ? [...history, { day, ...progress }] : history;
    return {
      campaign,
      progress,
      burnUp: {
        source: scoresOnly(campaign) ? 'score-snapshots' : 'campaign-days',
        points,
      },
    };
  }

  /** The burn-up before today, read once per campaign version, view and day. */
  private history(
    campaign: Campaign,
    resolved: ResolvedFilter,
    day: string,
    wholeOrg: boolean,
  ): Promise<CampaignBurnUpPoint[]> {
    const key = JSON.stringify([campaign.id, campaign.version, resolved, day, wholeOrg]);
    const cached = this.historyCache.get(key);
    if (cached) return cached;
    const read = this.readHistory(campaign, resolved, day, wholeOrg);
    // A failed read is not kept; the oldest entries make room.
    read.catch(() => this.historyCache.delete(key));
    if (this.historyCache.size >= 500) {
      this.historyCache.delete(this.historyCache.keys().next().value!);
    }
    this.historyCache.set(key, read);
    return read;
  } // prettier-ignore

  /** The burn-up before today, from the snapshots or the campaign's days. */
  private readHistory(
    campaign: Campaign,
    resolved: ResolvedFilter,
    day: string,
    wholeOrg: boolean,
  ): Promise<CampaignBurnUpPoint[]> {
    const yesterday = today(new Date(Date.parse(`${day}T00:00:00Z`) - 1));
    if (scoresOnly(campaign)) {
      return this.deps.store.burnUpFromSnapshots(
        resolved,
        campaign.goal,
        campaign.startDay,
        yesterday,
      );
    }
    // The campaign's own counts hold the whole scope: only someone whose
    // view is the whole organisation reads them unnarrowed; others get
    // today's count within their view only.
    return wholeOrg
      ? this.deps.store.campaignDays(campaign.id, campaign.startDay, yesterday)
      : Promise.resolve([]);
  }

  async missing(
    caller: Caller,
    id: string,
    page: { limit: number; offset: number },
  ): Promise<CampaignMissingPage> {
    const { org, scope } = await this.readerContext(caller);
    const campaign = await this.campaign(id);
    const { items, totalCount } = await this.deps.store.missing(
      this.resolved(campaign, org, scope),
      campaign.goal,
      page,
    );
    return { items, totalCount, ...page };
  }

  async create(caller: Caller, input: CampaignInput): Promise<Campaign> {
    return audited(
      this.deps.auditor,
      caller,
      { eventId: 'campaign-mutate', actionType: 'create' },
      async () => {
        const reader = await this.manager(caller);
        const values = validateCampaign(input, this.deps.workflow);
        const now = new Date().toISOString();
        const campaign: Campaign = {
          id: randomUUID(),
          ...values,
          archived: false,
          version: 1,
          createdAt: now,
          createdBy: reader.actor,
          updatedAt: now,
          updatedBy: reader.actor,
        };
        await this.deps.store.insert(campaign);
        return campaign;
      },
      c => ({ campaignId: c.id }),
    );
  }

  async update(
    caller: Caller,
    id: string,
    input: CampaignInput & { version: number },
  ): Promise<Campaign> {
    return audited(
      this.deps.auditor,
      caller,
      { eventId: 'campaign-mutate', actionType: 'update', meta: { campaignId: id } },
      async () => {
        const reader = await this.manager(caller);
        const values = validateCampaign(input, this.deps.workflow);
        return this.deps.store.update(id, input.version, values, {
          actor: reader.actor,
          at: new Date(),
        });
      },
    ); // prettier-ignore
  }

  async archive(
    caller: Caller,
    id: string,
    body: { version: number },
  ): Promise<Campaign> {
    return audited(
      this.deps.auditor,
      caller,
      { eventId: 'campaign-mutate', actionType: 'archive', meta: { campaignId: id } },
      async () => {
        const reader = await this.manager(caller);
        return this.deps.store.update(id, body.version, { archived: true }, {
          actor: reader.actor,
          at: new Date(),
        });
      },
    ); // prettier-ignore
  }

  /**
   * The active campaigns that cover an entity (whoever may read it), each
   * with what it asks and whether the entity meets it now.
   */
  async forEntity(
    caller: Caller,
    path: EntityPath,
  ): Promise<{ items: EntityCampaign[] }> {
    const access = await this.deps.access.forRead(caller.credentials, path);
    const entityRef = normalizeEntityRef(access.entityRef);
    const campaigns = await this.deps.store.list({ includeArchived: false });
    if (campaigns.length === 0) return { items: [] };
    const org = await this.deps.orgSource.get();
    const items: EntityCampaign[] = [];
    for (const c of campaigns) {
      const status = await this.deps.store.entityStatus(
        entityRef,
        this.resolved(c, org),
        c.goal,
      );
      if (!status) continue;
      items.push({
        id: c.id,
        title: c.title,
        goal: c.goal,
        goalText: campaignGoalText(c.goal, this.deps.workflow),
        targetDay: c.targetDay,
        ownerRef: c.ownerRef,
        meets: status.meets,
      });
    }
    return { items };
  }

  /**
   * The daily count of each active, started campaign, for the burn-up of
   * goals the snapshots cannot answer (run by the daily rescoring, after it).
   */
  async recordDay(now: Date): Promise<number> {
    const day = today(now);
    const campaigns = (
      await this.deps.store.list({ includeArchived: false })
    ).filter(c => c.startDay <= day);
    if (campaigns.length === 0) return 0;
    const org = await this.deps.orgSource.get();
    for (const c of campaigns) {
      const progress = await this.deps.store.progress(
        this.resolved(c, org),
        c.goal,
      );
      await this.deps.store.writeCampaignDay(c.id, { day, ...progress });
    }
    return campaigns.length;
  }

  /** Each active campaign's counts within a pack's unit. */
  async packRows(resolved: ResolvedFilter): Promise<PackCampaignRow[]> {
    const campaigns = await this.deps.store.list({ includeArchived: false });
    if (campaigns.length === 0) return [];
    const org = await this.deps.orgSource.get();
    return Promise.all(
      campaigns.map(async c => {
        const own = this.resolved(c, org);
        const progress = await this.deps.store.progress(
          intersect(own, resolved),
          c.goal,
        );
        return {
          title: c.title,
          goal: campaignGoalText(c.goal, this.deps.workflow),
          scope: scopeText(c),
          ownerRef: c.ownerRef,
          startDay: c.startDay,
          targetDay: c.targetDay,
          ...progress,
        };
      }),
    );
  }

  /**
   * Reminds the owners of components still missing an active, started
   * campaign's goal: each person at most once per the campaign's cadence (a
   * week at least), claimed in the database before sending, so that two
   * replicas or a restart never send twice; a failed send gives its claim
   * back. Archived campaigns, and those without a cadence, remind nobody.
   * Runs in the global exception-expiry task.
   */
  async remind(now: Date): Promise<{ sent: number }> {
    const { store, notifier, logger } = this.deps;
    if (!notifier) return { sent: 0 };
    const day = today(now);
    const campaigns = (
      await store.list({ includeArchived: false })
    ).filter(c => c.reminderCadenceDays !== null && c.startDay <= day);
    if (campaigns.length === 0) return { sent: 0 };
    const org = await this.deps.orgSource.get();
    let sent = 0;
    for (const c of campaigns) {
      const owners = await store.missingByOwner(this.resolved(c, org), c.goal);
      if (owners.length === 0) continue;
      const people = await this.peopleOf(owners.map(o => o.ownerRef));
      // Each person: the missing components of every owner they stand for.
      const perPerson = new Map<string, { components: number; example: string }>();
      for (const o of owners) {
        for (const person of people.get(o.ownerRef) ?? []) {
          const mine = perPerson.get(person);
          perPerson.set(person, {
            components: (mine?.components ?? 0) + o.components,
            example: mine && mine.example < o.example ? mine.example : o.example,
          });
        }
      }
      for (const [person, mine] of perPerson) {
        if (!(await store.claimReminder(c.id, person, now, c.reminderCadenceDays!))) {
          continue;
        }
        try {
          const delivered = await notifier.sendCampaignReminder({
            recipientRef: person,
            campaignId: c.id,
            title: c.title,
            goalText: campaignGoalText(c.goal, this.deps.workflow),
            targetDay: c.targetDay,
            components: mine.components,
            example: mine.example,
            overdue: day > c.targetDay,
          });
          if (delivered) sent++;
          else await store.releaseReminder(c.id, person);
        } catch (error) {
          await store.releaseReminder(c.id, person);
          logger.warn(`Could not remind ${person} of campaign ${c.id}: ${error}`);
        }
      }
    }
    if (sent > 0) logger.info(`Sent ${sent} campaign reminder(s)`);
    return { sent };
  } // prettier-ignore

  /**
   * The people behind owner refs: a user stands for themselves, a group for
   * its members (from the catalog, one request for all groups).
   */
  private async peopleOf(ownerRefs: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const groups = new Set<string>();
    for (const ref of ownerRefs) {
      const kind = safeKind(ref);
      if (kind === 'user') out.set(ref, [ref]);
      else if (kind === 'group') groups.add(ref);
    }
    if (groups.size === 0) return out;
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'user' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.memberOf', 'relations'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    ); // prettier-ignore
    for (const user of items) {
      const userRef = normalizeEntityRef(
        `user:${user.metadata.namespace ?? 'default'}/${user.metadata.name}`,
      );
      for (const group of memberships(user)) {
        if (!groups.has(group)) continue;
        out.set(group, [...(out.get(group) ?? []), userRef]);
      }
    }
    return out;
  }
}
