import { InputError } from '@backstage/errors';
import {
  CLEARED_STATUSES,
  SAMM_BENCHMARK,
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { applyFilter, ResolvedFilter } from './orgFilter';
import { median, OrgQueries } from './OrgQueries';
import { OrgStructure } from '../OrgStructure';

/** One section of the pack: a sheet in XLSX, a block in CSV. */
export type PackSection = {
  name: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
};

export type QuarterRange = {
  label: string;
  start: Date;
  end: Date;
  startDay: string;
  endDay: string;
};

/** `2026-Q4` → 1 Oct 2026 (inclusive) to 1 Jan 2027 (exclusive), UTC. */
export function parseQuarter(label: string): QuarterRange {
  const match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!match) {
    throw new InputError(`quarter must look like 2026-Q4, got '${label}'`);
  }
  const year = Number(match[1]);
  const q = Number(match[2]);
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { label, start, end, startDay: day(start), endDay: day(end) };
}

const round = (v: number | null, digits = 2) =>
  v === null || Number.isNaN(v) ? null : Number(v.toFixed(digits));
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const HOUR_MS = 3_600_000;

/**
 * The quarterly metrics pack of one org unit: scores and trend, gate
 * throughput, exceptions, worksheets and RASI coverage. Counts and scores
 * only: no justifications, worksheet contents or other free text.
 */
