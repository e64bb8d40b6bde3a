import {
  SAMM_ACTIVITY_IDS,
  SAMM_ANSWER_OPTIONS,
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_QUESTIONS,
  SammModelView,
  sammToolboxId,
} from '@secmat/backstage-plugin-security-maturity-common';

// The view is the HTTP client's type too (GET /samm/model), so it lives in -common.
export type {
  SammActivityView,
  SammModelView,
} from '@secmat/backstage-plugin-security-maturity-common';

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
