import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { readWorkflowConfig } from './readWorkflowConfig';
import { NotifyConfig, readNotifyConfig } from '../notify/notifyConfig';
import {
  SIGN_OFF_SEPARATION_KEY,
  SignOffSeparation,
} from '../domain/stageRules';

/** How often the scheduled tasks run. */
export type ScheduleOptions = {
  rescoring: SchedulerServiceTaskScheduleDefinition;
  exceptionExpiry: SchedulerServiceTaskScheduleDefinition;
};

/** Everything the plugin reads from `securityMaturity`, read in one place. */
export type SecurityMaturityConfig = {
  workflow: WorkflowConfig;
  scoring: {
    /** Days after which an attested self-assessment answer is stale. */
    attestedMaxAgeDays: number;
    /** Days of daily score snapshots kept for the trends. */
    historyRetentionDays: number;
  };
  /** The official OWASP SAMM model directory, for its wording. */
  sammModelPath?: string;
  schedules: ScheduleOptions;
  /** Whether the demo organisation's year is loaded on an empty database. */
  demo: boolean;
  /** Who is told of what, reminders and the leads' digest. */
  notifications: NotifyConfig;
  /** Whether a sign-off needs a second person (strict by default). */
  signOff: { separation: SignOffSeparation };
};

/** `securityMaturity.signOff.separation`: strict unless set to off. */
export function readSignOffSeparation(config: Config): SignOffSeparation {
  const value = config.getOptionalString(SIGN_OFF_SEPARATION_KEY) ?? 'strict';
  if (value !== 'strict' && value !== 'off') {
    throw new Error(
      `${SIGN_OFF_SEPARATION_KEY} must be 'strict' or 'off', not '${value}'`,
    );
  }
  return value;
}

const defaultSchedules: ScheduleOptions = {
  rescoring: {
    frequency: { hours: 6 },
    timeout: { hours: 1 },
    initialDelay: { minutes: 1 },
  },
  exceptionExpiry: {
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
  },
};

function readSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
) {
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : fallback;
}

export function readSecurityMaturityConfig(
  config: Config,
): SecurityMaturityConfig {
  return {
    workflow: readWorkflowConfig(config),
    scoring: {
      attestedMaxAgeDays:
        config.getOptionalNumber('securityMaturity.samm.attestedMaxAgeDays') ??
        365,
      historyRetentionDays:
        config.getOptionalNumber(
          'securityMaturity.scoring.historyRetentionDays',
        ) ?? 730,
    },
    sammModelPath: config.getOptionalString('securityMaturity.samm.modelPath'),
    demo: config.getOptionalBoolean('securityMaturity.demo.enabled') ?? false,
    notifications: readNotifyConfig(config),
    signOff: { separation: readSignOffSeparation(config) },
    schedules: {
      rescoring: readSchedule(
        config,
        'securityMaturity.scoring.schedule',
        defaultSchedules.rescoring,
      ),
      exceptionExpiry: readSchedule(
        config,
        'securityMaturity.exceptions.expirySchedule',
        defaultSchedules.exceptionExpiry,
      ),
    },
  };
}
