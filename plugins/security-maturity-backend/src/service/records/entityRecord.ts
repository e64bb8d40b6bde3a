import {
  normalizeEntityRef,
  requiredStageIds,
  ScorerInfo,
  SecurityMaturityRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { EntityAccess } from '../../access/AccessControl';
import {
  RecordsHeader,
  StoredRecords,
} from '../../database/records/RecordsStore';
import {
  redactException,
  redactReopenReason,
  redactWorksheet,
} from '../../domain/confidentiality';

/**
 * The whole record of an entity as the Security tab reads it; exceptions and
 * worksheets redacted unless the caller reads their confidential contents.
 */
export function toEntityRecord(
  access: EntityAccess,
  picture: StoredRecords & { header?: RecordsHeader },
  workflow: WorkflowConfig,
  scorers: ScorerInfo[],
  readsConfidential: boolean,
): SecurityMaturityRecord {
  const { header, ...records } = picture;
  return {
    entityRef: access.entityRef,
    version: header?.version ?? 0,
    updatedAt: header?.updatedAt,
    updatedBy: header?.updatedBy,
    ...records,
    exceptions: readsConfidential
      ? records.exceptions
      : records.exceptions.map(redactException),
    worksheets: readsConfidential
      ? records.worksheets
      : records.worksheets.map(redactWorksheet),
    stages: readsConfidential
      ? records.stages
      : records.stages.map(stage =>
          stage.reopenedReason
            ? {
                ...stage,
                reopenedReason: redactReopenReason(stage.reopenedReason),
              }
            : stage,
        ),
    // Until intake sets the tier, every stage is shown as required.
    requiredStageIds: requiredStageIds(workflow, records.intake?.tier),
    scorers,
    permissions: {
      canEdit: access.isUser && (access.isOwner || access.isSecurityLead),
      isSecurityLead: access.isSecurityLead,
      // The sign-off rule's test (checkSignOff), so the tab offers sign-off
      // to exactly the Accountable it will accept.
      accountableFor: records.rasi
        .filter(a =>
          access.ownershipRefs.includes(normalizeEntityRef(a.accountable)),
        )
        .map(a => a.activityId),
      canReadConfidential: readsConfidential,
    },
  };
}
