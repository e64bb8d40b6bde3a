import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ChecklistItem,
  EntityScore,
  ExceptionRecord,
  RasiAssignment,
  RiskRating,
  SecurityMaturityRecord,
  StageRecord,
  StageStatus,
} from '../types';
import { WorkflowConfig } from '../workflow';

/** @public */
export type StageUpdate = {
  version: number;
  status: StageStatus;
  checklist: ChecklistItem[];
  notes?: string;
  reason?: string;
};

/** @public */
export type RasiUpdate = Pick<
  RasiAssignment,
  'responsible' | 'accountable' | 'supportive' | 'informed'
> & { version: number };

/** @public */
export type ExceptionRequest = {
  controlId: string;
  justification: string;
  compensatingControls: string;
  riskRating: RiskRating;
  expiresAt: string;
};

/** @public */
export type ExceptionAction = 'approve' | 'reject' | 'revoke' | 'close';

/**
 * What the frontend and other tools can ask of the security-maturity backend.
 * Errors are thrown as `ResponseError`s; a 409 means someone changed the
 * record since it was read.
 *
 * @public
 */
export interface SecurityMaturityApi {
  /** The whole security-maturity record of one catalog entity. */
  getEntityRecord(entity: CompoundEntityRef): Promise<SecurityMaturityRecord>;
  /** The configured workflow: stages, RASI activities, tiers, controls. */
  getConfig(): Promise<WorkflowConfig>;
  /** The entity's SAMM score with every activity's answer explained. */
  getScore(entity: CompoundEntityRef): Promise<EntityScore>;
  updateStage(
    entity: CompoundEntityRef,
    stageId: string,
    update: StageUpdate,
  ): Promise<StageRecord>;
  updateRasi(
    entity: CompoundEntityRef,
    activityId: string,
    update: RasiUpdate,
  ): Promise<RasiAssignment>;
  requestException(
    entity: CompoundEntityRef,
    request: ExceptionRequest,
  ): Promise<ExceptionRecord>;
  transitionException(
    entity: CompoundEntityRef,
    id: string,
    transition: { version: number; action: ExceptionAction; note?: string },
  ): Promise<ExceptionRecord>;
}
