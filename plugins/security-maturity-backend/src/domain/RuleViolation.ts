/** How a broken rule answers: bad input, not allowed, or a state conflict. */
export type ViolationKind = 'invalid' | 'forbidden' | 'conflict' | 'not-found';

/**
 * A domain rule said no. The rules are plain functions with no framework
 * import; the records service turns this into the matching HTTP error (400,
 * 403, 409, 404) in one place.
 */
export class RuleViolation extends Error {
  constructor(readonly kind: ViolationKind, message: string) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export const invalid = (message: string) =>
  new RuleViolation('invalid', message);
export const forbidden = (message: string) =>
  new RuleViolation('forbidden', message);
export const conflict = (message: string) =>
  new RuleViolation('conflict', message);
