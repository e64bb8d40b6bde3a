import {
  FunctionScores,
  OrgBottleneck,
  OrgComponent,
  OrgComponentPage,
  OrgException,
  OrgRasiCoverage,
  OrgRollup,
  OrgSort,
  OrgTrendPoint,
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { practiceColumn } from '../../database/scores/ScoreRow';
import { requiredStageIds } from '@secmat/backstage-plugin-security-maturity-common';
import { applyFilter, applySort, ResolvedFilter } from './orgFilter';
import { OrgStructure } from '../OrgStructure';

const FUNCTIONS = ['G', 'D', 'I', 'V', 'O'] as const;
const fnColumn = (f: string) => `fn_${f.toLocaleLowerCase('en-US')}`;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const DAY_MS = 86_400_000;

/** The score-row columns of the component list (not the JSON details). */
const LIST_COLUMNS = [
  'entity_ref',
  'type',
  'lifecycle',
  'owner_ref',
  'system_ref',
  'tier',
  'target',
  'overall',
  'percent_to_target',
  ...FUNCTIONS.map(fnColumn),
  'gates_required',
  'gates_cleared',
  'exceptions_open',
  'exceptions_expired',
  'computed_at',
];

/** Sums of one slice of components, from which rollups derive means. */
export type Sums = {
  components: number;
  overall: number;
  percent: number;
  withTarget: number;
  belowTarget: number;
  functions: Record<string, number>;
  practices: Record<string, number>;
};

export const emptySums = (): Sums => ({
  components: 0,
  overall: 0,
  percent: 0,
  withTarget: 0,
  belowTarget: 0,
  functions: Object.fromEntries(FUNCTIONS.map(f => [f, 0])),
  practices: Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, 0])),
});

export const addSums = (into: Sums, s: Sums) => {
  into.components += s.components;
  into.overall += s.overall;
  into.percent += s.percent;
  into.withTarget += s.withTarget;
  into.belowTarget += s.belowTarget;
  for (const k of Object.keys(s.functions)) into.functions[k] += s.functions[k];
  for (const k of Object.keys(s.practices)) into.practices[k] += s.practices[k];
};

/** Means of a slice: what the rollups and the headline show. */
export const means = (s: Sums) => {
  const mean = (v: number) => (s.components ? v / s.components : 0);
  return {
    components: s.components,
    overall: mean(s.overall),
    percentToTarget: s.withTarget ? s.percent / s.withTarget : null,
    belowTarget: s.belowTarget,
    functions: Object.fromEntries(
      FUNCTIONS.map(f => [f, mean(s.functions[f])]),
    ) as FunctionScores,
    practices: Object.fromEntries(
      SAMM_PRACTICES.map(p => [p.id, mean(s.practices[p.id])]),
    ),
  };
};

/**
 * The org-wide aggregations, each one SQL statement over the score rows (and
 * the record tables where needed), filtered and grouped in the database.
 */
export class OrgQueries {
  constructor(
    private readonly db: Knex,
    private readonly workflow: WorkflowConfig,
  ) {}

  private scores(f: ResolvedFilter) {
    return applyFilter(this.db('entity_scores as e'), f);
  }

  /** One page of components, with the total of the filtered set. */
  async components(
    f: ResolvedFilter,
    org: OrgStructure,
    page: {
      sort: OrgSort;
      order: 'asc' | 'desc';
      limit: number;
      offset: number;
    },
  ): Promise<OrgComponentPage> {
    const [countRow, rows] = await Promise.all([
      this.scores(f).count({ count: '*' }).first(),
      this.componentRows(f, page),
    ]);
    return {
      items: rows.map((r: any) => toComponent(r, org)),
      totalCount: num(countRow?.count),
      limit: page.limit,
      offset: page.offset,
    };
  }

  private componentRows(
    f: ResolvedFilter,
    page: {
      sort: OrgSort;
      order: 'asc' | 'desc';
      limit: number;
      offset: number;
    },
  ) {
    const select = (filter: ResolvedFilter) =>
      applySort(
        this.scores(filter).select(LIST_COLUMNS.map(c => `e.${c}`)),
        page.sort,
        page.order,
      );
    if (!f.owners || f.owners.length < 2) {
      return select(f).limit(page.limit).offset(page.offset);
    }
    // Several owners (a group and its nested groups): the page is merged from
    // each owner's own first rows, which the (owner, score) index serves
    // directly, instead of sorting every component of the department.
    const k = page.offset + page.limit;
    const [first, ...rest] = f.owners.map((owner, i) =>
      this.db.select('*').from(
        select({ ...f, owners: [owner] })
          .limit(k)
          .as(`b${i}`),
      ),
    );
    const merged = rest.length ? first.unionAll(rest) : first;
    return applySort(
      this.db.select('*').from(merged.as('u')),
      page.sort,
      page.order,
      'u',
    )
      .limit(page.limit)
      .offset(page.offset);
  }

