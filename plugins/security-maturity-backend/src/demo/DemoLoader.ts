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
import { RecordContext } from '../service/records/RecordContext';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { DemoAccess } from './DemoAccess';
import { DemoSession } from './DemoSession';
import { DEMO_DAYS, LEAD } from './demoCast';
import { demoCampaigns, DEMO_COMPONENTS, demoStory } from './demoStory';
import { CampaignStore } from '../database/campaigns/CampaignStore';
import { validateCampaign } from '../campaigns/validateCampaign';
import { DatabaseCapacityStore } from '../database/staffing/CapacityStore';
import { demoCapacities } from './demoStaffing';

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
      /** Where the pipelines' pushes of tools' files go. */
      evidence?: RecordContext['evidence'];
      /** Where the demo's campaign goes, when campaigns are wired. */
      campaigns?: Pick<CampaignStore, 'insert'>;
      /** Where the security partners' capacities go, when staffing is wired. */
      capacity?: Pick<DatabaseCapacityStore, 'save'>;
    },
  ) {}

  /**
   * Loads the story unless the database already has records; waits (does
   * nothing) until the catalog has the demo components.
   */
  /**
   * True while the year is replayed: the clock's own jobs (exception
   * expiry with the real time) wait, or they would expire the story's
   * exceptions before the story is through with them.
   */
  replaying = false;

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
    this.replaying = true;
    try {
      await this.replay(entities, now);
    } finally {
      this.replaying = false;
    }
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
    await this.addCampaigns(now);
    await this.deps.capacity?.save(demoCapacities(now), LEAD, now);
  }

  /** The demo's campaigns, as the security lead created them. */
  private async addCampaigns(now: Date) {
    const { campaigns, workflow } = this.deps;
    if (!campaigns) return;
    for (const [i, input] of demoCampaigns(now).entries()) {
      const at = new Date(`${input.startDay}T09:00:00Z`).toISOString();
      await campaigns.insert({
        id: `demo-campaign-${i + 1}`,
        ...validateCampaign(input, workflow),
        archived: false,
        version: 1,
        createdAt: at,
        createdBy: input.ownerRef,
        updatedAt: at,
        updatedBy: input.ownerRef,
      });
    }
  }
}
