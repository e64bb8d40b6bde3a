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

/** The whole record of an entity as the Security tab reads it. */
export function toEntityRecord(
  access: EntityAccess,
  picture: StoredRecords & { header?: RecordsHeader },
  workflow: WorkflowConfig,
  scorers: ScorerInfo[],
): SecurityMaturityRecord {
  const { header, ...records } = picture;
  return {
    entityRef: access.entityRef,
    version: header?.version ?? 0,
    updatedAt: header?.updatedAt,
    updatedBy: header?.updatedBy,
    ...records,
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
    },
  };
}
