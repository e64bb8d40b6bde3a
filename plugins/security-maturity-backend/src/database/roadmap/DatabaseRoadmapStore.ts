import {
  normalizeEntityRef,
  RoadmapPhase,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Knex } from 'knex';
import { toRoadmapPhase } from '../records/mappers';

/** A day's overall score from the daily snapshots. */
export type SnapshotOverall = { day: string; overall: number };

/**
 * What the roadmap reads besides the records: its phases, and the daily score
 * snapshots it is measured against. Writes go through the records
 * transaction (tables.roadmapPhases), like every other record.
 */
export class DatabaseRoadmapStore {
  constructor(private readonly db: Knex) {}

  async readPhases(entityRef: string): Promise<RoadmapPhase[]> {
    const rows = await this.db('roadmap_phases')
      .where({ entity_ref: normalizeEntityRef(entityRef) })
      .orderBy('phase', 'asc');
    return rows.map(toRoadmapPhase);
  }

  /**
   * For each day, the entity's latest snapshot on or before it (undefined
   * where there is none): one indexed lookup per distinct day, and a roadmap
   * has at most a dozen phases.
   */
  async snapshotsOnOrBefore(
    entityRef: string,
    days: string[],
  ): Promise<Map<string, SnapshotOverall | undefined>> {
    const ref = normalizeEntityRef(entityRef);
    const unique = [...new Set(days)];
    const found = await Promise.all(
      unique.map(day =>
        this.db('score_snapshots')
          .where({ entity_ref: ref })
          .where('day', '<=', day)
          .orderBy('day', 'desc')
          .first('day', 'overall'),
      ),
    );
    return new Map(
      unique.map((day, i) => [
        day,
        found[i]
          ? { day: found[i].day as string, overall: Number(found[i].overall) }
          : undefined,
      ]),
    );
  }
}
