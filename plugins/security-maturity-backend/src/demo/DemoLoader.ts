import {
  AuditorService,
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DAY_MS,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { RecordsStore } from '../database/records/RecordsStore';
import { ScoringService } from '../scoring/ScoringService';
import { RecordsService } from '../service/RecordsService';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { DemoAccess } from './DemoAccess';
import { DemoSession } from './DemoSession';
import { DEMO_DAYS } from './demoCast';
import { DEMO_COMPONENTS, demoStory } from './demoStory';

/**
 * Loads the demo organisation's year on an empty database: every step of
 * the story goes through the records service, with the clock set to the
 * day it happened (so history, versions, audit and the rules apply as they
 * would have), the clock's own exception expiry runs each day, and each day
 * leaves its score snapshot, so the trends and the quarters show movement.
 * For the demo portal only (`securityMaturity.demo.enabled`).
 */
export class DemoLoader {
  constructor(
    private readonly deps: {
      records: RecordsStore;
      scoring: ScoringService;
      scorers: ScorerRegistry;
      catalog: CatalogService;
      auth: AuthService;
      auditor: AuditorService;
      logger: LoggerService;
      workflow: WorkflowConfig;
    },
  ) {}

  /**
   * Loads the story unless the database already has records; waits (does
   * nothing) until the catalog has the demo components.
   */
  async loadIfEmpty(
    now = new Date(),
  ): Promise<'loaded' | 'skipped' | 'waiting'> {
    const { records, catalog, auth, logger } = this.deps;
    if (await records.hasAnyRecords()) return 'skipped';
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: DEMO_COMPONENTS.map(n => `component:default/${n}`) },
      { credentials },
    );
    if (items.some(e => !e)) return 'waiting';
    // Every component gets its daily snapshots, the story's and the rest
    // (at zero), so the trends average the same set on every day.
    const { items: entities } = await catalog.getEntities(
      { filter: { kind: 'Component' } },
      { credentials },
    );
    const started = Date.now();
    await this.replay(entities, now);
    logger.info(
      `Loaded the demo organisation's year of security records in ${
        Date.now() - started
      } ms`,
    );
    return 'loaded';
  }

  private async replay(entities: Entity[], now: Date) {
    const { scoring, workflow } = this.deps;
    // Day 0 a year ago, the last day yesterday; steps at 09:00 UTC onwards.
    const today = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
    );
    const first = today - DEMO_DAYS * DAY_MS + 9 * 3_600_000;
    let clock = new Date(first);
    const service = new RecordsService({
      ...this.deps,
      access: new DemoAccess({
        ...this.deps,
        securityLeadGroups: workflow.securityLeadGroups,
      }),
      clock: () => clock,
    });
    const ids = new Map<string, string>();
    const steps = demoStory();
    for (let day = 0, next = 0; day < DEMO_DAYS; day++) {
      const start = first + day * DAY_MS;
      for (let i = 0; steps[next]?.day === day; i++, next++) {
        const step = steps[next];
        clock = new Date(start + i * 60_000);
        await step.act(
          new DemoSession(service, workflow, ids, step.component, step.as),
          clock,
        );
      }
      clock = new Date(start + 10 * 3_600_000);
      await service.expireDueExceptions(clock);
      await scoring.snapshotAt(entities, clock);
    }
    await scoring.scoreEntities(entities, now);
  }
}
