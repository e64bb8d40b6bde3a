import {
  SAMM_ACTIVITY_IDS,
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

const activityIndex = new Map(SAMM_ACTIVITY_IDS.map((id, i) => [id, i]));
/** Per practice and level: the indexes of its stream A and B activities. */
const levelCells = SAMM_PRACTICES.map(practice => ({
  practiceId: practice.id,
  levels: SAMM_LEVELS.map(level => ({
    key: `${practice.id}-${level}`,
    a: activityIndex.get(sammActivityId(practice.id, level, 'A'))!,
    b: activityIndex.get(sammActivityId(practice.id, level, 'B'))!,
  })),
}));

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
  const values = new Array<number>(SAMM_ACTIVITY_IDS.length).fill(0);
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
    values[activityIndex.get(activityId)!] = value;
  }
  return scoreSammValues(values);
}

/**
 * The same formula as {@link scoreSamm}, for answers already validated and
 * laid out in the order of SAMM_ACTIVITY_IDS: the fast path for scoring a
 * whole catalog.
 *
 * @public
 */
export function scoreSammValues(values: ReadonlyArray<number>): SammScores {
  const levels: Record<string, number> = {};
  const practices: Record<string, number> = {};
  for (const cell of levelCells) {
    let practiceScore = 0;
    for (const level of cell.levels) {
      const levelScore = (values[level.a] + values[level.b]) / 2;
      levels[level.key] = levelScore;
      practiceScore += levelScore;
    }
    practices[cell.practiceId] = practiceScore;
  }

  const functions: Record<string, number> = {};
  for (const fn of SAMM_BUSINESS_FUNCTIONS) {
    functions[fn.id] = mean(fn.practices.map(p => practices[p.id]));
  }
  const overall = mean(Object.values(functions));

  return { overall, functions, practices, levels };
}
