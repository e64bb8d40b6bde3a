import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  securityMaturity?: {
    collectors?: {
      /**
       * Evidence collectors of the GitHub module: security alerts and branch
       * protection from the GitHub REST API (credentials from
       * `integrations.github`), and OpenSSF Scorecard results.
       */
      github?: {
        /**
         * Whether the GitHub collector runs. Defaults to true.
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * The GitHub host of the entities' `github.com/project-slug`
         * annotations; an `integrations.github` entry for it gives the API
         * base URL and credentials. Defaults to github.com.
         * @visibility backend
         */
        host?: string;
        /**
         * How often it runs. Defaults to daily.
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Days a collected signal may be relied on after it was observed.
         * Defaults to 7.
         * @visibility backend
         */
        validDays?: number;
        /**
         * Repositories queried at the same time. Defaults to 4.
         * @visibility backend
         */
        concurrency?: number;
        /**
         * The longest wait for a rate limit to reset, in seconds; a longer
         * one ends the run. Defaults to 900.
         * @visibility backend
         */
        maxRateLimitWaitSeconds?: number;
        /** OpenSSF Scorecard results of public repositories. */
        scorecard?: {
          /**
           * Whether the Scorecard collector runs. Defaults to true.
           * @visibility backend
           */
          enabled?: boolean;
          /**
           * The Scorecard API. Defaults to https://api.securityscorecards.dev.
           * @visibility backend
           */
          baseUrl?: string;
          /**
           * Only ask the Scorecard API about repositories that GitHub says
           * are public, so private repository names are never sent to it.
           * Set to false for a Scorecard API of your own. Defaults to true.
           * @visibility backend
           */
          publicOnly?: boolean;
          /**
           * How often it runs. Defaults to daily.
           * @visibility backend
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
          /**
           * Days a Scorecard result may be relied on after its date.
           * Defaults to 30.
           * @visibility backend
           */
          validDays?: number;
        };
      };
    };
  };
}
