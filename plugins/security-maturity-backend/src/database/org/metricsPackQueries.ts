import {
  CLEARED_STATUSES,
  RiskRating,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { ScoreRow } from '../scores/ScoreRow';
import {
  MetricsPackData,
  OrgReadModel,
  OwnerSnapshotSums,
  PackComponentRow,
  Period,
  ResolvedFilter,
} from './OrgReadModel';
import { applyFilter, DbNumber, num, rowsOf } from './scoreQueries';

type PackComponentColumns = Pick<
  ScoreRow,
  | 'entity_ref'
  | 'owner_ref'
  | 'system_ref'
  | 'tier'
  | 'overall'
  | 'target'
  | 'percent_to_target'
  | 'gates_required'
  | 'gates_cleared'
  | 'exceptions_open'
  | 'exceptions_expired'
>;

const counted = <K extends string>(rows: Array<{ key: K; n: DbNumber }>) =>
  new Map(rows.map(r => [r.key, num(r.n)]));

/**
 * The quarterly metrics pack's numbers for one org unit: the score rows now,
 * the snapshots at the quarter's edges, and the records of the quarter.
 * Counts and scores only: no justifications, worksheet contents or other
 * free text leave the database here.
 */
export async function readMetricsPack(
  db: Knex,
  model: OrgReadModel,
  f: ResolvedFilter,
  quarter: Period,
): Promise<MetricsPackData> {
  const scores = () => applyFilter(db('entity_scores as e'), f);
  const inQuarter = (column: string) => (q: Knex.QueryBuilder) =>
    q.where(column, '>=', quarter.start).where(column, '<', quarter.end);

  // Each component's first or last snapshot within the quarter, per owner.
  const snapshotSums = async (
    pick: 'min' | 'max',
  ): Promise<OwnerSnapshotSums> => {
    const edge = db('score_snapshots')
      .select('entity_ref', db.raw(`${pick}(day) as day`))
      .where('day', '>=', quarter.startDay)
      .where('day', '<', quarter.endDay)
      .groupBy('entity_ref')
      .as('edge');
    const rows = await rowsOf<{
      owner_ref: string | null;
      n: DbNumber;
      overall: DbNumber;
    }>(
      scores()
        .join(edge, 'edge.entity_ref', 'e.entity_ref')
        .join('score_snapshots as s', q =>
          q.on('s.entity_ref', 'edge.entity_ref').andOn('s.day', 'edge.day'),
        )
        .select(
          'e.owner_ref',
          db.raw('count(*) as n'),
          db.raw('sum(s.overall) as overall'),
        )
        .groupBy('e.owner_ref'),
    );
    return rows.map(r => ({
      ownerRef: r.owner_ref ?? null,
      components: num(r.n),
      overall: num(r.overall),
    }));
  };

  const [
    totals,
    byOwner,
    quarterStart,
    quarterEnd,
    trend,
    cleared,
    stageProgress,
    opened,
    transitions,
    worksheets,
    containments,
    components,
    rasi,
  ] = await Promise.all([
    model.sumsBy(f, null),
    model.sumsBy(f, 'owner'),
    snapshotSums('min'),
    snapshotSums('max'),
    model.trend(f, quarter.startDay),
    rowsOf<{ key: string; n: DbNumber }>(
      scores()
        .join('stages as st', 'st.entity_ref', 'e.entity_ref')
        .whereIn('st.status', [...CLEARED_STATUSES])
        .modify(inQuarter('st.status_since'))
        .select('st.stage_id as key', db.raw('count(*) as n'))
        .groupBy('st.stage_id'),
    ),
    model.stageProgress(f),
    rowsOf<{ key: RiskRating; n: DbNumber }>(
      scores()
        .join('exceptions as x', 'x.entity_ref', 'e.entity_ref')
        .modify(inQuarter('x.requested_at'))
        .select('x.risk_rating as key', db.raw('count(*) as n'))
        .groupBy('x.risk_rating'),
    ),
    rowsOf<{ key: string; n: DbNumber }>(
      scores()
        .join('history as h', 'h.entity_ref', 'e.entity_ref')
        .where('h.record_type', 'exception')
        .modify(inQuarter('h.at'))
        .select('h.action as key', db.raw('count(*) as n'))
        .groupBy('h.action'),
    ),
    rowsOf<{
      kind: string;
      n: DbNumber;
      contained: DbNumber;
      closed: DbNumber;
    }>(
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
    ),
    rowsOf<{
      kind: string;
      started_at: Date | string;
      contained_at: Date | string;
    }>(
      scores()
        .join('worksheets as w', 'w.entity_ref', 'e.entity_ref')
        .modify(inQuarter('w.started_at'))
        .whereNotNull('w.contained_at')
        .select('w.kind', 'w.started_at', 'w.contained_at'),
    ),
    rowsOf<PackComponentColumns>(
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
    ),
    model.rasiAssignments(f),
  ]);

  return {
    totals: totals.get(null),
    byOwner,
    quarterStart,
    quarterEnd,
    trend,
    stagesCleared: counted(cleared),
    stageProgress,
    exceptionsOpened: counted(opened),
    exceptionTransitions: counted(transitions),
    worksheets: new Map(
      worksheets.map(w => [
        w.kind,
        {
          started: num(w.n),
          contained: num(w.contained),
          closed: num(w.closed),
        },
      ]),
    ),
    containments: containments.map(w => ({
      kind: w.kind,
      startedAt: new Date(w.started_at),
      containedAt: new Date(w.contained_at),
    })),
    rasi,
    components: components.map(toPackComponent),
  };
}

function toPackComponent(c: PackComponentColumns): PackComponentRow {
  return {
    entityRef: c.entity_ref,
    ownerRef: c.owner_ref,
    systemRef: c.system_ref,
    tier: c.tier,
    overall: num(c.overall),
    target: c.target === null ? null : num(c.target),
    percentToTarget:
      c.percent_to_target === null ? null : num(c.percent_to_target),
    gatesRequired: num(c.gates_required),
    gatesCleared: num(c.gates_cleared),
    exceptionsOpen: num(c.exceptions_open),
    exceptionsExpired: num(c.exceptions_expired),
  };
}
