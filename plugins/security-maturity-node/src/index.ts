/**
 * Extension points and interfaces for modules of the security-maturity backend.
 *
 * @packageDocumentation
 */

export * from './scorers';
export * from './events';
export * from './collectors';
