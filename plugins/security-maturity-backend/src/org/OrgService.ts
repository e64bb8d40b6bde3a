import { AuditorService } from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  isoDayBefore,
  MetricsPackFormat,
  OrgComponent,
  OrgComponentPage,
  OrgComponentQuery,
  OrgFacets,
  OrgFilter,
  OrgOverview,
  OrgProgress,
  OrgTrend,
  OrgUnitComponentQuery,
  SAMM_BENCHMARK,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { EntityPath } from '../access/AccessControl';
import { OrgAccess } from '../access/OrgAccess';
import {
  OrgComponentRow,
  OrgReadModel,
  ResolvedFilter,
} from '../database/org/OrgReadModel';
import { audited } from '../service/auditing';
import { Caller } from '../service/Caller';
import { bottlenecks } from './bottlenecks';
import { readFilter, resolveFilter, toPage, unitFilter } from './orgFilter';
import { assertUnitReader, orgPageScope, withinScope } from './orgScope';
import { OrgStructure } from './OrgStructure';
import { packToCsv, packToXlsx } from './packFormats';
import {
  PackCampaignRow,
  PackSection,
  toPackSections,
  unitLabel,
} from './packLayout';
import { quarterRange } from './quarter';
import { rasiCoverage } from './rasiCoverage';
import { groupRollups, ProgressBy, systemAndDomainRollups } from './rollups';
import {
  addProgressSums,
  emptyProgressSums,
  progressBy,
  readSinceDay,
  toProgress,
} from './progress';
import { addSums, emptySums, means } from './sums';
import { ViewCache } from './ViewCache';

/** A file to download: the metrics pack. */
export type PackFile = {
  filename: string;
  contentType: string;
  body: string | Buffer;
};

const XLSX_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A component row with its domain, which follows from its system. */
function toComponent(row: OrgComponentRow, org: OrgStructure): OrgComponent {
  const { entityRef, type, lifecycle, ownerRef, systemRef, ...rest } = row;
  return {
    entityRef,
    type,
    lifecycle,
    ownerRef,
    systemRef,
    domainRef: systemRef ? org.systems.get(systemRef)?.domainRef ?? null : null,
    ...rest,
  };
}

/**
 * The org views: the org page (security leads, or the subtrees of groups a
 * permission policy grants) and the team views of a group, system or domain
 * (its members or owners, and leads). Filters are resolved against the
 * catalog's org structure, aggregations come from the read model, rollups
 * and layout are computed here. Every method first checks who reads (see
 * orgScope.ts); the metrics-pack export is audited. Counts and scores only:
 * no exception justification or other free text of a component leaves it.
 */
export class OrgService {
  constructor(
    private readonly deps: {
      access: Pick<OrgAccess, 'reader' | 'unit'>;
      auditor: AuditorService;
      readModel: OrgReadModel;
      orgSource: { get(): Promise<OrgStructure> };
      workflow: WorkflowConfig;
      /** Overviews cached until the next change (none: always computed). */
      overviewCache?: ViewCache<OrgOverview>;
      /** The active campaigns counted within a pack's unit (its sheet). */
      campaignRows?: (resolved: ResolvedFilter) => Promise<PackCampaignRow[]>;
    },
  ) {}

  /**
   * Checks the caller, then reads the org structure and the filter, narrowed
   * to what the org page covers for them.
   */
  private async context(caller: Caller, query: OrgFilter = {}) {
    const reader = await this.deps.access.reader(caller.credentials);
    const org = await this.deps.orgSource.get();
    const scope = orgPageScope(reader, org);
    const filter = readFilter(query);
    const resolved = withinScope(filter, resolveFilter(filter, org), scope);
    return { reader, org, scope, filter, resolved };
  }

  /**
   * Checks that the caller may read the unit's team view, then resolves the
   * unit (a group with its nested groups, a system, a domain's systems) and
   * the query's other filters.
   */
  private async unitContext(
    caller: Caller,
    path: EntityPath,
    query: OrgUnitComponentQuery = {},
  ) {
    const reader = await this.deps.access.reader(caller.credentials);
    const org = await this.deps.orgSource.get();
    const unit = await this.deps.access.unit(caller.credentials, path, org);
    assertUnitReader(reader, unit);
    return { org, resolved: resolveFilter(unitFilter(unit, query), org) };
  }

