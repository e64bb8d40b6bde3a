import {
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_LEVELS,
  SAMM_PRACTICES,
  normalizeSammActivityId,
  sammActivityId,
} from './structure';

/** The answer values the SAMM questionnaire allows. @public */
export const SAMM_ANSWER_VALUES = [0, 0.25, 0.5, 1] as const;

/** @public */
export type SammAnswerValue = (typeof SAMM_ANSWER_VALUES)[number];

/** @public */
export interface SammScores {
  /** Mean of the five business-function scores, 0–3. */
  overall: number;
  /** Business-function scores keyed by `G`, `D`, `I`, `V`, `O`, 0–3 each. */
  functions: Record<string, number>;
  /** Practice scores keyed by practice ID (`G-SM`), 0–3 each. */
  practices: Record<string, number>;
  /** Level scores keyed by `<practice>-<level>` (`G-SM-1`), 0–1 each. */
  levels: Record<string, number>;
}

const mean = (values: number[]) =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Scores SAMM answers exactly as the OWASP SAMM toolbox spreadsheet does:
 * a level is the mean of its stream A and B answers, a practice the sum of its
 * three levels, a business function the mean of its practices and the overall
 * score the mean of the functions. Unanswered activities count 0; nothing is
 * rounded and no level gates another.
 *
 * @param answers - activity ID (either spelling) to 0, 0.25, 0.5 or 1
 * @public
 */
export function scoreSamm(answers: Record<string, number>): SammScores {
  const byActivity = new Map<string, number>();
  for (const [id, value] of Object.entries(answers)) {
    const activityId = normalizeSammActivityId(id);
    if (!activityId) {
      throw new TypeError(`Unknown SAMM activity ID '${id}'`);
    }
    if (!SAMM_ANSWER_VALUES.includes(value as SammAnswerValue)) {
      throw new TypeError(
        `SAMM answer for ${id} must be 0, 0.25, 0.5 or 1, got ${value}`,
      );
    }
    byActivity.set(activityId, value);
  }
  const answer = (id: string) => byActivity.get(id) ?? 0;

  const levels: Record<string, number> = {};
  const practices: Record<string, number> = {};
  for (const practice of SAMM_PRACTICES) {
    let practiceScore = 0;
    for (const level of SAMM_LEVELS) {
      const levelScore = mean([
        answer(sammActivityId(practice.id, level, 'A')),
        answer(sammActivityId(practice.id, level, 'B')),
      ]);
      levels[`${practice.id}-${level}`] = levelScore;
      practiceScore += levelScore;
    }
    practices[practice.id] = practiceScore;
  }

  const functions: Record<string, number> = {};
  for (const fn of SAMM_BUSINESS_FUNCTIONS) {
    functions[fn.id] = mean(fn.practices.map(p => practices[p.id]));
  }
  const overall = mean(Object.values(functions));

  return { overall, functions, practices, levels };
}
