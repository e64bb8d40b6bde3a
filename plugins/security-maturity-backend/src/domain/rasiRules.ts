import {
  RasiActivityDefinition,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { invalid } from './RuleViolation';

export function findRasiActivity(
  workflow: WorkflowConfig,
  activityId: string,
): RasiActivityDefinition {
  const activity = workflow.rasiActivities.find(a => a.id === activityId);
  if (!activity) {
    throw invalid(
      `Unknown RASI activity '${activityId}'; use one of ${workflow.rasiActivities
        .map(a => a.id)
        .join(', ')}`,
    );
  }
  return activity;
}

/** Exactly one Accountable, named; each list without repeats. */
export function normalizeRasi(input: {
  responsible: string[];
  accountable: string;
  supportive: string[];
  informed: string[];
}) {
  const accountable = input.accountable.trim();
  if (!accountable) {
    throw invalid('accountable: exactly one user or group must be Accountable');
  }
  const unique = (refs: string[]) => [...new Set(refs)];
  return {
    responsible: unique(input.responsible),
    accountable,
    supportive: unique(input.supportive),
    informed: unique(input.informed),
  };
}
