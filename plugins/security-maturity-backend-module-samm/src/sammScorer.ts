import { createHash } from 'crypto';
import { isSammActivityId } from '@secmat/backstage-plugin-security-maturity-common';
import {
  EvidenceAnswer,
  SecurityMaturityScorer,
} from '@secmat/backstage-plugin-security-maturity-node';
import { SammRule } from './rules';

/**
 * The OWASP SAMM scorer: evidence answers from the first rule per activity
 * that has something to go on. Activities without evidence are left to the
 * plugin, which falls back to attested self-assessment answers.
 */
export function createSammScorer(options: {
  rules: SammRule[];
  /** Another scorer of SAMM rules, e.g. the rules over tools' signals. */
  id?: string;
  title?: string;
  description?: string;
}): SecurityMaturityScorer {
  const id = options.id ?? 'samm';
  const rulesByActivity = new Map<string, SammRule[]>();
  options.rules.forEach((rule, index) => {
    if (!isSammActivityId(rule.activityId)) {
      throw new Error(
        `Unknown SAMM activity '${rule.activityId}' in rule ${index}`,
      );
    }
    rulesByActivity.set(rule.activityId, [
      ...(rulesByActivity.get(rule.activityId) ?? []),
      rule,
    ]);
  });

  return {
    id,
    // The rules' own code: a release that changes any rule changes the
    // version, and stored scores are recomputed once.
    version: createHash('sha1')
      .update(
        options.rules
          .map(r => `${r.activityId}\u0000${r.evaluate.toString()}`)
          .join('\u0001'),
      )
      .digest('hex'),
    // Every rule that compares an age with `now` gives its answer's
    // validUntil (see olderThanFrom).
    declaresValidity: true,
    title: options.title ?? 'OWASP SAMM v2',
    description:
      options.description ??
      'Answers OWASP SAMM activities from evidence in the stage gates, RASI, exceptions, worksheets, decision log, release records and intake.',
    score(input) {
      const answers: EvidenceAnswer[] = [];
      for (const [activityId, rules] of rulesByActivity) {
        for (const [i, rule] of rules.entries()) {
          const result = rule.evaluate(input);
          if (result) {
            answers.push({
              id: activityId,
              ruleId: `${id}:${activityId}${i ? `#${i}` : ''}`,
              ...result,
            });
            break;
          }
        }
      }
      return answers;
    },
  };
}
