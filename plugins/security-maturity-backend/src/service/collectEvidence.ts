import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { EvidenceSignal } from '@secmat/backstage-plugin-security-maturity-common';
import { EvidenceStore } from '../database/evidence/EvidenceStore';
import { ScoringService } from '../scoring/ScoringService';
import { audited } from './auditing';

/**
 * Writes what a collector found for a page of entities: one bulk write (new
 * signals by content hash, a history row and a version bump per entity that
 * got any), one audit event, then those entities rescored in one page.
 * Signals already stored change nothing, so a rerun is harmless.
 */
export async function collectEvidence(
  deps: {
    evidence?: { store: EvidenceStore };
    auditor: AuditorService;
    scoring: ScoringService;
    logger: LoggerService;
  },
  write: { collectorId: string; signals: EvidenceSignal[]; now: Date },
): Promise<{ written: number; entityRefs: string[] }> {
  const store = deps.evidence?.store;
  if (!store) throw new Error('Evidence is not set up');
  const bad = write.signals.find(s => s.link && !/^https?:\/\//i.test(s.link));
  if (bad) {
    throw new Error(
      `Collector ${write.collectorId} gave a link that is not http(s) for ${bad.entityRef}`,
    );
  }
  const entityRefs = await audited(
    deps.auditor,
    undefined,
    {
      actionType: 'evidence-collect',
      meta: { collectorId: write.collectorId, signals: write.signals.length },
    },
    () => store.writeCollected(write),
    refs => ({ entities: refs.length }),
  );
  if (entityRefs.length) await deps.scoring.rescoreRefs(entityRefs);
  return { written: write.signals.length, entityRefs };
}
