import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { RecordsStore } from '../database/records/RecordsStore';
import { ScoringService } from '../scoring/ScoringService';
import { audited } from './auditing';
import { RuleViolation } from '../domain/RuleViolation';
import { applyExceptionTransition } from './records/exceptions';
import { SecurityNotifier } from '../notify/SecurityNotifier';

/** The actor of changes made by the plugin's own scheduled jobs. */
export const SYSTEM_ACTOR = 'plugin:security-maturity';

/**
 * Expires approved exceptions past their expiry through the same lifecycle
 * transition people's actions use: one transaction per entity, each with its
 * history rows and version bumps, audited, then the entities rescored.
 * Idempotent: a second run finds nothing due.
 */
export async function expireDueExceptions(
  deps: {
    records: RecordsStore;
    auditor: AuditorService;
    scoring: ScoringService;
    logger: LoggerService;
    notifier?: SecurityNotifier;
  },
  now: Date,
): Promise<{ expired: number; entityRefs: string[] }> {
  const due = await deps.records.findDueExceptions(now);
  const byEntity = new Map<string, string[]>();
  for (const { entityRef, id } of due) {
    byEntity.set(entityRef, [...(byEntity.get(entityRef) ?? []), id]);
  }
  let expired = 0;
  const expiredRefs: string[] = [];
  for (const [entityRef, ids] of byEntity) {
    try {
      expired += await audited(
        deps.auditor,
        undefined,
        {
          actionType: 'exception-expire',
          meta: { entityRef, exceptionIds: ids },
        },
        () =>
          deps.records.mutate(
            entityRef,
            SYSTEM_ACTOR,
            async tx => {
              let count = 0;
              for (const id of ids) {
                try {
                  await applyExceptionTransition(tx, id, 'expire', undefined);
                  count++;
                } catch (error) {
                  // Revoked or closed by someone since it was found due.
                  if (!(error instanceof RuleViolation)) throw error;
                }
              }
              return count;
            },
            now,
          ),
      );
      expiredRefs.push(entityRef);
    } catch (error) {
      // One entity's failure must not hold up the others; the next run retries.
      deps.logger.warn(
        `Could not expire the exceptions of ${entityRef}: ${error}`,
      );
    }
  }
  const entityRefs = expiredRefs;
  if (entityRefs.length > 0) {
    deps.logger.info(`Expired ${expired} exception(s) past their expiry date`);
    await deps.scoring.rescoreRefs(entityRefs);
    for (const ref of entityRefs) {
      await deps.notifier?.signal(ref, SYSTEM_ACTOR, now);
    }
  }
  return { expired, entityRefs };
}
