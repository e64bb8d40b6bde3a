import {
  ExceptionStatus,
  RiskRating,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import {
  ExceptionDigest,
  RasiAssignments,
  ResolvedFilter,
  StageProgress,
} from './OrgReadModel';
import { applyFilter, DbNumber, num, rowsOf } from './scoreQueries';

// The aggregations over the record tables (stages, exceptions, RASI), each
// joined to the filtered score rows.

const scores = (db: Knex, f: ResolvedFilter) =>
  applyFilter(db('entity_scores as e'), f);

export async function readStageProgress(
  db: Knex,
  f: ResolvedFilter,
): Promise<StageProgress> {
  const [byTier, byStage, stuck] = await Promise.all([
    rowsOf<{ tier: string | null; n: DbNumber }>(
      scores(db, f).select('e.tier', db.raw('count(*) as n')).groupBy('e.tier'),
    ),
    rowsOf<{
      stage_id: string;
      tier: string | null;
      status: StageStatus;
      n: DbNumber;
    }>(
      scores(db, f)
        .join('stages as s', 's.entity_ref', 'e.entity_ref')
        .select('s.stage_id', 'e.tier', 's.status', db.raw('count(*) as n'))
        .groupBy('s.stage_id', 'e.tier', 's.status'),
    ),
    rowsOf<{ stage_id: string; status_since: Date | string | null }>(
      scores(db, f)
        .join('stages as s', 's.entity_ref', 'e.entity_ref')
        .whereIn('s.status', ['in_progress', 'blocked'])
        .select('s.stage_id', 's.status_since'),
    ),
  ]);
  return {
    componentsByTier: byTier.map(r => ({
      tier: r.tier ?? null,
      count: num(r.n),
    })),
    rows: byStage.map(r => ({
      stageId: r.stage_id,
      tier: r.tier ?? null,
      status: r.status,
      count: num(r.n),
    })),
    stuck: stuck.map(r => ({
      stageId: r.stage_id,
      statusSince: r.status_since ? new Date(r.status_since) : null,
    })),
  };
}

export async function readExceptions(
  db: Knex,
  f: ResolvedFilter,
  horizon: Date,
): Promise<ExceptionDigest> {
  const relevant = () =>
    scores(db, f)
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
    rowsOf<{ status: ExceptionStatus; n: DbNumber }>(
      relevant()
        .select('x.status', db.raw('count(*) as n'))
        .groupBy('x.status'),
    ),
    // Never the justification or compensating controls: the org view is
    // about where risk sits, not what the request said.
    rowsOf<{
      id: string;
      entity_ref: string;
      control_id: string;
      risk_rating: RiskRating;
      status: ExceptionStatus;
      expires_at: Date | string;
    }>(
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
    ),
  ]);
  const count = (s: ExceptionStatus) =>
    num(counts.find(c => c.status === s)?.n);
  return {
    expiring: count('approved'),
    expired: count('expired'),
    items: rows.map(r => ({
      id: r.id,
      entityRef: r.entity_ref,
      controlId: r.control_id,
      riskRating: r.risk_rating,
      status: r.status,
      expiresAt: new Date(r.expires_at).toISOString(),
    })),
  };
}

export async function readRasiAssignments(
  db: Knex,
  f: ResolvedFilter,
): Promise<RasiAssignments> {
  const [covered, supportive] = await Promise.all([
    rowsOf<{ activity_id: string; n: DbNumber }>(
      scores(db, f)
        .join('rasi_assignments as r', 'r.entity_ref', 'e.entity_ref')
        .where('r.accountable', '<>', '')
        .select('r.activity_id', db.raw('count(*) as n'))
        .groupBy('r.activity_id'),
    ),
    rowsOf<{ entity_ref: string; supportive: string }>(
      scores(db, f)
        .join('rasi_assignments as r', 'r.entity_ref', 'e.entity_ref')
        .whereNot('r.supportive', '[]')
        .select('r.entity_ref', 'r.supportive'),
    ),
  ]);
  return {
    accountable: new Map(covered.map(r => [r.activity_id, num(r.n)])),
    supportive: supportive.map(r => ({
      entityRef: r.entity_ref,
      // A JSON array of entity refs (the column's documented content).
      refs: JSON.parse(r.supportive) as string[],
    })),
  };
}
