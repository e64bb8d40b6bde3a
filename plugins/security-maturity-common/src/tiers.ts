import { WorkflowConfig } from './workflow';

/** What the tier rules read of an intake classification. @public */
export type TierFacts = {
  dataClassification: string;
  internetExposure: boolean;
  newIntegrations: boolean;
  authFlowChanges: boolean;
  regulatoryObligations: string[];
};

/**
 * The tier an intake classification yields: the first configured rule that
 * matches. The backend stores it; the intake form shows it before saving.
 *
 * @public
 */
export function deriveTier(
  workflow: WorkflowConfig,
  answers: TierFacts,
): { tier: string; reason: string } {
  const facts = {
    internetExposure: answers.internetExposure,
    newIntegrations: answers.newIntegrations,
    authFlowChanges: answers.authFlowChanges,
    regulated: answers.regulatoryObligations.length > 0,
  };
  for (const rule of workflow.tierRules) {
    const { dataClassificationIn, ...flags } = rule.when;
    const classificationMatches =
      !dataClassificationIn ||
      dataClassificationIn.includes(answers.dataClassification);
    const flagsMatch = Object.entries(flags).every(
      ([key, expected]) =>
        expected === undefined || facts[key as keyof typeof facts] === expected,
    );
    if (classificationMatches && flagsMatch) {
      return { tier: rule.tier, reason: rule.reason };
    }
  }
  // Unreachable: readWorkflowConfig requires an unconditional last rule.
  throw new Error('No tier rule matched');
}

/** The stages a tier requires; every stage until intake sets a tier. @public */
export function requiredStageIds(
  workflow: WorkflowConfig,
  tier?: string | null,
): string[] {
  return workflow.stages
    .filter(s => !tier || s.requiredForTiers.includes(tier))
    .map(s => s.id);
}

/**
 * What makes a change of intake material: new integrations, an auth-flow
 * change, or more sensitive data (later in `dataClassifications`). Each
 * re-opens threat modeling; the intake form says so before saving.
 *
 * @public
 */
export function materialIntakeChanges(
  workflow: Pick<WorkflowConfig, 'dataClassifications'>,
  before: MaterialFacts | undefined | null,
  after: MaterialFacts,
): string[] {
  if (!before) return [];
  const rank = (c: string) => workflow.dataClassifications.indexOf(c);
  const triggers: string[] = [];
  if (!before.newIntegrations && after.newIntegrations) {
    triggers.push('new integrations');
  }
  if (!before.authFlowChanges && after.authFlowChanges) {
    triggers.push('an auth-flow change');
  }
  if (rank(after.dataClassification) > rank(before.dataClassification)) {
    triggers.push(`data now ${after.dataClassification}`);
  }
  return triggers;
}

/** What `materialIntakeChanges` compares of two intake classifications. @public */
export type MaterialFacts = Pick<
  TierFacts,
  'dataClassification' | 'newIntegrations' | 'authFlowChanges'
>;