  /** Sums per value of a score-row column (owner_ref, system_ref, …). */
  async sumsBy(
    f: ResolvedFilter,
    column: 'owner_ref' | 'system_ref' | null,
  ): Promise<Map<string | null, Sums>> {
    const q = this.scores(f).select(
      this.db.raw('count(*) as components'),
      this.db.raw('sum(e.overall) as overall'),
      this.db.raw('sum(e.percent_to_target) as percent'),
      this.db.raw('count(e.percent_to_target) as with_target'),
      this.db.raw(
        'sum(CASE WHEN e.target IS NOT NULL AND e.overall < e.target THEN 1 ELSE 0 END) as below',
      ),
      ...FUNCTIONS.map(fn =>
        this.db.raw(`sum(??) as ??`, [`e.${fnColumn(fn)}`, fnColumn(fn)]),
      ),
      ...SAMM_PRACTICES.map(p =>
        this.db.raw(`sum(??) as ??`, [
          `e.${practiceColumn(p.id)}`,
          practiceColumn(p.id),
        ]),
      ),
    );
    if (column) q.select(`e.${column} as key`).groupBy(`e.${column}`);
    const rows = await q;
    return new Map(
      rows.map((r: any) => [
        column ? r.key : null,
        {
          components: num(r.components),
          overall: num(r.overall),
          percent: num(r.percent),
          withTarget: num(r.with_target),
          belowTarget: num(r.below),
          functions: Object.fromEntries(
            FUNCTIONS.map(fn => [fn, num(r[fnColumn(fn)])]),
          ),
          practices: Object.fromEntries(
            SAMM_PRACTICES.map(p => [p.id, num(r[practiceColumn(p.id)])]),
          ),
        },
      ]),
    );
  }

