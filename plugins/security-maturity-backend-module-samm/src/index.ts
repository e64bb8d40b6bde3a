/**
 * OWASP SAMM evidence rules and scorer for the security-maturity backend.
 *
 * @packageDocumentation
 */

export { securityMaturityModuleSamm as default } from './module';
export { sammRules } from './rules';
export type { SammRule } from './rules';
export { createSammScorer } from './sammScorer';
