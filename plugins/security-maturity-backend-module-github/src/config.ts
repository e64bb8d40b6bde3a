import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';

export const DEFAULT_SCORECARD_BASE_URL = 'https://api.securityscorecards.dev';

/** What `securityMaturity.collectors.github` configures. @public */
export type GithubCollectorsConfig = {
  enabled: boolean;
  host: string;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  validDays: number;
  concurrency: number;
  maxRateLimitWaitMs: number;
  scorecard: {
    enabled: boolean;
    baseUrl: string;
    publicOnly: boolean;
    schedule?: SchedulerServiceTaskScheduleDefinition;
    validDays: number;
  };
};

const positive = (c: Config, key: string, fallback: number) => {
  const value = c.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!(value > 0)) {
    throw new Error(
      `securityMaturity.collectors.github.${key} must be a positive number`,
    );
  }
  return value;
};

/**
 * A schedule from config, without `scope`: the plugin runs every collector
 * once across replicas, and a `scope` key (even an undefined one) in the
 * definition would override that.
 */
function schedule(
  c: Config,
  key: string,
): SchedulerServiceTaskScheduleDefinition | undefined {
  if (!c.has(key)) return undefined;
  const { scope: _scope, ...definition } =
    readSchedulerServiceTaskScheduleDefinitionFromConfig(c.getConfig(key));
  return definition;
}

/** @public */
export function readGithubCollectorsConfig(
  config: Config,
): GithubCollectorsConfig {
  const c =
    config.getOptionalConfig('securityMaturity.collectors.github') ??
    new ConfigReader({});
  const s = c.getOptionalConfig('scorecard') ?? new ConfigReader({});
  const baseUrl = (
    s.getOptionalString('baseUrl') ?? DEFAULT_SCORECARD_BASE_URL
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new Error(
      'securityMaturity.collectors.github.scorecard.baseUrl must be an http(s) URL',
    );
  }
  return {
    enabled: c.getOptionalBoolean('enabled') ?? true,
    host: c.getOptionalString('host') ?? 'github.com',
    schedule: schedule(c, 'schedule'),
    validDays: positive(c, 'validDays', 7),
    concurrency: Math.floor(positive(c, 'concurrency', 4)),
    maxRateLimitWaitMs: positive(c, 'maxRateLimitWaitSeconds', 900) * 1000,
    scorecard: {
      enabled: s.getOptionalBoolean('enabled') ?? true,
      baseUrl,
      publicOnly: s.getOptionalBoolean('publicOnly') ?? true,
      schedule: schedule(s, 'schedule'),
      validDays: positive(s, 'validDays', 30),
    },
  };
}
