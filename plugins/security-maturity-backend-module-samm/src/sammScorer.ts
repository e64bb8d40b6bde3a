import { SAMM_ACTIVITY_IDS } from '@secmat/backstage-plugin-security-maturity-common';
import {
  ActivityAnswer,
  ScorerInput,
  SecurityMaturityScorer,
} from '@secmat/backstage-plugin-security-maturity-node';

/**
 * An evidence rule answers one SAMM activity from an entity's records and
 * catalog data, or returns undefined when it has nothing to go on.
 */
export interface SammEvidenceRule {
  activityId: string;
  evaluate(
    input: ScorerInput,
  ): Omit<ActivityAnswer, 'activityId' | 'source'> | undefined;
}

/**
 * The OWASP SAMM scorer: one answer for each of the 90 activities, from the
 * first evidence rule that applies, otherwise marked as unanswered so the UI can
 * say so instead of showing a silent zero.
 */
export function createSammScorer(options: {
  rules: SammEvidenceRule[];
}): SecurityMaturityScorer {
  const rulesByActivity = new Map<string, SammEvidenceRule[]>();
  for (const rule of options.rules) {
    if (!SAMM_ACTIVITY_IDS.includes(rule.activityId)) {
      throw new Error(`Unknown SAMM activity '${rule.activityId}' in a rule`);
    }
    rulesByActivity.set(rule.activityId, [
      ...(rulesByActivity.get(rule.activityId) ?? []),
      rule,
    ]);
  }

  return {
    id: 'samm',
    title: 'OWASP SAMM v2',
    description:
      'Answers the 90 OWASP SAMM activities from evidence rules over the security records and catalog data; activities without evidence are shown as unanswered.',
    async score(input) {
      return SAMM_ACTIVITY_IDS.map(activityId => {
        for (const rule of rulesByActivity.get(activityId) ?? []) {
          const answer = rule.evaluate(input);
          if (answer) {
            return { activityId, source: 'evidence', ...answer };
          }
        }
        return {
          activityId,
          value: 0,
          source: 'none',
          rationale: 'No evidence and no self-assessment answer yet.',
          links: [],
        };
      });
    },
  };
}
