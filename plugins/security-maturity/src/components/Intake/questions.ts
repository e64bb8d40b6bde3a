import { IntakeAnswers } from '@secmat/backstage-plugin-security-maturity-common';

/**
 * The yes/no questions of the intake, as the form asks them and as the card
 * lists the ones answered yes.
 */
export const QUESTIONS: ReadonlyArray<{
  key: keyof Pick<
    IntakeAnswers,
    'internetExposure' | 'newIntegrations' | 'authFlowChanges'
  >;
  label: string;
  short: string;
}> = [
  {
    key: 'internetExposure',
    label: 'Reachable from the internet',
    short: 'internet-facing',
  },
  {
    key: 'newIntegrations',
    label: 'Adds new integrations (third-party services, new data flows)',
    short: 'new integrations',
  },
  {
    key: 'authFlowChanges',
    label: 'Changes authentication or authorization flows',
    short: 'auth-flow changes',
  },
];

// The backend's limits on regulatory obligations (see openapi.yaml).
const MAX_OBLIGATIONS = 20;
const MAX_OBLIGATION_LENGTH = 100;

/** The obligations typed as a comma-separated list, trimmed and each once. */
export const obligationsOf = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map(o => o.trim())
      .filter(Boolean),
  ),
];

/** Why the obligations cannot be saved as typed, or undefined. */
export function obligationsProblem(obligations: string[]) {
  if (obligations.length > MAX_OBLIGATIONS) {
    return `At most ${MAX_OBLIGATIONS} obligations`;
  }
  if (obligations.some(o => o.length > MAX_OBLIGATION_LENGTH)) {
    return `Each obligation at most ${MAX_OBLIGATION_LENGTH} characters`;
  }
  return undefined;
}