  /**
   * Rollups by owner group including nested groups: each group counts the
   * components it owns and those of every group below it. Returned in tree
   * order (a parent before its children) with depths for indenting.
   */
  async groupRollups(
    f: ResolvedFilter,
    org: OrgStructure,
    byOwner?: Map<string | null, Sums>,
  ): Promise<OrgRollup[]> {
    const sums = byOwner ?? (await this.sumsBy(f, 'owner_ref'));
    const totals = new Map<string, Sums>();
    const add = (ref: string, s: Sums) => {
      const t = totals.get(ref) ?? emptySums();
      addSums(t, s);
      totals.set(ref, t);
    };
    // With an owner filter the view is that group's subtree; otherwise all.
    const inView = (ref: string) => !f.owners || f.owners.includes(ref);
    for (const [owner, s] of sums) {
      if (!owner) continue;
      add(owner, s);
      if (owner.startsWith('group:')) {
        for (const a of org.ancestors(owner)) if (inView(a)) add(a, s);
      }
    }
    const parentInView = (ref: string) => {
      const parent = org.groups.get(ref)?.parentRef ?? null;
      return parent && totals.has(parent) ? parent : null;
    };
    const children = new Map<string | null, string[]>();
    for (const ref of totals.keys()) {
      const parent = parentInView(ref);
      children.set(parent, [...(children.get(parent) ?? []), ref]);
    }
    const out: OrgRollup[] = [];
    const visit = (parent: string | null, depth: number) => {
      const refs = (children.get(parent) ?? []).sort();
      for (const ref of refs) {
        out.push({
          ref,
          title: org.groups.get(ref)?.title ?? ref.replace(/^.*\//, ''),
          parentRef: parent,
          depth,
          ...means(totals.get(ref)!),
        });
        if (depth < 50) visit(ref, depth + 1);
      }
    };
    visit(null, 0);
    return out;
  }

  /** Rollups by system, and by domain (the systems' domains). */
  async systemAndDomainRollups(f: ResolvedFilter, org: OrgStructure) {
    const sums = await this.sumsBy(f, 'system_ref');
    const systems: OrgRollup[] = [];
    const domainSums = new Map<string, Sums>();
    for (const [ref, s] of sums) {
      if (!ref) continue;
      const system = org.systems.get(ref);
      systems.push({
        ref,
        title: system?.title ?? ref.replace(/^.*\//, ''),
        parentRef: system?.domainRef ?? null,
        depth: 0,
        ...means(s),
      });
      if (system?.domainRef) {
        const d = domainSums.get(system.domainRef) ?? emptySums();
        addSums(d, s);
        domainSums.set(system.domainRef, d);
      }
    }
    const domains: OrgRollup[] = [...domainSums].map(([ref, s]) => ({
      ref,
      title: org.domains.get(ref)?.title ?? ref.replace(/^.*\//, ''),
      parentRef: null,
      depth: 0,
      ...means(s),
    }));
    const byScore = (a: OrgRollup, b: OrgRollup) =>
      a.overall - b.overall || a.ref.localeCompare(b.ref);
    return { systems: systems.sort(byScore), domains: domains.sort(byScore) };
  }

  /** Components per half point of overall score. */
  async distribution(f: ResolvedFilter) {
    const bucket = `CASE ${[0.5, 1, 1.5, 2, 2.5]
      .map((edge, i) => `WHEN e.overall < ${edge} THEN ${i}`)
      .join(' ')} ELSE 5 END`;
    const rows = await this.scores(f)
      .select(this.db.raw(`${bucket} as bucket`), this.db.raw('count(*) as n'))
      .groupByRaw(bucket);
    const counts = new Map<number, number>(
      rows.map((r: any) => [num(r.bucket), num(r.n)]),
    );
    return [0, 1, 2, 3, 4, 5].map(i => ({
      from: i / 2,
      to: (i + 1) / 2,
      count: counts.get(i) ?? 0,
    }));
  }

  /**
   * Per stage: required components in progress, blocked and not started (no
   * row yet counts as not started), and the median days the stuck ones have
   * had their status.
   */
  async bottlenecks(f: ResolvedFilter, now: Date): Promise<OrgBottleneck[]> {
    const [byTier, byStage, stuck] = await Promise.all([
      this.scores(f)
        .select('e.tier', this.db.raw('count(*) as n'))
        .groupBy('e.tier'),
      this.scores(f)
        .join('stages as s', 's.entity_ref', 'e.entity_ref')
        .select(
          's.stage_id',
          'e.tier',
          's.status',
          this.db.raw('count(*) as n'),
        )
        .groupBy('s.stage_id', 'e.tier', 's.status'),
      this.scores(f)
        .join('stages as s', 's.entity_ref', 'e.entity_ref')
        .whereIn('s.status', ['in_progress', 'blocked'])
        .select('s.stage_id', 's.status_since'),
    ]);
    const tierCounts = new Map<string | null, number>(
      byTier.map((r: any) => [r.tier ?? null, num(r.n)]),
    );
    const days = new Map<string, number[]>();
    for (const r of stuck) {
      if (!r.status_since) continue;
      const list = days.get(r.stage_id) ?? [];
      list.push((now.getTime() - new Date(r.status_since).getTime()) / DAY_MS);
      days.set(r.stage_id, list);
    }
    return this.workflow.stages.map(stage => {
      const requiredIn = (tier: string | null) =>
        requiredStageIds(this.workflow, tier).includes(stage.id);
      let inProgress = 0;
      let blocked = 0;
      let notStarted = 0;
      for (const r of byStage as any[]) {
        if (r.stage_id !== stage.id || !requiredIn(r.tier ?? null)) continue;
        const n = num(r.n);
        if (r.status === 'in_progress') inProgress += n;
        else if (r.status === 'blocked') blocked += n;
        else if (r.status === 'not_started') notStarted += n;
      }
      for (const [tier, count] of tierCounts) {
        if (!requiredIn(tier)) continue;
        // Required components with no row for the stage have not started it.
        const withRow = (byStage as any[])
          .filter(r => r.stage_id === stage.id && (r.tier ?? null) === tier)
          .reduce((a, r) => a + num(r.n), 0);
        notStarted += count - withRow;
      }
      return {
        stageId: stage.id,
        title: stage.title,
        inProgress,
        blocked,
        notStarted,
        medianDaysInStatus: median(days.get(stage.id) ?? []),
      };
    });
  }

  /** Approved exceptions expiring within N days, and expired ones. */
  async exceptions(f: ResolvedFilter, now: Date, withinDays: number) {
    const horizon = new Date(now.getTime() + withinDays * DAY_MS);
    const relevant = () =>
      this.scores(f)
        .join('exceptions as x', 'x.entity_ref', 'e.entity_ref')
        .where(q =>
          q
            .where('x.status', 'expired')
            .orWhere(w =>
              w
                .where('x.status', 'approved')
                .where('x.expires_at', '<=', horizon),
            ),
        );
    const [counts, rows] = await Promise.all([
      relevant()
        .select('x.status', this.db.raw('count(*) as n'))
        .groupBy('x.status'),
      // Never the justification or compensating controls: the org view is
      // about where risk sits, not what the request said.
      relevant()
        .select(
          'x.id',
          'x.entity_ref',
          'x.control_id',
          'x.risk_rating',
          'x.status',
          'x.expires_at',
        )
        .orderByRaw(`CASE WHEN x.status = 'expired' THEN 0 ELSE 1 END`)
        .orderBy('x.expires_at', 'asc')
        .limit(50),
    ]);
    const count = (s: string) =>
      num(counts.find((c: any) => c.status === s)?.n);
    return {
      withinDays,
      expiring: count('approved'),
      expired: count('expired'),
      items: rows.map(
        (r: any): OrgException => ({
          id: r.id,
          entityRef: r.entity_ref,
          controlId: r.control_id,
          riskRating: r.risk_rating,
          status: r.status,
          expiresAt: new Date(r.expires_at).toISOString(),
        }),
      ),
    };
  }

  /**
   * Components with and without an Accountable per configured activity, and
   * how many components each Supportive person or group backs.
   */
  async rasi(f: ResolvedFilter, total: number): Promise<OrgRasiCoverage> {
    const [covered, supportive] = await Promise.all([
      this.scores(f)
        .join('rasi_assignments as r', 'r.entity_ref', 'e.entity_ref')
        .where('r.accountable', '<>', '')
        .select('r.activity_id', this.db.raw('count(*) as n'))
        .groupBy('r.activity_id'),
      this.scores(f)
        .join('rasi_assignments as r', 'r.entity_ref', 'e.entity_ref')
        .whereNot('r.supportive', '[]')
        .select('r.entity_ref', 'r.supportive'),
    ]);
    const coveredBy = new Map<string, number>(
      covered.map((r: any) => [r.activity_id, num(r.n)]),
    );
    const partners = new Map<string, { components: Set<string>; n: number }>();
    for (const r of supportive) {
      for (const ref of JSON.parse(r.supportive) as string[]) {
        const key = ref.toLocaleLowerCase('en-US');
        const p = partners.get(key) ?? { components: new Set(), n: 0 };
        p.components.add(r.entity_ref);
        p.n += 1;
        partners.set(key, p);
      }
    }
    return {
      activities: this.workflow.rasiActivities.map(a => ({
        activityId: a.id,
        title: a.title,
        covered: coveredBy.get(a.id) ?? 0,
        missingAccountable: total - (coveredBy.get(a.id) ?? 0),
      })),
      partners: [...partners]
        .map(([ref, p]) => ({
          ref,
          components: p.components.size,
          assignments: p.n,
        }))
        .sort(
          (a, b) => b.components - a.components || a.ref.localeCompare(b.ref),
        ),
    };
  }

  /** Daily means of the filtered components' snapshots since a day. */
  async trend(f: ResolvedFilter, sinceDay: string): Promise<OrgTrendPoint[]> {
    const rows = await this.scores(f)
      .join('score_snapshots as s', 's.entity_ref', 'e.entity_ref')
      .where('s.day', '>=', sinceDay)
      .select(
        's.day',
        this.db.raw('count(*) as n'),
        this.db.raw('avg(s.overall) as overall'),
        ...FUNCTIONS.map(fn =>
          this.db.raw(`avg(??) as ??`, [`s.${fnColumn(fn)}`, fnColumn(fn)]),
        ),
      )
      .groupBy('s.day')
      .orderBy('s.day', 'asc');
    return rows.map((r: any) => ({
      day: r.day,
      components: num(r.n),
      overall: num(r.overall),
      functions: Object.fromEntries(
        FUNCTIONS.map(fn => [fn, num(r[fnColumn(fn)])]),
      ) as FunctionScores,
    }));
  }
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function toComponent(r: any, org: OrgStructure): OrgComponent {
  return {
    entityRef: r.entity_ref,
    type: r.type,
    lifecycle: r.lifecycle,
    ownerRef: r.owner_ref,
    systemRef: r.system_ref,
    domainRef: r.system_ref
      ? org.systems.get(r.system_ref)?.domainRef ?? null
      : null,
    tier: r.tier,
    target: r.target === null ? null : Number(r.target),
    overall: Number(r.overall),
    percentToTarget:
      r.percent_to_target === null ? null : Number(r.percent_to_target),
    functions: Object.fromEntries(
      FUNCTIONS.map(fn => [fn, Number(r[fnColumn(fn)])]),
    ) as FunctionScores,
    gatesRequired: num(r.gates_required),
    gatesCleared: num(r.gates_cleared),
    exceptionsOpen: num(r.exceptions_open),
    exceptionsExpired: num(r.exceptions_expired),
    computedAt: new Date(r.computed_at).toISOString(),
  };
}
