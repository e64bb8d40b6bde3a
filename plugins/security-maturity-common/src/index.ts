/**
 * Isomorphic types, the OWASP SAMM structure and scoring formula, permissions and
 * the HTTP client of the security-maturity plugin family.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './evidence';
export * from './workflow';
export * from './tiers';
export * from './nextSteps';
export * from './org';
export * from './tasks';
export * from './campaigns';
export * from './staffing';
export * from './roadmap';
export * from './verdict';
export * from './permissions';
export * from './samm/structure';
export * from './samm/score';
export * from './samm/targets';
export * from './samm/questions';
export * from './vocabulary/time';
export * from './vocabulary/entityRefs';
export * from './vocabulary/records';
export * from './vocabulary/org';
export * from './vocabulary/anchors';
export * from './client/SecurityMaturityApi';
export * from './client/SecurityMaturityClient';
