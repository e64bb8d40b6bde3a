/**
 * OWASP SAMM evidence rules and scorer for the security-maturity backend.
 *
 * @packageDocumentation
 */

export { securityMaturityModuleSamm as default } from './module';
