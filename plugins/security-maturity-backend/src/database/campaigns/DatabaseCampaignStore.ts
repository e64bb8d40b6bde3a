import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignBurnUpPoint,
  CampaignGoal,
  CampaignMissingComponent,
  CLEARED_STATUSES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { ResolvedFilter } from '../org/OrgReadModel';
import { applyFilter, DbNumber, num, rowsOf } from '../org/scoreQueries';
import { iso } from '../records/mappers';
import { practiceColumn } from '../scores/ScoreRow';
import { CampaignStore, CampaignValues, MissingByOwner } from './CampaignStore';

/** A goal as an SQL condition, with its bindings. */
export type GoalSql = { sql: string; bindings: Knex.RawBinding[] };

/**
 * Scores are stored as real (float4) on PostgreSQL; practice scores are
 * multiples of 1/8, exact in either, but a margin keeps `>=` honest.
 */
const EPSILON = 1e-6;

/**
 * The goal as one condition on a score row (`alias` = entity_scores) or on a
 * snapshot (practice conditions only). Column names come from the fixed
 * SAMM practice list (the service has validated the IDs) and are bound as
 * identifiers; values are bound.
 */
export function goalSql(
  goal: CampaignGoal,
  alias: string,
  source: 'scores' | 'snapshots' = 'scores',
): GoalSql {
  const parts: string[] = [];
  const bindings: Knex.RawBinding[] = [];
  for (const c of goal.all) {
    if (c.kind === 'practice') {
      parts.push('?? >= ?');
      bindings.push(`${alias}.${practiceColumn(c.practiceId)}`, c.atLeast - EPSILON);
      continue;
    }
    if (source === 'snapshots') {
      throw new Error(`Snapshots do not hold ${c.kind} conditions`);
    }
    if (c.kind === 'stage') {
      const cleared = [...CLEARED_STATUSES];
      parts.push(
        `EXISTS (SELECT 1 FROM stages st WHERE st.entity_ref = ??
           AND st.stage_id = ? AND st.status IN (${cleared.map(() => '?').join(', ')}))`,
      );
      bindings.push(`${alias}.entity_ref`, c.stageId, ...cleared);
    } else if (c.kind === 'accountable') {
      parts.push(
        `EXISTS (SELECT 1 FROM rasi_assignments ra WHERE ra.entity_ref = ??
           AND ra.activity_id = ? AND ra.accountable <> '')`,
      );
      bindings.push(`${alias}.entity_ref`, c.activityId);
    } else {
      parts.push('?? = 0');
      bindings.push(`${alias}.exceptions_expired`);
    }
  }
  return {
    sql: parts.length ? parts.map(p => `(${p})`).join(' AND ') : '1 = 1',
    bindings,
  };
} // prettier-ignore

type CampaignRow = {
  id: string;
  title: string;
  scope: string;
  goal: string;
  start_day: string;
  target_day: string;
  owner_ref: string;
  reminder_cadence_days: number | null;
  archived: boolean | number;
  version: number | string;
  created_at: unknown;
  created_by: string;
  updated_at: unknown;
  updated_by: string;
};

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  title: r.title,
  scope: JSON.parse(r.scope),
  goal: JSON.parse(r.goal),
  startDay: r.start_day,
  targetDay: r.target_day,
  ownerRef: r.owner_ref,
  reminderCadenceDays:
    r.reminder_cadence_days === null ? null : Number(r.reminder_cadence_days),
  archived: Boolean(r.archived),
  version: Number(r.version),
  createdAt: iso(r.created_at),
  createdBy: r.created_by,
  updatedAt: iso(r.updated_at),
  updatedBy: r.updated_by,
});

const toColumns = (v: Partial<CampaignValues> & { archived?: boolean }) => {
  const out: Record<string, unknown> = {};
  if (v.title !== undefined) out.title = v.title;
  if (v.scope !== undefined) out.scope = JSON.stringify(v.scope);
  if (v.goal !== undefined) out.goal = JSON.stringify(v.goal);
  if (v.startDay !== undefined) out.start_day = v.startDay;
  if (v.targetDay !== undefined) out.target_day = v.targetDay;
  if (v.ownerRef !== undefined) out.owner_ref = v.ownerRef;
  if (v.reminderCadenceDays !== undefined) {
    out.reminder_cadence_days = v.reminderCadenceDays;
  }
  if (v.archived !== undefined) out.archived = v.archived;
  return out;
};

