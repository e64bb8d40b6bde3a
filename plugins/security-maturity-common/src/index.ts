/**
 * the HTTP client of the security-maturity plugin family.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './samm/structure';
export * from './samm/score';
export * from './client/SecurityMaturityApi';
export * from './client/SecurityMaturityClient';