  async facets(caller: Caller): Promise<OrgFacets> {
    const { reader, org, scope } = await this.context(caller);
    const { tiers, lifecycles, types } =
      await this.deps.readModel.facetValues();
    const byTitle = (a: { title: string }, b: { title: string }) =>
      a.title.localeCompare(b.title);
    // Outside the whole organisation, offer only what the policy grants.
    const offered = (ref: string) => {
      if (scope.wholeOrg) return true;
      const unit = org.unit(ref);
      return unit !== undefined && reader.grants(unit);
    };
    const titleOf = (ref: string) => org.groups.get(ref)?.title ?? ref;
    return {
      scope: scope.wholeOrg
        ? { wholeOrg: true, groups: [] }
        : {
            wholeOrg: false,
            groups: scope.tops.map(ref => ({ ref, title: titleOf(ref) })),
          },
      groups: [...org.groups.values()]
        .filter(g => offered(g.ref))
        .sort(byTitle),
      systems: [...org.systems.values()]
        .filter(s => offered(s.ref))
        .map(({ ref, title, domainRef }) => ({ ref, title, domainRef }))
        .sort(byTitle),
      domains: [...org.domains.values()]
        .filter(d => offered(d.ref))
        .map(({ ref, title }) => ({ ref, title }))
        .sort(byTitle),
      tiers,
      lifecycles,
      types,
    };
  }

  /**
   * The org page's overview; with `since` (a day), the progress since then
   * of the whole view and of each rollup.
   */
  async overview(
    caller: Caller,
    filter: OrgFilter,
    withinDays: number,
    since?: string,
  ): Promise<OrgOverview> {
    const { org, resolved } = await this.context(caller, filter);
    return this.overviewOf(org, resolved, withinDays, since);
  }

  /** The Security tab of a group, system or domain: its overview. */
  async unitOverview(
    caller: Caller,
    path: EntityPath,
    withinDays: number,
    since?: string,
  ): Promise<OrgOverview> {
    const { org, resolved } = await this.unitContext(caller, path);
    return this.overviewOf(org, resolved, withinDays, since);
  }

  /** The Security tab of a group, system or domain: its components. */
  async unitComponents(
    caller: Caller,
    path: EntityPath,
    query: OrgUnitComponentQuery,
  ): Promise<OrgComponentPage> {
    const { org, resolved } = await this.unitContext(caller, path, query);
    return this.pageOf(org, resolved, query);
  }

  private async overviewOf(
    org: OrgStructure,
    resolved: ResolvedFilter,
    withinDays: number,
    since?: string,
  ): Promise<OrgOverview> {
    const sinceDay = since === undefined ? undefined : readSinceDay(since);
    const compute = () =>
      this.computeOverview(org, resolved, withinDays, sinceDay);
    const { overviewCache } = this.deps;
    if (!overviewCache) return compute();
    // The caller was checked before: the cache holds one answer per view,
    // whoever asks for it.
    const key = JSON.stringify([resolved, withinDays, sinceDay ?? null]);
    return overviewCache.get(key, org, compute);
  }

  private async computeOverview(
    org: OrgStructure,
    resolved: ResolvedFilter,
    withinDays: number,
    sinceDay: string | undefined,
  ): Promise<OrgOverview> {
    const { readModel, workflow } = this.deps;
    const now = new Date();
    const horizon = new Date(now.getTime() + withinDays * DAY_MS);
    const [byOwner, bySystem, distribution, stages, exceptions, rasi, moved] =
      await Promise.all([
        readModel.sumsBy(resolved, 'owner'),
        readModel.sumsBy(resolved, 'system'),
        readModel.distribution(resolved),
        readModel.stageProgress(resolved),
        readModel.exceptions(resolved, horizon),
        readModel.rasiAssignments(resolved),
        sinceDay === undefined
          ? undefined
          : readModel.progressSums(resolved, sinceDay),
      ]);
    const all = emptySums();
    for (const s of byOwner.values()) addSums(all, s);
    const headline = means(all);
    // One read gives the progress of the view, each owner and each system.
    let progress: OrgProgress | undefined;
    let progressByOwner: ProgressBy | undefined;
    let progressBySystem: ProgressBy | undefined;
    if (moved && sinceDay) {
      const total = emptyProgressSums();
      for (const row of moved) addProgressSums(total, row.sums);
      progress = toProgress(total, sinceDay);
      progressByOwner = { since: sinceDay, sums: progressBy(moved, 'owner') };
      progressBySystem = { since: sinceDay, sums: progressBy(moved, 'system') };
    }
    const { systems, domains } = systemAndDomainRollups(
      bySystem,
      org,
      progressBySystem,
    );
    return {
      ...headline,
      ...(progress ? { progress } : {}),
      distribution,
      groups: groupRollups(byOwner, org, resolved.owners, progressByOwner),
      systems,
      domains,
      bottlenecks: bottlenecks(workflow, stages, now),
      exceptions: { withinDays, ...exceptions },
      rasi: rasiCoverage(workflow, rasi, headline.components),
      benchmark: SAMM_BENCHMARK,
      generatedAt: now.toISOString(),
    };
  }

