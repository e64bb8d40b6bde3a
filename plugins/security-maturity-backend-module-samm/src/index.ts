/**
 * OWASP SAMM evidence rules and scorer for the security-maturity backend.
 *
 * @packageDocumentation
 */

export {
  securityMaturityModuleSamm as default,
  SIGNALS_SCORER_ID,
} from './module';
export { sammRules, signalRules } from './rules';
export type { SammRule } from './rules';
export { createSammScorer } from './sammScorer';
