import {
  CLEARED_STATUSES,
  ContainmentAction,
  ExceptionStatus,
  RiskRating,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { iso } from '../records/mappers';
import { DbNumber } from '../org/scoreQueries';
import {
  containmentOwnersJson,
  Counted,
  jsonText,
  pagedRows,
  refsTable,
  whereLowerIn,
} from './taskQueries';
import {
  SignOffStage,
  TaskPageRequest,
  TaskRows,
  TasksReadModel,
} from './TasksReadModel';

type Timestamp = Date | string | number;

type ExceptionRow = Counted & {
  id: string;
  entity_ref: string;
  control_id: string;
  risk_rating: RiskRating;
  status: ExceptionStatus;
  expires_at: Timestamp;
  requested_by: string;
  requested_at: Timestamp;
};

type SignOffRow = Counted & {
  entity_ref: string;
  stage_id: string;
  /** One of CLEARED_STATUSES, which the statement selects by. */
  status: Extract<StageStatus, 'passed' | 'waived' | 'not_applicable'>;
  accountable: string;
  since: Timestamp;
};

const ACTIONS: ContainmentAction[] = ['isolate', 'revoke', 'freeze', 'recover'];

type ContainmentRow = Counted & {
  id: string;
  entity_ref: string;
  title: string;
  kind: 'incident' | 'drill';
  started_at: Timestamp;
  contained_at: Timestamp | null;
} & Record<`owner_${ContainmentAction}`, string | null>;

type ComponentRow = Counted & {
  entity_ref: string;
  no_intake: DbNumber;
  tier: string | null;
  overall: DbNumber;
  target: DbNumber;
  percent_to_target: DbNumber;
};

/** What a list's method of the read model resolves to. */
type Result<K extends keyof TasksReadModel> = ReturnType<TasksReadModel[K]>;

const empty = <T>(): TaskRows<T> => ({ rows: [], totalCount: 0 });
const numOrNull = (v: DbNumber) => (v === null ? null : Number(v));

/** "My security tasks" on the plugin's knex database: one statement per list. */
export class DatabaseTasksReadModel implements TasksReadModel {
  constructor(private readonly db: Knex) {}

  async approvals(
    query: { notRequestedBy: string },
    page: TaskPageRequest,
  ): Result<'approvals'> {
    const { rows, totalCount } = await pagedRows<ExceptionRow>(
      this.db,
      () =>
        this.db('exceptions as x')
          .where('x.status', 'requested')
          // Segregation of duties: a lead's own request waits for another lead.
          .whereRaw('lower(??) <> ?', ['x.requested_by', query.notRequestedBy])
          .select(
            'x.id',
            'x.entity_ref',
            'x.control_id',
            'x.risk_rating',
            'x.expires_at',
            'x.requested_by',
            'x.requested_at',
          )
          .orderBy('x.requested_at', 'asc')
          .orderBy('x.id', 'asc'),
      page,
    );
    return {
      totalCount,
      rows: rows.map(r => ({
        entityRef: r.entity_ref,
        exceptionId: r.id,
        controlId: r.control_id,
        riskRating: r.risk_rating,
        requestedBy: r.requested_by,
        requestedAt: iso(r.requested_at),
        expiresAt: iso(r.expires_at),
      })),
    };
  }

  async signOffs(
    query: { accountableRefs: string[]; stages: SignOffStage[] },
    page: TaskPageRequest,
  ): Result<'signOffs'> {
    const { accountableRefs, stages } = query;
    if (accountableRefs.length === 0 || stages.length === 0) return empty();
    const { db } = this;
    // Each configured stage joins the RASI row of its own sign-off activity,
    // and counts only where the component's tier requires it (every stage
    // until intake sets a tier), as the tab shows the required stages only.
    const ofItsActivity = (q: Knex.QueryBuilder) => {
      for (const stage of stages) {
        q.orWhere(w => {
          w.where('s.stage_id', stage.stageId)
            .where('r.activity_id', stage.signOffActivityId)
            .where(t => {
              t.whereNull('i.tier');
              if (stage.requiredForTiers.length > 0) {
                t.orWhereIn('i.tier', stage.requiredForTiers);
              }
            });
        });
      }
    };
    const { rows, totalCount } = await pagedRows<SignOffRow>(
      db,
      () =>
        whereLowerIn(
          db('stages as s')
            .join('rasi_assignments as r', 'r.entity_ref', 's.entity_ref')
            .leftJoin('intakes as i', 'i.entity_ref', 's.entity_ref')
            .whereIn('s.status', [...CLEARED_STATUSES])
            .whereNull('s.signed_off_by')
            .where(ofItsActivity),
          'r.accountable',
          accountableRefs,
        )
          .select(
            's.entity_ref',
            's.stage_id',
            's.status',
            'r.accountable',
            db.raw('coalesce(s.status_since, s.updated_at) as since'),
          )
          .orderByRaw('coalesce(s.status_since, s.updated_at) asc')
          .orderBy('s.entity_ref', 'asc')
          .orderBy('s.stage_id', 'asc'),
      page,
    );
    return {
      totalCount,
      rows: rows.map(r => ({
        entityRef: r.entity_ref,
        stageId: r.stage_id,
        status: r.status,
        accountable: r.accountable,
        since: iso(r.since),
      })),
    };
  }

  async expiring(
    query: { entityRefs: string[]; horizon: Date },
    page: TaskPageRequest,
  ): Result<'expiring'> {
    if (query.entityRefs.length === 0) return empty();
    const { rows, totalCount } = await pagedRows<ExceptionRow>(
      this.db,
      () =>
        this.db('exceptions as x')
          .join(
            refsTable(this.db, query.entityRefs, 'owned'),
            'owned.entity_ref',
            'x.entity_ref',
          )
          .where(q =>
            q
              .where('x.status', 'expired')
              .orWhere(w =>
                w
                  .where('x.status', 'approved')
                  .where('x.expires_at', '<=', query.horizon),
              ),
          )
          .select(
            'x.id',
            'x.entity_ref',
            'x.control_id',
            'x.risk_rating',
            'x.status',
            'x.expires_at',
          )
          // The expired first (their expiry has passed), then the soonest.
          .orderBy('x.expires_at', 'asc')
          .orderBy('x.id', 'asc'),
      page,
    );
    return {
      totalCount,
      rows: rows.map(r => ({
        entityRef: r.entity_ref,
        exceptionId: r.id,
        controlId: r.control_id,
        riskRating: r.risk_rating,
        status: r.status as 'approved' | 'expired',
        expiresAt: iso(r.expires_at),
      })),
    };
  }

  async containment(
    query: { ownerRefs: string[] },
    page: TaskPageRequest,
  ): Result<'containment'> {
    const { ownerRefs } = query;
    if (ownerRefs.length === 0) return empty();
    const { db } = this;
    // The body is JSON text: each open worksheet's containment owners are
    // taken out once in the inner query, then read per action.
    const open = db('worksheets as w')
      .where('w.status', 'open')
      .select(
        'w.id',
        'w.entity_ref',
        'w.title',
        'w.kind',
        'w.started_at',
        'w.contained_at',
        containmentOwnersJson(db, 'w.body', 'owners'),
      )
      .as('o');
    const owner = (action: ContainmentAction) =>
      `lower(${jsonText(db, 'o.owners', action)})`;
    const placeholders = ownerRefs.map(() => '?').join(', ');
    const { rows, totalCount } = await pagedRows<ContainmentRow>(
      db,
      () =>
        db
          .from(open)
          .whereRaw(
            ACTIONS.map(a => `${owner(a)} IN (${placeholders})`).join(' OR '),
            ACTIONS.flatMap(() => ownerRefs),
          )
          .select(
            'o.id',
            'o.entity_ref',
            'o.title',
            'o.kind',
            'o.started_at',
            'o.contained_at',
            ...ACTIONS.map(a => db.raw(`${owner(a)} as owner_${a}`)),
          )
          // The newest incident first: it is the one still being contained.
          .orderBy('o.started_at', 'desc')
          .orderBy('o.id', 'asc'),
      page,
    );
    const mine = new Set(ownerRefs);
    return {
      totalCount,
      rows: rows.map(r => ({
        entityRef: r.entity_ref,
        worksheetId: r.id,
        title: r.title,
        kind: r.kind,
        startedAt: iso(r.started_at),
        containedAt: r.contained_at === null ? null : iso(r.contained_at),
        actions: ACTIONS.filter(a => {
          const ref = r[`owner_${a}`];
          return ref !== null && mine.has(ref);
        }),
      })),
    };
  }

  async components(
    query: { entityRefs: string[] },
    page: TaskPageRequest,
  ): Result<'components'> {
    if (query.entityRefs.length === 0) return empty();
    const { db } = this;
    // From the owned refs, not the score rows: a component nobody has
    // recorded anything for (no records, no score yet) still lacks intake.
    const noIntake = 'CASE WHEN i.entity_ref IS NULL THEN 1 ELSE 0 END';
    const { rows, totalCount } = await pagedRows<ComponentRow>(
      db,
      () =>
        db
          .from(refsTable(db, query.entityRefs, 'owned'))
          .leftJoin('intakes as i', 'i.entity_ref', 'owned.entity_ref')
          .leftJoin('entity_scores as e', 'e.entity_ref', 'owned.entity_ref')
          // Below target as the org views count it: the stored score against
          // the target of the tier it was scored with.
          .where(q =>
            q
              .whereNull('i.entity_ref')
              .orWhere(w =>
                w
                  .whereNotNull('e.target')
                  .whereRaw('?? < ??', ['e.overall', 'e.target']),
              ),
          )
          .select(
            'owned.entity_ref',
            db.raw(`${noIntake} as no_intake`),
            'e.tier',
            'e.overall',
            'e.target',
            'e.percent_to_target',
          )
          .orderByRaw(`${noIntake} desc`)
          .orderBy('e.percent_to_target', 'asc')
          .orderBy('owned.entity_ref', 'asc'),
      page,
    );
    return {
      totalCount,
      rows: rows.map(r => {
        const unclassified = Number(r.no_intake) === 1;
        return {
          entityRef: r.entity_ref,
          reason: unclassified
            ? ('no-intake' as const)
            : ('below-target' as const),
          // Without intake there is no tier, whatever an old score row says.
          tier: unclassified ? null : r.tier,
          overall: numOrNull(r.overall),
          target: unclassified ? null : numOrNull(r.target),
          percentToTarget: unclassified ? null : numOrNull(r.percent_to_target),
        };
      }),
    };
  }
}
