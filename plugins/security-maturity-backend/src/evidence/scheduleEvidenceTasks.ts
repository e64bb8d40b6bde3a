import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EvidenceSignal,
  normalizeEntityRef,
} from '@secmat/backstage-plugin-security-maturity-common';
import { SecurityMaturityEvidenceCollector } from '@secmat/backstage-plugin-security-maturity-node';
import { EvidenceStore } from '../database/evidence/EvidenceStore';
import { waitForOtherReplicas } from '../database/waitForOtherReplicas';
import { RecordsService } from '../service/RecordsService';
import { EvidenceSettings } from './settings';

const DAY_MS = 86_400_000;

/**
 * Runs one collector over the catalog: a page of entities at a time, each
 * page's signals written in bulk through the records service. Returns how
 * many entities it saw and how many got new signals.
 */
export async function runCollector(options: {
  collector: SecurityMaturityEvidenceCollector;
  catalog: CatalogService;
  auth: AuthService;
  records: Pick<RecordsService, 'recordCollectedSignals'>;
  logger: LoggerService;
  now?: Date;
  pageSize?: number;
}): Promise<{ entities: number; changed: number }> {
  const { collector, catalog, auth, records, logger } = options;
  const now = options.now ?? new Date();
  let entities = 0;
  let changed = 0;
  for await (const page of catalog.streamEntities(
    {
      filter: collector.filter ?? { kind: 'Component' },
      pageSize: options.pageSize ?? 200,
    },
    { credentials: await auth.getOwnServiceCredentials() },
  )) {
    entities += page.length;
    const inPage = new Set(
      page.map(e => normalizeEntityRef(stringifyEntityRef(e))),
    );
    let found;
    try {
      found = await collector.collect({ entities: page, now });
    } catch (error) {
      // One page's failure (an API's rate limit) must not stop the run.
      logger.warn(
        `Evidence collector ${collector.id} failed on a page: ${error}`,
      );
      continue;
    }
    const signals: EvidenceSignal[] = [];
    let skipped = 0;
    for (const s of found) {
      const entityRef = normalizeEntityRef(stringifyEntityRef(s.entity));
      // Only the page's entities, with real times and http(s) links.
      const times = [s.observedAt, s.validUntil].filter(
        (t): t is string => t !== undefined,
      );
      if (
        !inPage.has(entityRef) ||
        times.some(t => Number.isNaN(Date.parse(t))) ||
        (s.link !== undefined && !/^https?:\/\//i.test(s.link))
      ) {
        skipped++;
        continue;
      }
      signals.push({
        entityRef,
        source: collector.id,
        key: s.key.slice(0, 200),
        value: s.value,
        observedAt: s.observedAt ?? now.toISOString(),
        ...(s.validUntil ? { validUntil: s.validUntil } : {}),
        ...(s.link ? { link: s.link } : {}),
      });
    }
    if (skipped) {
      logger.warn(
        `Evidence collector ${collector.id} gave ${skipped} signal(s) for entities outside its page, with invalid times or with non-http(s) links; they were left out`,
      );
    }
    if (signals.length) {
      const result = await records.recordCollectedSignals(
        collector.id,
        signals,
        now,
      );
      changed += result.entityRefs.length;
    }
  }
  return { entities, changed };
}

/**
 * The evidence tasks, each with global scope (once across replicas): one per
 * collector that modules added, and a daily pruning of signals replaced
 * longer ago than the retention (the current signal of each source and key
 * stays) and of pushed files received before it.
 */
export async function scheduleEvidenceTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  records: RecordsService;
  store: EvidenceStore;
  settings: EvidenceSettings;
  collectors: SecurityMaturityEvidenceCollector[];
}) {
  const { scheduler, logger, store, settings } = options;
  const schedule = (
    id: string,
    definition: Omit<
      Parameters<SchedulerService['scheduleTask']>[0],
      'id' | 'fn' | 'scope'
    >,
    fn: () => Promise<void>,
  ) =>
    waitForOtherReplicas(() =>
      scheduler.scheduleTask({ id, ...definition, scope: 'global', fn }),
    );
  for (const collector of options.collectors) {
    await schedule(
      `security-maturity-collector-${collector.id}`,
      collector.schedule ?? {
        frequency: { hours: 24 },
        timeout: { hours: 2 },
        initialDelay: { minutes: 5 },
      },
      async () => {
        const { entities, changed } = await runCollector({
          ...options,
          collector,
        });
        logger.info(
          `Evidence collector ${collector.id}: ${entities} entities, ${changed} with new signals`,
        );
      },
    );
  }
  await schedule(
    'security-maturity-evidence-prune',
    {
      frequency: { hours: 24 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 10 },
    },
    async () => {
      const before = new Date(Date.now() - settings.retentionDays * DAY_MS);
      const pruned = await store.prune(before);
      if (pruned) {
        logger.info(
          `Dropped ${pruned} replaced evidence signals and pushed files from before ${before.toISOString()}`,
        );
      }
    },
  );
}