  async components(
    caller: Caller,
    query: OrgComponentQuery,
  ): Promise<OrgComponentPage> {
    const { org, resolved } = await this.context(caller, query);
    return this.pageOf(org, resolved, query);
  }

  private async pageOf(
    org: OrgStructure,
    resolved: ResolvedFilter,
    query: OrgUnitComponentQuery,
  ): Promise<OrgComponentPage> {
    const page = toPage(query);
    const { rows, totalCount } = await this.deps.readModel.components(
      resolved,
      page,
    );
    return {
      items: rows.map(r => toComponent(r, org)),
      totalCount,
      limit: page.limit,
      offset: page.offset,
    };
  }

  async trend(
    caller: Caller,
    filter: OrgFilter,
    days: number,
  ): Promise<OrgTrend> {
    const { resolved } = await this.context(caller, filter);
    const points = await this.deps.readModel.trend(
      resolved,
      isoDayBefore(days),
    );
    return { points };
  }

  /**
   * The quarterly metrics pack of the filtered org unit as CSV or XLSX. An
   * export takes the whole unit's numbers out of the portal, so it is
   * audited (after the access check, as before).
   */
  async metricsPack(
    caller: Caller,
    query: OrgFilter,
    quarter: string,
    format: MetricsPackFormat,
  ): Promise<PackFile> {
    return this.withPack(
      caller,
      query,
      quarter,
      format,
      async (sections, label) => {
        const filename = `security-maturity-${label}.${format}`;
        return format === 'csv'
          ? { filename, contentType: 'text/csv', body: packToCsv(sections) }
          : {
              filename,
              contentType: XLSX_TYPE,
              body: await packToXlsx(sections),
            };
      },
    );
  }

  /** The pack's summary sheet as metric and value pairs (for actions). */
  async metricsPackSummary(caller: Caller, query: OrgFilter, quarter: string) {
    return this.withPack(caller, query, quarter, 'summary', async sections =>
      sections
        .find(s => s.name === 'Summary')!
        .rows.map(([metric, value]) => ({
          metric: String(metric),
          value: value === null ? null : String(value),
        })),
    );
  }

  /**
   * Builds the quarter's pack for the filtered org unit and hands it on; an
   * export takes the whole unit's numbers out of the portal, so it is
   * audited whatever its form.
   */
  private async withPack<T>(
    caller: Caller,
    query: OrgFilter,
    quarter: string,
    format: string,
    fn: (sections: PackSection[], label: string) => Promise<T>,
  ): Promise<T> {
    const { reader, org, scope, filter, resolved } = await this.context(
      caller,
      query,
    );
    const range = quarterRange(quarter);
    return audited(
      this.deps.auditor,
      caller,
      {
        eventId: 'metrics-pack-export',
        actionType: 'export',
        meta: { quarter: range.label, filter, format },
      },
      async () => {
        const [data, campaigns] = await Promise.all([
          this.deps.readModel.metricsPack(resolved, range),
          this.deps.campaignRows?.(resolved) ?? Promise.resolve([]),
        ]);
        const sections = toPackSections(data, this.deps.workflow, org, {
          quarter: range,
          unitLabel: unitLabel(
            filter,
            org,
            scope.wholeOrg ? undefined : scope.tops,
          ),
          owners: resolved.owners,
          now: new Date(),
          campaigns,
        });
        return fn(sections, range.label);
      },
      () => ({ requestedBy: reader.actor }),
    );
  }
}
