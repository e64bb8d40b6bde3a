import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CAMPAIGN_SCOPE_KEYS,
  CampaignCondition,
  CampaignInput,
  normalizeEntityRef,
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

/** Fewer days between reminders than this would be more than one a week. */
export const MIN_REMINDER_CADENCE_DAYS = 7;
export const DEFAULT_REMINDER_CADENCE_DAYS = 7;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string =>
  typeof value === 'string' &&
  DAY.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const bad = (field: string, message: string) =>
  new InputError(`${field}: ${message}`);

/**
 * Checks a campaign as sent and returns it normalised (trimmed, refs
 * lower-cased, the default cadence filled in). Bad input is refused with a
 * 400 naming the field, before anything is written: an empty scope, a goal
 * without conditions or naming an unknown practice, stage or activity, a
 * target date before the start. The spec has checked the shapes already;
 * the checks here repeat what matters, for callers that do not pass through
 * it (actions, the demo).
 */
export function validateCampaign(
  input: CampaignInput,
  workflow: Pick<WorkflowConfig, 'stages' | 'rasiActivities'>,
): Required<CampaignInput> {
  const title = String(input.title ?? '').trim();
  if (!title) throw bad('title', 'a campaign needs a title');

  const scope: Required<CampaignInput>['scope'] = {};
  for (const key of CAMPAIGN_SCOPE_KEYS) {
    const value = input.scope?.[key];
    if (typeof value === 'string' && value.trim()) scope[key] = value.trim();
  }
  if (Object.keys(scope).length === 0) {
    throw bad(
      'scope',
      `name at least one of ${CAMPAIGN_SCOPE_KEYS.join(
        ', ',
      )}: a campaign covers part of the organisation`,
    );
  }
  for (const key of ['owner', 'system', 'domain'] as const) {
    if (!scope[key]) continue;
    try {
      parseEntityRef(scope[key]!);
    } catch {
      throw bad(`scope.${key}`, `not an entity ref: ${scope[key]}`);
    }
  }

  const conditions = input.goal?.all ?? [];
  if (!Array.isArray(conditions) || conditions.length === 0) {
    throw bad('goal.all', 'a goal needs at least one condition');
  }
  const goal = {
    all: conditions.map((c, i) => checkCondition(c, i, workflow)),
  };

  if (!isDay(input.startDay)) {
    throw bad('startDay', 'a day as YYYY-MM-DD');
  }
  if (!isDay(input.targetDay)) {
    throw bad('targetDay', 'a day as YYYY-MM-DD');
  }
  if (input.targetDay < input.startDay) {
    throw bad(
      'targetDay',
      `${input.targetDay} is before the start ${input.startDay}`,
    );
  }
  let ownerRef: string;
  try {
    ownerRef = normalizeEntityRef(
      String(input.ownerRef ?? '').trim() || 'missing',
    );
    parseEntityRef(ownerRef);
    if (!ownerRef.includes(':')) throw new Error();
  } catch {
    throw bad('ownerRef', 'a user or group ref, e.g. user:default/lena');
  }
  const cadence =
    input.reminderCadenceDays === undefined
      ? DEFAULT_REMINDER_CADENCE_DAYS
      : input.reminderCadenceDays;
  if (
    cadence !== null &&
    (!Number.isInteger(cadence) ||
      cadence < MIN_REMINDER_CADENCE_DAYS ||
      cadence > 365)
  ) {
    throw bad(
      'reminderCadenceDays',
      `whole days from ${MIN_REMINDER_CADENCE_DAYS} (never more than one reminder a week) to 365, or null for none`,
    );
  }
  return {
    title,
    scope,
    goal,
    startDay: input.startDay,
    targetDay: input.targetDay,
    ownerRef,
    reminderCadenceDays: cadence,
  };
}

function checkCondition(
  c: CampaignCondition,
  i: number,
  workflow: Pick<WorkflowConfig, 'stages' | 'rasiActivities'>,
): CampaignCondition {
  const at = `goal.all[${i}]`;
  switch (c?.kind) {
    case 'practice': {
      const practice = SAMM_PRACTICES.find(
        p => p.id === String(c.practiceId ?? '').toLocaleUpperCase('en-US'),
      );
      if (!practice) {
        throw bad(
          `${at}.practiceId`,
          `unknown SAMM practice '${c.practiceId}'; known: ${SAMM_PRACTICES.map(
            p => p.id,
          ).join(', ')}`,
        );
      }
      if (typeof c.atLeast !== 'number' || !(c.atLeast >= 0 && c.atLeast <= 3)) {
        throw bad(`${at}.atLeast`, 'a practice score from 0 to 3');
      }
      return { kind: 'practice', practiceId: practice.id, atLeast: c.atLeast };
    }
    case 'stage':
      if (!workflow.stages.some(s => s.id === c.stageId)) {
        throw bad(
          `${at}.stageId`,
          `unknown stage '${c.stageId}'; known: ${workflow.stages
            .map(s => s.id)
            .join(', ')}`,
        );
      }
      return { kind: 'stage', stageId: c.stageId };
    case 'accountable':
      if (!workflow.rasiActivities.some(a => a.id === c.activityId)) {
        throw bad(
          `${at}.activityId`,
          `unknown RASI activity '${c.activityId}'; known: ${workflow.rasiActivities
            .map(a => a.id)
            .join(', ')}`,
        );
      }
      return { kind: 'accountable', activityId: c.activityId };
    case 'noExpiredExceptions':
      return { kind: 'noExpiredExceptions' };
    default:
      throw bad(
        `${at}.kind`,
        'one of practice, stage, accountable, noExpiredExceptions',
      );
  }
} // prettier-ignore
