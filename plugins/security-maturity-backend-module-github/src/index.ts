/**
 * Evidence collectors for the security-maturity backend plugin: GitHub
 * security alerts and branch protection, and OpenSSF Scorecard results.
 *
 * @packageDocumentation
 */

export { securityMaturityModuleGithub as default } from './module';
export {
  createGithubCollector,
  GITHUB_COLLECTOR_ID,
  GITHUB_SIGNAL_KEYS,
} from './collectors/githubCollector';
export type {
  BranchProtectionSignal,
  CodeScanningSignal,
  DependabotSignal,
  GithubCollectorOptions,
  SecretScanningSignal,
  Severity,
} from './collectors/githubCollector';
export {
  createScorecardCollector,
  SCORECARD_COLLECTOR_ID,
  SCORECARD_OVERALL_KEY,
} from './collectors/scorecardCollector';
export type {
  ScorecardCheckSignal,
  ScorecardOverallSignal,
} from './collectors/scorecardCollector';
export { readGithubCollectorsConfig } from './config';
export type { GithubCollectorsConfig } from './config';
export type { Sleep } from './http/fetchApi';
