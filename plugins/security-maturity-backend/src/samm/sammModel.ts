import {
  SAMM_ACTIVITY_IDS,
  SAMM_ANSWER_OPTIONS,
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_QUESTIONS,
  SammAnswerOption,
  sammToolboxId,
} from '@secmat/backstage-plugin-security-maturity-common';

/** One SAMM activity as the questionnaire shows it. */
export type SammActivityView = {
  id: string;
  toolboxId: string;
  functionId: string;
  practiceId: string;
  practiceName: string;
  stream: 'A' | 'B';
  streamName?: string;
  level: number;
  title?: string;
  question: string;
  /** What to check before answering (official model only). */
  criteria: string[];
  answers: SammAnswerOption[];
};

/** The questionnaire: our wording, or the official model's when loaded. */
export type SammModelView = {
  source: 'builtin' | 'official';
  /** Credit shown wherever SAMM content appears. */
  attribution: string;
  activities: SammActivityView[];
};

export const SAMM_ATTRIBUTION =
  'OWASP SAMM v2 by the OWASP SAMM project (owaspsamm.org), licensed CC BY-SA 4.0';

/** The questionnaire in the product's own wording. */
export function builtinSammModel(): SammModelView {
  const practices = new Map(
    SAMM_BUSINESS_FUNCTIONS.flatMap(f => f.practices).map(p => [p.id, p]),
  );
  return {
    source: 'builtin',
    attribution: `Structure from ${SAMM_ATTRIBUTION}; question wording our own`,
    activities: SAMM_ACTIVITY_IDS.map(id => {
      const [fn, short, level, stream] = id.split('-');
      const practice = practices.get(`${fn}-${short}`)!;
      return {
        id,
        toolboxId: sammToolboxId(id),
        functionId: fn,
        practiceId: practice.id,
        practiceName: practice.name,
        stream: stream as 'A' | 'B',
        level: Number(level),
        question: SAMM_QUESTIONS[id],
        criteria: [],
        answers: [...SAMM_ANSWER_OPTIONS],
      };
    }),
  };
}
