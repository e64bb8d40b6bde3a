import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CLEARED_STATUSES,
  SecurityMaturityApi,
  SecurityMaturityRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

/** The counts the summary strip and the overview card show. */
export function summarize(record: SecurityMaturityRecord) {
  const required = new Set(record.requiredStageIds);
  return {
    requiredGates: required.size,
    clearedGates: record.stages.filter(
      s => required.has(s.stageId) && CLEARED_STATUSES.has(s.status),
    ).length,
    openExceptions: record.exceptions.filter(
      e => e.status === 'requested' || e.status === 'approved',
    ).length,
    expiredExceptions: record.exceptions.filter(e => e.status === 'expired')
      .length,
    openWorksheets: record.worksheets.filter(w => w.status === 'open').length,
  };
}

/** What every editable section of the tab is given. */
export type SectionProps = {
  record: SecurityMaturityRecord;
  config: WorkflowConfig;
  api: SecurityMaturityApi;
  entityRef: CompoundEntityRef;
  /** Reloads the tab after a change (or to resolve a conflict). */
  onChanged: () => void;
};
