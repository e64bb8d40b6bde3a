import {
  normalizeEntityRef,
  RasiActivityDefinition,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { findConfigured } from './findConfigured';
import { forbidden, invalid } from './RuleViolation';
import { SIGN_OFF_SEPARATION_KEY, SignOffSeparation } from './stageRules';

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

/**
 * Sign-off separation at appointment: with strict separation, the
 * Accountable for an activity that signs off a stage is appointed by a
 * second person. Someone who is not a security lead may not make themself,
 * or a group they belong to, the new Accountable; keeping an Accountable a
 * lead appointed, or naming someone else, is fine.
 */
export function checkAccountableAppointment(options: {
  workflow: WorkflowConfig;
  activity: RasiActivityDefinition;
  before: string | undefined;
  accountable: string;
  actor: string;
  ownershipRefs: string[];
  isSecurityLead: boolean;
  separation?: SignOffSeparation;
}) {
  const { workflow, activity, accountable, isSecurityLead } = options;
  if ((options.separation ?? 'strict') !== 'strict' || isSecurityLead) return;
  const signs = workflow.stages.filter(
    s => s.signOffActivityId === activity.id,
  );
  if (signs.length === 0) return;
  const appointed = normalizeEntityRef(accountable);
  if (options.before && normalizeEntityRef(options.before) === appointed) {
    return;
  }
  const mine = new Set(options.ownershipRefs.map(normalizeEntityRef));
  mine.add(normalizeEntityRef(options.actor));
  if (!mine.has(appointed)) return;
  throw forbidden(
    `Sign-off separation (${SIGN_OFF_SEPARATION_KEY}: strict): ${
      options.actor
    } may not appoint ${
      appointed === normalizeEntityRef(options.actor)
        ? 'themself'
        : `${accountable}, a group they belong to,`
    } Accountable for '${activity.title}', which signs off ${signs
      .map(s => `'${s.title}'`)
      .join(', ')}; a security lead appoints them, or name someone else`,
  );
}
