import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';

/** The stages a tier requires; every stage until intake sets a tier. */
export function requiredStageIds(
  workflow: WorkflowConfig,
  tier?: string | null,
): string[] {
  return workflow.stages
    .filter(s => !tier || s.requiredForTiers.includes(tier))
    .map(s => s.id);
}
