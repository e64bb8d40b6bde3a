import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  SecurityMaturityApi,
  SecurityMaturityRecord,
  summarizeRecords,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

/** The counts the summary strip and the overview card show. */
export const summarize = (record: SecurityMaturityRecord) =>
  summarizeRecords(record);

/** What every editable section of the tab is given. */
export type SectionProps = {
  record: SecurityMaturityRecord;
  config: WorkflowConfig;
  api: SecurityMaturityApi;
  entityRef: CompoundEntityRef;
  /** Reloads the tab after a change (or to resolve a conflict). */
  onChanged: () => void;
};
