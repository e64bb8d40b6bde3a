import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ChecklistItem,
  IntakeAnswers,
  IntakeRecord,
  StageDefinition,
  StageRecord,
  StageStatus,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { toIntake, toStage } from '../../database/mappers';
import { UnitOfWork } from '../../database/UnitOfWork';
import { deriveTier } from '../../config/readWorkflowConfig';
import { EntityAccess } from '../access';
import { diff, RecordContext } from './context';

const SIGNABLE: StageStatus[] = ['passed', 'waived', 'not_applicable'];

export function findStage(
  workflow: WorkflowConfig,
  stageId: string,
): StageDefinition {
  const stage = workflow.stages.find(s => s.id === stageId);
  if (!stage) {
    throw new InputError(
      `Unknown stage '${stageId}'; the workflow has ${workflow.stages
        .map(s => s.id)
        .join(', ')}`,
    );
  }
  return stage;
}

/**
 * Re-opens a stage (material change, runtime lesson): back to in progress,
 * sign-off cleared, with the reason kept on the stage and in history.
 */
export async function reopenStage(
  uow: UnitOfWork,
  stageId: string,
  reason: string,
) {
  const row = await uow.find('stages', { stage_id: stageId });
  if (!row) {
    await uow.tx('stages').insert({
      entity_ref: uow.entityRef,
      stage_id: stageId,
      status: 'in_progress',
      status_since: uow.now,
      checklist: '[]',
      reopened_reason: reason,
      ...uow.stamp(1),
    });
  } else {
    await uow
      .tx('stages')
      .where({ entity_ref: uow.entityRef, stage_id: stageId })
      .update({
        status: 'in_progress',
        ...(row.status !== 'in_progress' ? { status_since: uow.now } : {}),
        signed_off_by: null,
        signed_off_at: null,
        reopened_reason: reason,
        ...uow.stamp(Number(row.version) + 1),
      });
  }
  await uow.history('stage', stageId, 'reopen', {
    status: { from: row?.status ?? null, to: 'in_progress' },
    reason,
  });
}

const classificationRank = (workflow: WorkflowConfig, c: string) =>
  workflow.dataClassifications.indexOf(c);

export async function putIntake(
  ctx: RecordContext,
  access: EntityAccess,
  body: IntakeAnswers & { version: number },
): Promise<IntakeRecord> {
  const { workflow } = ctx;
  if (!workflow.dataClassifications.includes(body.dataClassification)) {
    throw new InputError(
      `Unknown data classification '${
        body.dataClassification
      }'; use one of ${workflow.dataClassifications.join(', ')}`,
    );
  }
  const { tier, reason } = deriveTier(workflow, body);
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const beforeRow = await uow.find('intakes', {});
    const before = beforeRow ? toIntake(beforeRow) : undefined;
    const row = await uow.saveVersioned(
      'intakes',
      {},
      body.version,
      {
        data_classification: body.dataClassification,
        new_integrations: body.newIntegrations,
        auth_flow_changes: body.authFlowChanges,
        internet_exposure: body.internetExposure,
        regulatory_obligations: JSON.stringify(body.regulatoryObligations),
        notes: body.notes ?? null,
        tier,
        tier_reason: reason,
      },
      'The intake classification',
    );
    const after = toIntake(row);
    await uow.history(
      'intake',
      'intake',
      before ? 'update' : 'create',
      diff(before, after),
    );
    // A material change to a classified component re-opens threat modeling.
    if (before) {
      const triggers = [
        !before.newIntegrations && after.newIntegrations && 'new integrations',
        !before.authFlowChanges &&
          after.authFlowChanges &&
          'an auth-flow change',
        classificationRank(workflow, after.dataClassification) >
          classificationRank(workflow, before.dataClassification) &&
          `data now ${after.dataClassification}`,
      ].filter(Boolean);
      if (triggers.length > 0) {
        await reopenStage(
          uow,
          'threat-modeling',
          `Material change at intake: ${triggers.join(', ')}`,
        );
      }
    }
    return after;
  });
}

