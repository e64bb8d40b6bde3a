import {
  IntakeAnswers,
  IntakeRecord,
  StageRecord,
  StageUpdate,
  deriveTier,
  materialIntakeChanges,
} from '@secmat/backstage-plugin-security-maturity-common';
import * as families from '../../database/records/tables';
import { RecordsTransaction } from '../../database/records/RecordsTransaction';
import {
  checkIntake,
  checkSignOff,
  checkStageUpdate,
  findStage,
  reopenedStage,
  stampChecklist,
  THREAT_MODELING_STAGE,
  voidsSignOff,
} from '../../domain/stageRules';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext } from './RecordContext';

/**
 * Re-opens a stage (material change, runtime lesson): back to in progress,
 * sign-off cleared, with the reason kept on the stage and in history.
 */
export async function reopenStage(
  tx: RecordsTransaction,
  stageId: string,
  reason: string,
) {
  const before = await tx.find(families.stages, stageId);
  const values = {
    ...reopenedStage(reason),
    ...(before?.status !== 'in_progress' ? { statusSince: tx.now } : {}),
  };
  if (!before) {
    await tx.insert(families.stages, stageId, { ...values, checklist: [] });
  } else {
    await tx.update(families.stages, stageId, before.version, values, stageId);
  }
  await tx.history('stage', stageId, 'reopen', {
    status: { from: before?.status ?? null, to: 'in_progress' },
    reason,
  });
}

export async function putIntake(
  ctx: RecordContext,
  access: EntityAccess,
  input: IntakeAnswers & { version: number },
): Promise<IntakeRecord> {
  const { workflow } = ctx;
  checkIntake(workflow, input);
  const { tier, reason } = deriveTier(workflow, input);
  return change(ctx, access, async tx => {
    const { before, after } = await tx.saveRecorded(
      families.intakes,
      undefined,
      input.version,
      {
        dataClassification: input.dataClassification,
        newIntegrations: input.newIntegrations,
        authFlowChanges: input.authFlowChanges,
        internetExposure: input.internetExposure,
        regulatoryObligations: input.regulatoryObligations,
        notes: input.notes ?? null,
        tier,
        tierReason: reason,
      } as families.IntakeValues,
      {
        what: 'The intake classification',
        recordType: 'intake',
        recordId: 'intake',
      },
    );
    // A material change to a classified component re-opens threat modeling.
    const triggers = materialIntakeChanges(workflow, before, after);
    if (triggers.length > 0) {
      await reopenStage(
        tx,
        THREAT_MODELING_STAGE,
        `Material change at intake: ${triggers.join(', ')}`,
      );
    }
    return after;
  });
}

export async function putStage(
  ctx: RecordContext,
  access: EntityAccess,
  stageId: string,
  input: StageUpdate,
): Promise<StageRecord> {
  const stage = findStage(ctx.workflow, stageId);
  const checklist = checkStageUpdate(stage, input);
  return change(ctx, access, async tx => {
    const { after } = await tx.saveRecorded(
      families.stages,
      stageId,
      input.version,
      before => {
        const stamped = stampChecklist(before?.checklist, checklist, tx.actor);
        return {
          status: input.status,
          ...(before?.status !== input.status ? { statusSince: tx.now } : {}),
          checklist: stamped,
          notes: input.notes ?? null,
          reason: input.reason ?? null,
          ...(voidsSignOff(before, {
            status: input.status,
            checklist: stamped,
          })
            ? { signedOffBy: null, signedOffAt: null }
            : {}),
        };
      },
      {
        what: `Stage '${stage.title}'`,
        recordType: 'stage',
        recordId: stageId,
      },
    );
    return after;
  });
}

export async function signOffStage(
  ctx: RecordContext,
  access: EntityAccess,
  stageId: string,
  input: { version: number },
): Promise<StageRecord> {
  const stage = findStage(ctx.workflow, stageId);
  return change(ctx, access, async tx => {
    const what = `Stage '${stage.title}'`;
    const before = await tx.get(families.stages, stageId, what);
    const rasi = await tx.find(
      families.rasiAssignments,
      stage.signOffActivityId,
    );
    checkSignOff({
      stage,
      status: before.status,
      accountable: rasi?.accountable,
      ownershipRefs: access.ownershipRefs,
      isSecurityLead: access.isSecurityLead,
      actor: access.actor,
      checklist: before.checklist,
      separation: ctx.signOffSeparation,
    });
    const after = await tx.update(
      families.stages,
      stageId,
      input.version,
      { signedOffBy: access.actor, signedOffAt: tx.now },
      what,
    );
    await tx.history('stage', stageId, 'sign-off', {
      signedOffBy: { from: before.signedOffBy ?? null, to: access.actor },
    });
    return after;
  });
}

export async function recordMaterialChange(
  ctx: RecordContext,
  access: EntityAccess,
  input: { kind: string; description: string },
): Promise<StageRecord> {
  return change(ctx, access, async tx => {
    await tx.history('material-change', input.kind, 'create', {
      kind: input.kind,
      description: input.description,
    });
    await reopenStage(
      tx,
      THREAT_MODELING_STAGE,
      `Material change (${input.kind}): ${input.description}`,
    );
    return tx.get(families.stages, THREAT_MODELING_STAGE, 'Threat modeling');
  });
}