export async function buildMetricsPack(options: {
  db: Knex;
  workflow: WorkflowConfig;
  queries: OrgQueries;
  org: OrgStructure;
  filter: ResolvedFilter;
  unitLabel: string;
  quarter: QuarterRange;
  now: Date;
}): Promise<PackSection[]> {
  const { db, workflow, queries, org, filter: f, quarter, now } = options;
  const scores = () => applyFilter(db('entity_scores as e'), f);
  const inQuarter = (column: string) => (q: Knex.QueryBuilder) =>
    q.where(column, '>=', quarter.start).where(column, '<', quarter.end);

  // Each component's first and last snapshot within the quarter.
  const snapshotMeans = async (pick: 'min' | 'max') => {
    const edge = db('score_snapshots')
      .select('entity_ref', db.raw(`${pick}(day) as day`))
      .where('day', '>=', quarter.startDay)
      .where('day', '<', quarter.endDay)
      .groupBy('entity_ref')
      .as('edge');
    const rows = await scores()
      .join(edge, 'edge.entity_ref', 'e.entity_ref')
      .join('score_snapshots as s', q =>
        q.on('s.entity_ref', 'edge.entity_ref').andOn('s.day', 'edge.day'),
      )
      .select(
        'e.owner_ref',
        db.raw('count(*) as n'),
        db.raw('sum(s.overall) as overall'),
      )
      .groupBy('e.owner_ref');
    const byGroup = new Map<string, { n: number; overall: number }>();
    const add = (ref: string, n: number, overall: number) => {
      const t = byGroup.get(ref) ?? { n: 0, overall: 0 };
      t.n += n;
      t.overall += overall;
      byGroup.set(ref, t);
    };
    let all = { n: 0, overall: 0 };
    for (const r of rows as any[]) {
      const n = num(r.n);
      const overall = num(r.overall);
      all = { n: all.n + n, overall: all.overall + overall };
      if (!r.owner_ref) continue;
      add(r.owner_ref, n, overall);
      for (const a of org.ancestors(r.owner_ref)) add(a, n, overall);
    }
    return { all, byGroup };
  };

  const [
    overall,
    groups,
    startMeans,
    endMeans,
    trend,
    cleared,
    bottlenecks,
    opened,
    transitions,
    worksheets,
    containment,
    components,
  ] = await Promise.all([
    queries.sumsBy(f, null),
    queries.groupRollups(f, org),
    snapshotMeans('min'),
    snapshotMeans('max'),
    queries.trend(f, quarter.startDay),
    scores()
      .join('stages as st', 'st.entity_ref', 'e.entity_ref')
      .whereIn('st.status', [...CLEARED_STATUSES])
      .modify(inQuarter('st.status_since'))
      .select('st.stage_id', db.raw('count(*) as n'))
      .groupBy('st.stage_id'),
    queries.bottlenecks(f, now),
    scores()
      .join('exceptions as x', 'x.entity_ref', 'e.entity_ref')
      .modify(inQuarter('x.requested_at'))
      .select('x.risk_rating', db.raw('count(*) as n'))
      .groupBy('x.risk_rating'),
    scores()
      .join('history as h', 'h.entity_ref', 'e.entity_ref')
      .where('h.record_type', 'exception')
      .modify(inQuarter('h.at'))
      .select('h.action', db.raw('count(*) as n'))
      .groupBy('h.action'),
    scores()
      .join('worksheets as w', 'w.entity_ref', 'e.entity_ref')
      .modify(inQuarter('w.started_at'))
      .select(
        'w.kind',
        db.raw('count(*) as n'),
        db.raw('count(w.contained_at) as contained'),
        db.raw('count(w.closed_at) as closed'),
      )
      .groupBy('w.kind'),
    scores()
      .join('worksheets as w', 'w.entity_ref', 'e.entity_ref')
      .modify(inQuarter('w.started_at'))
      .whereNotNull('w.contained_at')
      .select('w.kind', 'w.started_at', 'w.contained_at'),
    scores()
      .select(
        'e.entity_ref',
        'e.owner_ref',
        'e.system_ref',
        'e.tier',
        'e.overall',
        'e.target',
        'e.percent_to_target',
        'e.gates_required',
        'e.gates_cleared',
        'e.exceptions_open',
        'e.exceptions_expired',
      )
      .orderBy('e.overall', 'asc')
      .orderBy('e.entity_ref', 'asc'),
  ]);
  const total = overall.get(null)?.components ?? 0;
  const rasi = await queries.rasi(f, total);
  const mean = (t?: { n: number; overall: number }) =>
    t && t.n ? t.overall / t.n : null;
  const headline = overall.get(null);

  const clearedBy = new Map(cleared.map((r: any) => [r.stage_id, num(r.n)]));
  const transitionCount = (action: string) =>
    num(transitions.find((t: any) => t.action === action)?.n);
  const hoursByKind = new Map<string, number[]>();
  for (const w of containment as any[]) {
    const list = hoursByKind.get(w.kind) ?? [];
    list.push(
      (new Date(w.contained_at).getTime() - new Date(w.started_at).getTime()) /
        HOUR_MS,
    );
    hoursByKind.set(w.kind, list);
  }

  return [
    {
      name: 'Summary',
      columns: ['Metric', 'Value'],
      rows: [
        ['Quarter', quarter.label],
        ['Org unit', options.unitLabel],
        ['Generated at', now.toISOString()],
        ['Components', total],
        ['Mean SAMM score at quarter start', round(mean(startMeans.all))],
        ['Mean SAMM score at quarter end', round(mean(endMeans.all))],
        [
          'Change in the quarter',
          round(
            mean(startMeans.all) === null || mean(endMeans.all) === null
              ? null
              : mean(endMeans.all)! - mean(startMeans.all)!,
          ),
        ],
        [
          'Mean SAMM score now',
          round(headline && total ? headline.overall / total : null),
        ],
        ['Components below target now', headline?.belowTarget ?? 0],
        [`${SAMM_BENCHMARK.source}: overall`, SAMM_BENCHMARK.overall],
      ],
    },
    {
      name: 'Scores by group',
      columns: [
        'Group',
        'Parent group',
        'Components',
        'Mean at quarter start',
        'Mean at quarter end',
        'Change',
        'Below target now',
        'Governance',
        'Design',
        'Implementation',
        'Verification',
        'Operations',
      ],
      rows: groups.map(g => {
        const start = mean(startMeans.byGroup.get(g.ref));
        const end = mean(endMeans.byGroup.get(g.ref));
        return [
          g.ref,
          g.parentRef,
          g.components,
          round(start),
          round(end),
          start === null || end === null ? null : round(end - start),
          g.belowTarget,
          ...(['G', 'D', 'I', 'V', 'O'] as const).map(k =>
            round(g.functions[k]),
          ),
        ];
      }),
    },
    {
      name: 'Practices by group',
      columns: ['Group', ...SAMM_PRACTICES.map(p => `${p.id} ${p.name}`)],
      rows: groups.map(g => [
        g.ref,
        ...SAMM_PRACTICES.map(p => round(g.practices[p.id])),
      ]),
    },
    {
      name: 'Trend',
      columns: [
        'Day',
        'Components',
        'Mean SAMM score',
        'G',
        'D',
        'I',
        'V',
        'O',
      ],
      rows: trend
        .filter(p => p.day < quarter.endDay)
        .map(p => [
          p.day,
          p.components,
          round(p.overall),
          ...(['G', 'D', 'I', 'V', 'O'] as const).map(k =>
            round(p.functions[k]),
          ),
        ]),
    },
    {
      name: 'Gate throughput',
      columns: [
        'Stage',
        'Cleared in quarter',
        'In progress now',
        'Blocked now',
        'Not started now',
        'Median days in status (stuck)',
      ],
      rows: workflow.stages.map(stage => {
        const b = bottlenecks.find(x => x.stageId === stage.id);
        return [
          stage.title,
          clearedBy.get(stage.id) ?? 0,
          b?.inProgress ?? 0,
          b?.blocked ?? 0,
          b?.notStarted ?? 0,
          round(b?.medianDaysInStatus ?? null, 1),
        ];
      }),
    },
    {
      name: 'Exceptions',
      columns: ['Metric', 'Count'],
      rows: [
        ['Opened', transitionCount('request')],
        ...(['low', 'medium', 'high', 'critical'] as const).map(r => [
          `Opened, ${r} risk`,
          num(opened.find((o: any) => o.risk_rating === r)?.n),
        ]),
        ['Approved', transitionCount('approve')],
        ['Rejected', transitionCount('reject')],
        ['Expired', transitionCount('expire')],
        ['Revoked', transitionCount('revoke')],
        ['Closed', transitionCount('close')],
      ],
    },
    {
      name: 'Worksheets',
      columns: [
        'Kind',
        'Started in quarter',
        'Contained',
        'Closed',
        'Median hours to containment',
      ],
      rows: ['incident', 'drill'].map(kind => {
        const w = (worksheets as any[]).find(x => x.kind === kind);
        return [
          kind,
          num(w?.n),
          num(w?.contained),
          num(w?.closed),
          round(median(hoursByKind.get(kind) ?? []), 1),
        ];
      }),
    },
    {
      name: 'RASI coverage',
      columns: ['Activity', 'Components with an Accountable', 'Without one'],
      rows: rasi.activities.map(a => [
        a.title,
        a.covered,
        a.missingAccountable,
      ]),
    },
    {
      name: 'Security partners',
      columns: ['Supportive', 'Components supported', 'Assignments'],
      rows: rasi.partners.map(p => [p.ref, p.components, p.assignments]),
    },
    {
      name: 'Components',
      columns: [
        'Component',
        'Owner',
        'System',
        'Tier',
        'SAMM score',
        'Target',
        'Percent to target',
        'Gates cleared',
        'Gates required',
        'Open exceptions',
        'Expired exceptions',
      ],
      rows: components.map((c: any) => [
        c.entity_ref,
        c.owner_ref,
        c.system_ref,
        c.tier,
        round(num(c.overall)),
        c.target === null ? null : num(c.target),
        c.percent_to_target === null
          ? null
          : round(num(c.percent_to_target), 1),
        num(c.gates_cleared),
        num(c.gates_required),
        num(c.exceptions_open),
        num(c.exceptions_expired),
      ]),
    },
  ];
}