export async function putStage(
  ctx: RecordContext,
  access: EntityAccess,
  stageId: string,
  body: {
    version: number;
    status: StageStatus;
    checklist: ChecklistItem[];
    notes?: string;
    reason?: string;
  },
): Promise<StageRecord> {
  const stage = findStage(ctx.workflow, stageId);
  const known = new Set(stage.exitCriteria.map(c => c.id));
  const given = new Map<string, ChecklistItem>();
  for (const item of body.checklist) {
    if (!known.has(item.criterionId)) {
      throw new InputError(
        `Stage '${stageId}' has no exit criterion '${item.criterionId}'`,
      );
    }
    if (given.has(item.criterionId)) {
      throw new InputError(
        `Exit criterion '${item.criterionId}' is listed twice`,
      );
    }
    given.set(item.criterionId, item);
  }
  const checklist = stage.exitCriteria.map(
    c => given.get(c.id) ?? { criterionId: c.id, done: false, evidence: [] },
  );
  if (
    (body.status === 'waived' || body.status === 'not_applicable') &&
    !body.reason?.trim()
  ) {
    throw new InputError(
      `A ${body.status.replace('_', '-')} stage needs a reason`,
    );
  }
  const open = checklist.filter(c => !c.done).length;
  if (body.status === 'passed' && open > 0) {
    throw new InputError(
      `Stage '${stageId}' cannot pass with ${open} exit criteria not done`,
    );
  }
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const beforeRow = await uow.find('stages', { stage_id: stageId });
    const before = beforeRow ? toStage(beforeRow) : undefined;
    const changed =
      before &&
      (before.status !== body.status ||
        JSON.stringify(before.checklist) !== JSON.stringify(checklist));
    const row = await uow.saveVersioned(
      'stages',
      { stage_id: stageId },
      body.version,
      {
        status: body.status,
        // Time in stage counts from the last change of status.
        ...(before?.status !== body.status ? { status_since: uow.now } : {}),
        checklist: JSON.stringify(checklist),
        notes: body.notes ?? null,
        reason: body.reason ?? null,
        // A sign-off covers what was signed; changing it needs a new sign-off.
        ...(changed ? { signed_off_by: null, signed_off_at: null } : {}),
      },
      `Stage '${stage.title}'`,
    );
    const after = toStage(row);
    await uow.history(
      'stage',
      stageId,
      before ? 'update' : 'create',
      diff(before, after),
    );
    return after;
  });
}

export async function signOffStage(
  ctx: RecordContext,
  access: EntityAccess,
  stageId: string,
  version: number,
): Promise<StageRecord> {
  const stage = findStage(ctx.workflow, stageId);
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    const row = await uow.get(
      'stages',
      { stage_id: stageId },
      `Stage '${stage.title}'`,
    );
    const rasi = await uow.find('rasi_assignments', {
      activity_id: stage.signOffActivityId,
    });
    const accountable = rasi?.accountable?.toLocaleLowerCase('en-US');
    const isAccountable = Boolean(
      accountable && access.ownershipRefs.includes(accountable),
    );
    if (!isAccountable && !access.isSecurityLead) {
      throw new NotAllowedError(
        rasi
          ? `Only ${rasi.accountable} (Accountable for ${stage.signOffActivityId}) or a security lead may sign off '${stage.title}'`
          : `Nobody is Accountable for ${stage.signOffActivityId} yet; only a security lead may sign off '${stage.title}'`,
      );
    }
    if (!SIGNABLE.includes(row.status)) {
      throw new InputError(
        `Only a passed, waived or not-applicable stage can be signed off; '${
          stage.title
        }' is ${row.status.replace('_', ' ')}`,
      );
    }
    const updated = await uow.updateVersioned(
      'stages',
      { stage_id: stageId },
      version,
      { signed_off_by: access.actor, signed_off_at: uow.now },
      `Stage '${stage.title}'`,
    );
    await uow.history('stage', stageId, 'sign-off', {
      signedOffBy: { from: row.signed_off_by ?? null, to: access.actor },
    });
    return toStage(updated);
  });
}

export async function recordMaterialChange(
  ctx: RecordContext,
  access: EntityAccess,
  body: { kind: string; description: string },
): Promise<StageRecord> {
  return ctx.store.mutate(access.entityRef, access.actor, async uow => {
    await uow.history('material-change', body.kind, 'create', {
      kind: body.kind,
      description: body.description,
    });
    await reopenStage(
      uow,
      'threat-modeling',
      `Material change (${body.kind}): ${body.description}`,
    );
    return toStage(
      await uow.get(
        'stages',
        { stage_id: 'threat-modeling' },
        'Threat modeling',
      ),
    );
  });
}
