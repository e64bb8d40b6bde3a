import { AuditorService } from '@backstage/backend-plugin-api';
import {
  OrgFacets,
  OrgOverview,
  SAMM_BENCHMARK,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { buildMetricsPack, parseQuarter } from '../org/metricsPack';
import { addSums, emptySums, means, OrgQueries } from '../org/OrgQueries';
import { readFilter, readPaging, resolveFilter } from '../org/orgFilter';
import { OrgStructureSource } from '../org/OrgStructure';
import { packToCsv, packToXlsx } from '../org/packFormats';
import { AccessControl, AnyRequest } from './access';

type Router = {
  get(path: string, handler: (req: AnyRequest, res: any) => unknown): unknown;
};

export type OrgRouteOptions = {
  access: AccessControl;
  auditor: AuditorService;
  db: Knex;
  workflow: WorkflowConfig;
  orgSource: OrgStructureSource;
};

const XLSX_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The org-wide views for security leads: every aggregation is computed in SQL
 * over the persisted scores and records, filtered on the server.
 */
export function registerOrgRoutes(router: Router, options: OrgRouteOptions) {
  const { access, auditor, db, workflow, orgSource } = options;
  const queries = new OrgQueries(db, workflow);

  const context = async (req: AnyRequest) => {
    const who = await access.forOrg(req);
    const org = await orgSource.get();
    const filter = readFilter(req.query);
    return { who, org, filter, resolved: resolveFilter(filter, org) };
  };

  router.get('/org/facets', async (req, res) => {
    const { org } = await context(req);
    const distinct = async (column: string) =>
      (
        await db('entity_scores')
          .where('kind', 'component')
          .whereNotNull(column)
          .distinct(column)
          .orderBy(column)
      ).map((r: any) => String(r[column]));
    const [tiers, lifecycles, types] = await Promise.all([
      distinct('tier'),
      distinct('lifecycle'),
      distinct('type'),
    ]);
    const byTitle = (a: { title: string }, b: { title: string }) =>
      a.title.localeCompare(b.title);
    const facets: OrgFacets = {
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
    res.json(facets);
  });

  router.get('/org/overview', async (req, res) => {
    const { org, resolved } = await context(req);
    const now = new Date();
    const withinDays = Number(req.query.withinDays ?? 30);
    const byOwner = await queries.sumsBy(resolved, 'owner_ref');
    const all = emptySums();
    for (const s of byOwner.values()) addSums(all, s);
    const headline = means(all);
    const [groups, rollups, distribution, bottlenecks, exceptions, rasi] =
      await Promise.all([
        queries.groupRollups(resolved, org, byOwner),
        queries.systemAndDomainRollups(resolved, org),
        queries.distribution(resolved),
        queries.bottlenecks(resolved, now),
        queries.exceptions(resolved, now, withinDays),
        queries.rasi(resolved, headline.components),
      ]);
    const overview: OrgOverview = {
      ...headline,
      distribution,
      groups,
      systems: rollups.systems,
      domains: rollups.domains,
      bottlenecks,
      exceptions,
      rasi,
      benchmark: SAMM_BENCHMARK,
      generatedAt: now.toISOString(),
    };
    res.json(overview);
  });

  router.get('/org/components', async (req, res) => {
    const { org, resolved } = await context(req);
    res.json(await queries.components(resolved, org, readPaging(req.query)));
  });

  router.get('/org/trend', async (req, res) => {
    const { resolved } = await context(req);
    const days = Number(req.query.days ?? 180);
    const since = new Date(Date.now() - days * 86_400_000)
      .toISOString()
      .slice(0, 10);
    res.json({ points: await queries.trend(resolved, since) });
  });

  router.get('/org/metrics-pack', async (req, res) => {
    const { who, org, filter, resolved } = await context(req);
    const quarter = parseQuarter(String(req.query.quarter));
    const format = req.query.format === 'csv' ? 'csv' : 'xlsx';
    // An export takes the whole org unit's numbers out of the portal: audited.
    const event = await auditor.createEvent({
      eventId: 'metrics-pack-export',
      request: req,
      severityLevel: 'medium',
      meta: { actionType: 'export', quarter: quarter.label, filter, format },
    });
    try {
      const unit = filter.owner
        ? org.groups.get(filter.owner.toLocaleLowerCase('en-US'))?.title ??
          filter.owner
        : 'Whole organisation';
      const sections = await buildMetricsPack({
        db,
        workflow,
        queries,
        org,
        filter: resolved,
        unitLabel: Object.entries(filter)
          .filter(([k]) => k !== 'owner')
          .reduce((label, [k, v]) => `${label}, ${k} ${v}`, unit),
        quarter,
        now: new Date(),
      });
      const name = `security-maturity-${quarter.label}.${format}`;
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      if (format === 'csv') {
        res.type('text/csv').send(packToCsv(sections));
      } else {
        res.type(XLSX_TYPE).send(await packToXlsx(sections));
      }
      await event.success({ meta: { requestedBy: who.actor } });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