type PointRow = { day: string; meeting: DbNumber; total: DbNumber };
const toPoint = (r: PointRow): CampaignBurnUpPoint => ({
  day: r.day,
  meeting: num(r.meeting),
  total: num(r.total),
});

/** The campaign store on the plugin's knex database. */
export class DatabaseCampaignStore implements CampaignStore {
  constructor(private readonly db: Knex) {}

  /** entity_scores as `e`, filtered to the campaign's scope. */
  private scores(scope: ResolvedFilter) {
    return applyFilter(this.db('entity_scores as e'), scope);
  }

  async list(options: { includeArchived: boolean }): Promise<Campaign[]> {
    const q = this.db('campaigns').orderBy([
      { column: 'target_day', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    if (!options.includeArchived) q.where('archived', false);
    return (await rowsOf<CampaignRow>(q)).map(toCampaign);
  }

  async get(id: string): Promise<Campaign | undefined> {
    const row = await this.db('campaigns').where({ id }).first();
    return row ? toCampaign(row) : undefined;
  }

  async insert(c: Campaign): Promise<void> {
    await this.db('campaigns').insert({
      id: c.id,
      ...toColumns(c),
      archived: c.archived,
      version: c.version,
      created_at: new Date(c.createdAt),
      created_by: c.createdBy,
      updated_at: new Date(c.updatedAt),
      updated_by: c.updatedBy,
    });
  }

  async update(
    id: string,
    version: number,
    change: Partial<CampaignValues> & { archived?: boolean },
    by: { actor: string; at: Date },
  ): Promise<Campaign> {
    const updated = await this.db('campaigns')
      .where({ id, version })
      .update({
        ...toColumns(change),
        version: version + 1,
        updated_at: by.at,
        updated_by: by.actor,
      });
    const current = await this.get(id);
    if (!current) throw new NotFoundError(`Campaign ${id} was not found`);
    if (updated === 0) {
      throw new ConflictError(
        `Campaign ${id} was changed by ${current.updatedBy} since version ${version}: it is at version ${current.version}; reload and try again`,
      );
    }
    return current;
  }

  async progress(scope: ResolvedFilter, goal: CampaignGoal) {
    const g = goalSql(goal, 'e');
    const row = await this.scores(scope)
      .select(
        this.db.raw('count(*) as total'),
        this.db.raw(`sum(CASE WHEN ${g.sql} THEN 1 ELSE 0 END) as meeting`, g.bindings),
      )
      .first(); // prettier-ignore
    return { meeting: num(row?.meeting), total: num(row?.total) };
  }

  async burnUpFromSnapshots(
    scope: ResolvedFilter,
    goal: CampaignGoal,
    fromDay: string,
    toDay: string,
  ): Promise<CampaignBurnUpPoint[]> {
    if (fromDay > toDay) return [];
    const g = goalSql(goal, 's', 'snapshots');
    const rows = await rowsOf<PointRow>(
      this.scores(scope)
        .join('score_snapshots as s', 's.entity_ref', 'e.entity_ref')
        .where('s.day', '>=', fromDay)
        .where('s.day', '<=', toDay)
        .select(
          's.day',
          this.db.raw('count(*) as total'),
          this.db.raw(`sum(CASE WHEN ${g.sql} THEN 1 ELSE 0 END) as meeting`, g.bindings),
        )
        .groupBy('s.day')
        .orderBy('s.day', 'asc'),
    ); // prettier-ignore
    return rows.map(toPoint);
  }

  async campaignDays(campaignId: string, fromDay: string, toDay: string) {
    const rows = await rowsOf<PointRow>(
      this.db('campaign_days')
        .where({ campaign_id: campaignId })
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .orderBy('day', 'asc')
        .select('day', 'meeting', 'total'),
    );
    return rows.map(toPoint);
  }

  async writeCampaignDay(campaignId: string, point: CampaignBurnUpPoint) {
    await this.db('campaign_days')
      .insert({ campaign_id: campaignId, ...point })
      .onConflict(['campaign_id', 'day'])
      .merge(['meeting', 'total']);
  }

  async missing(
    scope: ResolvedFilter,
    goal: CampaignGoal,
    page: { limit: number; offset: number },
  ): Promise<{ items: CampaignMissingComponent[]; totalCount: number }> {
    const g = goalSql(goal, 'e');
    const missing = () =>
      this.scores(scope).whereRaw(`NOT (${g.sql})`, g.bindings);
    const [count, rows] = await Promise.all([
      missing().count({ count: '*' }).first(),
      missing()
        .select('e.entity_ref', 'e.owner_ref', 'e.system_ref', 'e.tier', 'e.overall')
        .orderBy([
          { column: 'e.owner_ref', order: 'asc' },
          { column: 'e.entity_ref', order: 'asc' },
        ])
        .limit(page.limit)
        .offset(page.offset),
    ]); // prettier-ignore
    return {
      totalCount: num((count as { count?: DbNumber } | undefined)?.count),
      items: rows.map((r: any) => ({
        entityRef: r.entity_ref,
        ownerRef: r.owner_ref ?? null,
        systemRef: r.system_ref ?? null,
        tier: r.tier ?? null,
        overall: Number(r.overall),
      })),
    };
  }

  async missingByOwner(
    scope: ResolvedFilter,
    goal: CampaignGoal,
  ): Promise<MissingByOwner[]> {
    const g = goalSql(goal, 'e');
    const rows = await rowsOf<{
      owner_ref: string;
      components: DbNumber;
      example: string;
    }>(
      this.scores(scope)
        .whereRaw(`NOT (${g.sql})`, g.bindings)
        .whereNotNull('e.owner_ref')
        .select(
          'e.owner_ref',
          this.db.raw('count(*) as components'),
          this.db.raw('min(e.entity_ref) as example'),
        )
        .groupBy('e.owner_ref')
        .orderBy('e.owner_ref'),
    );
    return rows.map(r => ({
      ownerRef: r.owner_ref,
      components: num(r.components),
      example: r.example,
    }));
  }

  async entityStatus(
    entityRef: string,
    scope: ResolvedFilter,
    goal: CampaignGoal,
  ) {
    const g = goalSql(goal, 'e');
    const row = await this.scores(scope)
      .where('e.entity_ref', entityRef)
      .select(this.db.raw(`CASE WHEN ${g.sql} THEN 1 ELSE 0 END as meets`, g.bindings))
      .first(); // prettier-ignore
    return row ? { meets: num(row.meets) === 1 } : undefined;
  }

  async claimReminder(
    campaignId: string,
    recipientRef: string,
    now: Date,
    cadenceDays: number,
  ): Promise<boolean> {
    const key = { campaign_id: campaignId, recipient_ref: recipientRef };
    const inserted = await this.db('campaign_reminders')
      .insert({ ...key, sent_at: now, previous_sent_at: null })
      .onConflict(['campaign_id', 'recipient_ref'])
      .ignore()
      .returning(['campaign_id']);
    if ((inserted as unknown[]).length > 0) return true;
    // One statement: of two replicas, the second finds the row already
    // claimed (PostgreSQL re-checks the condition on the updated row).
    const cutoff = new Date(now.getTime() - cadenceDays * 86_400_000);
    const updated = await this.db('campaign_reminders')
      .where(key)
      .where('sent_at', '<=', cutoff)
      .update({ previous_sent_at: this.db.ref('sent_at'), sent_at: now });
    return updated > 0;
  }

  async releaseReminder(campaignId: string, recipientRef: string) {
    const key = { campaign_id: campaignId, recipient_ref: recipientRef };
    await this.db('campaign_reminders')
      .where(key)
      .whereNull('previous_sent_at')
      .delete();
    await this.db('campaign_reminders')
      .where(key)
      .whereNotNull('previous_sent_at')
      .update({ sent_at: this.db.ref('previous_sent_at'), previous_sent_at: null });
  } // prettier-ignore
}
