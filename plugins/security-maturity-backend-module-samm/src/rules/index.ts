import { designRules } from './design';
import { governanceRules } from './governance';
import { implementationRules } from './implementation';
import { operationsRules } from './operations';
import { verificationRules } from './verification';

export type { SammRule } from './helpers';
export { signalRules } from './signals';

/** Every built-in evidence rule, by business function. */
export const sammRules = [
  ...governanceRules,
  ...designRules,
  ...implementationRules,
  ...verificationRules,
  ...operationsRules,
];
