import {
  ChecklistItem,
  IntakeAnswers,
  normalizeEntityRef,
  StageDefinition,
  StageRecord,
  StageStatus,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { findConfigured } from './findConfigured';
import { forbidden, invalid } from './RuleViolation';

/** The stage that a material change or a risky intake change re-opens. */
export const THREAT_MODELING_STAGE = 'threat-modeling';

/** Statuses a gate can be signed off in. */
export const SIGNABLE_STATUSES: ReadonlyArray<StageStatus> = [
  'passed',
  'waived',
  'not_applicable',
];

export const findStage = (
  workflow: WorkflowConfig,
  stageId: string,
): StageDefinition =>
  findConfigured(
    workflow.stages,
    stageId,
    known => `Unknown stage '${stageId}'; the workflow has ${known}`,
  );

/**
 * Checks a stage update and returns the full checklist in the stage's order
 * (criteria not given are not done): known criteria only, each once; a waived
 * or not-applicable stage needs a reason; a passed stage has every criterion
 * done.
 */
export function checkStageUpdate(
  stage: StageDefinition,
  update: { status: StageStatus; checklist: ChecklistItem[]; reason?: string },
): ChecklistItem[] {
  const known = new Set(stage.exitCriteria.map(c => c.id));
  const given = new Map<string, ChecklistItem>();
  for (const item of update.checklist) {
    if (!known.has(item.criterionId)) {
      throw invalid(
        `Stage '${stage.id}' has no exit criterion '${item.criterionId}'`,
      );
    }
    if (given.has(item.criterionId)) {
      throw invalid(`Exit criterion '${item.criterionId}' is listed twice`);
    }
    given.set(item.criterionId, item);
  }
  // Only what the request may say: who ticked a criterion is stamped by
  // stampChecklist, never taken from the request.
  const checklist = stage.exitCriteria.map(c => {
    const item = given.get(c.id);
    return item
      ? { criterionId: c.id, done: item.done, evidence: item.evidence }
      : { criterionId: c.id, done: false, evidence: [] };
  });
  if (
    (update.status === 'waived' || update.status === 'not_applicable') &&
    !update.reason?.trim()
  ) {
    throw invalid(`A ${update.status.replace('_', '-')} stage needs a reason`);
  }
  const open = checklist.filter(c => !c.done).length;
  if (update.status === 'passed' && open > 0) {
    throw invalid(
      `Stage '${stage.id}' cannot pass with ${open} exit criteria not done`,
    );
  }
  return checklist;
}

/**
 * Who ticked each criterion: a criterion done before keeps its ticker, one
 * newly done is the actor's, one not done has none.
 */
export function stampChecklist(
  before: ReadonlyArray<ChecklistItem> | undefined,
  checklist: ChecklistItem[],
  actor: string,
): ChecklistItem[] {
  return checklist.map(item => {
    const { doneBy: _, ...rest } = item;
    if (!item.done) return rest;
    const was = before?.find(b => b.criterionId === item.criterionId);
    const doneBy = was?.done ? was.doneBy : actor;
    return doneBy ? { ...rest, doneBy } : rest;
  });
}

/**
 * Whether a sign-off needs a second person: `strict` (the default) refuses
 * the Accountable's appointment by themself and a sign-off by someone who
 * ticked the stage's exit criteria; `off` keeps neither rule.
 */
export type SignOffSeparation = 'strict' | 'off';

/** The config key that sets {@link SignOffSeparation}, as messages name it. */
export const SIGN_OFF_SEPARATION_KEY = 'securityMaturity.signOff.separation';

/** A sign-off covers what was signed: a change of status or checklist voids it. */
export const voidsSignOff = (
  before: Pick<StageRecord, 'status' | 'checklist'> | undefined,
  after: { status: StageStatus; checklist: ChecklistItem[] },
) =>
  Boolean(
    before &&
      (before.status !== after.status ||
        JSON.stringify(before.checklist) !== JSON.stringify(after.checklist)),
  );

/**
 * Who may sign off a gate: the Accountable for its sign-off activity in RASI
 * (directly or through a group), or a security lead; and only a gate that is
 * passed, waived or not applicable. With strict separation, never someone
 * who ticked one of its exit criteria: a second person signs.
 */
export function checkSignOff(options: {
  stage: StageDefinition;
  status: StageStatus;
  accountable: string | undefined;
  ownershipRefs: string[];
  isSecurityLead: boolean;
  /** The signer, and the checklist as stored (with who ticked what). */
  actor?: string;
  checklist?: ReadonlyArray<ChecklistItem>;
  separation?: SignOffSeparation;
}) {
  const { stage, status, accountable, ownershipRefs, isSecurityLead } = options;
  const isAccountable = Boolean(
    accountable && ownershipRefs.includes(normalizeEntityRef(accountable)),
  );
  if (!isAccountable && !isSecurityLead) {
    throw forbidden(
      accountable
        ? `Only ${accountable} (Accountable for ${stage.signOffActivityId}) or a security lead may sign off '${stage.title}'`
        : `Nobody is Accountable for ${stage.signOffActivityId} yet; only a security lead may sign off '${stage.title}'`,
    );
  }
  if (!SIGNABLE_STATUSES.includes(status)) {
    throw invalid(
      `Only a passed, waived or not-applicable stage can be signed off; '${
        stage.title
      }' is ${status.replace('_', ' ')}`,
    );
  }
  const { actor, checklist = [], separation = 'strict' } = options;
  if (separation === 'strict' && actor) {
    const mine = new Set(ownershipRefs.map(normalizeEntityRef));
    mine.add(normalizeEntityRef(actor));
    const ticked = checklist.filter(
      c => c.done && c.doneBy && mine.has(normalizeEntityRef(c.doneBy)),
    );
    if (ticked.length > 0) {
      throw forbidden(
        `Sign-off separation (${SIGN_OFF_SEPARATION_KEY}: strict): ${actor} ticked ${
          ticked.length === 1 ? 'the exit criterion' : 'the exit criteria'
        } ${ticked.map(c => `'${c.criterionId}'`).join(', ')} of '${
          stage.title
        }', so a second person must sign it off: another Accountable or a security lead`,
      );
    }
  }
}

/** Checks intake answers against the configured data classifications. */
export function checkIntake(workflow: WorkflowConfig, answers: IntakeAnswers) {
  if (!workflow.dataClassifications.includes(answers.dataClassification)) {
    throw invalid(
      `Unknown data classification '${
        answers.dataClassification
      }'; use one of ${workflow.dataClassifications.join(', ')}`,
    );
  }
}

/** A re-opened stage: in progress again, its sign-off cleared, the reason kept. */
export const reopenedStage = (reason: string) => ({
  status: 'in_progress' as StageStatus,
  signedOffBy: null,
  signedOffAt: null,
  reopenedReason: reason,
});
