/**
 * Backend plugin of Security maturity for Backstage.
 *
 * @packageDocumentation
 */

export { securityMaturityPlugin as default } from './plugin';
