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
  OrgTrend,
  SAMM_BENCHMARK,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { AccessControl } from '../access/AccessControl';
import { OrgComponentRow, OrgReadModel } from '../database/org/OrgReadModel';
import { audited } from '../service/auditing';
import { Caller } from '../service/Caller';
import { bottlenecks } from './bottlenecks';
import { readFilter, resolveFilter, toPage } from './orgFilter';
import { OrgStructure } from './OrgStructure';
import { packToCsv, packToXlsx } from './packFormats';
import { PackSection, toPackSections, unitLabel } from './packLayout';
import { quarterRange } from './quarter';
import { rasiCoverage } from './rasiCoverage';
import { groupRollups, systemAndDomainRollups } from './rollups';
import { addSums, emptySums, means } from './sums';

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
 * The org-wide views for security leads: filters resolved against the
 * catalog's org structure, aggregations from the read model, rollups and
 * layout computed here. Every method first checks that the caller is a
 * security lead; the metrics-pack export is audited.
 */
export class OrgService {
  constructor(
    private readonly deps: {
      access: Pick<AccessControl, 'forOrg'>;
      auditor: AuditorService;
      readModel: OrgReadModel;
      orgSource: { get(): Promise<OrgStructure> };
      workflow: WorkflowConfig;
    },
  ) {}

  /** Checks the caller, then reads the org structure and the filter. */
  private async context(caller: Caller, query: OrgFilter = {}) {
    const who = await this.deps.access.forOrg(caller.credentials);
    const org = await this.deps.orgSource.get();
    const filter = readFilter(query);
    return { who, org, filter, resolved: resolveFilter(filter, org) };
  }

  async facets(caller: Caller): Promise<OrgFacets> {
    const { org } = await this.context(caller);
    const { tiers, lifecycles, types } =
      await this.deps.readModel.facetValues();
    const byTitle = (a: { title: string }, b: { title: string }) =>
      a.title.localeCompare(b.title);
    return {
      groups: [...org.groups.values()].sort(byTitle),
      systems: [...org.systems.values()]
        .map(({ ref, title, domainRef }) => ({ ref, title, domainRef }))
        .sort(byTitle),
      domains: [...org.domains.values()]
        .map(({ ref, title }) => ({ ref, title }))
        .sort(byTitle),
      tiers,
      lifecycles,
      types,
    };
  }

  async overview(
    caller: Caller,
    filter: OrgFilter,
    withinDays: number,
  ): Promise<OrgOverview> {
    const { org, resolved } = await this.context(caller, filter);
    const { readModel, workflow } = this.deps;
    const now = new Date();
    const horizon = new Date(now.getTime() + withinDays * DAY_MS);
    const [byOwner, bySystem, distribution, stages, exceptions, rasi] =
      await Promise.all([
        readModel.sumsBy(resolved, 'owner'),
        readModel.sumsBy(resolved, 'system'),
        readModel.distribution(resolved),
        readModel.stageProgress(resolved),
        readModel.exceptions(resolved, horizon),
        readModel.rasiAssignments(resolved),
      ]);
    const all = emptySums();
    for (const s of byOwner.values()) addSums(all, s);
    const headline = means(all);
    const { systems, domains } = systemAndDomainRollups(bySystem, org);
    return {
      ...headline,
      distribution,
      groups: groupRollups(byOwner, org, resolved.owners),
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
    const { who, org, filter, resolved } = await this.context(caller, query);
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
        const data = await this.deps.readModel.metricsPack(resolved, range);
        const sections = toPackSections(data, this.deps.workflow, org, {
          quarter: range,
          unitLabel: unitLabel(filter, org),
          owners: resolved.owners,
          now: new Date(),
        });
        return fn(sections, range.label);
      },
      () => ({ requestedBy: who.actor }),
    );
  }
}
