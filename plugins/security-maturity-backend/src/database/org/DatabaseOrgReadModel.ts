import { OrgTrendPoint } from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { ScoreRow } from '../scores/ScoreRow';
import { readMetricsPack } from './metricsPackQueries';
import { ProgressRow, progressQuery, toProgressSums } from './progressQueries';
import {
  readExceptions,
  readRasiAssignments,
  readStageProgress,
} from './recordQueries';
import {
  ExceptionDigest,
  FacetValues,
  MetricsPackData,
  OrgPage,
  OrgReadModel,
  OwnerSystemProgress,
  Period,
  RasiAssignments,
  ResolvedFilter,
  ScoreSums,
  StageProgress,
} from './OrgReadModel';
import {
  applyFilter,
  applySort,
  DbNumber,
  firstOf,
  FUNCTION_COLUMNS,
  FunctionColumn,
  functionColumns,
  LIST_COLUMNS,
  ListRow,
  num,
  perFunction,
  rowsOf,
  sumsColumns,
  SumsRow,
  toComponentRow,
  toSums,
} from './scoreQueries';

type TrendRow = { day: string; n: DbNumber; overall: DbNumber } & Partial<
  Record<FunctionColumn, DbNumber>
>;

/** The org read model on the plugin's knex database. */
export class DatabaseOrgReadModel implements OrgReadModel {
  constructor(private readonly db: Knex) {}

  /** entity_scores as `e`, filtered to the view's components. */
  private scores(f: ResolvedFilter) {
    return applyFilter(this.db('entity_scores as e'), f);
  }

  async facetValues(): Promise<FacetValues> {
    const distinct = async (column: 'tier' | 'lifecycle' | 'type') =>
      (
        await rowsOf<Pick<ScoreRow, typeof column>>(
          this.db('entity_scores')
            .where('kind', 'component')
            .whereNotNull(column)
            .distinct(column)
            .orderBy(column),
        )
      ).map(r => String(r[column]));
    const [tiers, lifecycles, types] = await Promise.all([
      distinct('tier'),
      distinct('lifecycle'),
      distinct('type'),
    ]);
    return { tiers, lifecycles, types };
  }

  async components(f: ResolvedFilter, page: OrgPage) {
    const [countRow, rows] = await Promise.all([
      firstOf<{ count: DbNumber }>(
        this.scores(f).count({ count: '*' }).first(),
      ),
      rowsOf<ListRow>(this.componentRows(f, page)),
    ]);
    return {
      rows: rows.map(toComponentRow),
      totalCount: num(countRow?.count),
    };
  }

  private componentRows(f: ResolvedFilter, page: OrgPage) {
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

  async sumsBy(
    f: ResolvedFilter,
    by: 'owner' | 'system' | null,
  ): Promise<Map<string | null, ScoreSums>> {
    const column = by && (by === 'owner' ? 'owner_ref' : 'system_ref');
    const q = this.scores(f).select(sumsColumns(this.db));
    if (column) q.select(`e.${column} as key`).groupBy(`e.${column}`);
    const rows = await rowsOf<SumsRow>(q);
    return new Map(rows.map(r => [column ? r.key ?? null : null, toSums(r)]));
  }

  async distribution(f: ResolvedFilter) {
    const bucket = `CASE ${[0.5, 1, 1.5, 2, 2.5]
      .map((edge, i) => `WHEN e.overall < ${edge} THEN ${i}`)
      .join(' ')} ELSE 5 END`;
    const rows = await rowsOf<{ bucket: DbNumber; n: DbNumber }>(
      this.scores(f)
        .select(
          this.db.raw(`${bucket} as bucket`),
          this.db.raw('count(*) as n'),
        )
        .groupByRaw(bucket),
    );
    const counts = new Map(rows.map(r => [num(r.bucket), num(r.n)]));
    return [0, 1, 2, 3, 4, 5].map(i => ({
      from: i / 2,
      to: (i + 1) / 2,
      count: counts.get(i) ?? 0,
    }));
  }

  stageProgress(f: ResolvedFilter): Promise<StageProgress> {
    return readStageProgress(this.db, f);
  }

  exceptions(f: ResolvedFilter, horizon: Date): Promise<ExceptionDigest> {
    return readExceptions(this.db, f, horizon);
  }

  rasiAssignments(f: ResolvedFilter): Promise<RasiAssignments> {
    return readRasiAssignments(this.db, f);
  }

  async trend(f: ResolvedFilter, sinceDay: string): Promise<OrgTrendPoint[]> {
    const rows = await rowsOf<TrendRow>(
      this.scores(f)
        .join('score_snapshots as s', 's.entity_ref', 'e.entity_ref')
        .where('s.day', '>=', sinceDay)
        .select(
          's.day',
          this.db.raw('count(*) as n'),
          this.db.raw('avg(s.overall) as overall'),
          ...functionColumns().map(c =>
            this.db.raw(`avg(??) as ??`, [`s.${c}`, c]),
          ),
        )
        .groupBy('s.day')
        .orderBy('s.day', 'asc'),
    );
    return rows.map(r => ({
      day: r.day,
      components: num(r.n),
      overall: num(r.overall),
      functions: perFunction(fn => num(r[FUNCTION_COLUMNS[fn]])),
    }));
  }

  async progressSums(
    f: ResolvedFilter,
    sinceDay: string,
  ): Promise<OwnerSystemProgress[]> {
    const rows = await rowsOf<ProgressRow>(
      progressQuery(this.db, this.scores(f), sinceDay),
    );
    return rows.map(r => ({
      ownerRef: r.owner_ref ?? null,
      systemRef: r.system_ref ?? null,
      sums: toProgressSums(r),
    }));
  }

  metricsPack(f: ResolvedFilter, quarter: Period): Promise<MetricsPackData> {
    return readMetricsPack(this.db, this, f, quarter);
  }
}
