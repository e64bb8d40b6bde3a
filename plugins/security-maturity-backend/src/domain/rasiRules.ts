import {
  RasiActivityDefinition,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { findConfigured } from './findConfigured';
import { invalid } from './RuleViolation';

export const findRasiActivity = (
  workflow: WorkflowConfig,
  activityId: string,
): RasiActivityDefinition =>
  findConfigured(
    workflow.rasiActivities,
    activityId,
    known => `Unknown RASI activity '${activityId}'; use one of ${known}`,
  );

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
