/**
 * The shape of the OWASP SAMM v2 model: 5 business functions, 15 security
 * practices, 2 streams (A and B) per practice and 3 maturity levels, so 90
 * activities. Names are the model's own; question wording lives elsewhere.
 * OWASP SAMM is licensed CC BY-SA 4.0 (https://owaspsamm.org).
 */

/** @public */
export type SammStream = 'A' | 'B';
/** @public */
export type SammLevel = 1 | 2 | 3;

/** The five business functions' one-letter IDs, in model order. @public */
export const SAMM_FUNCTION_IDS = ['G', 'D', 'I', 'V', 'O'] as const;

/** @public */
export type SammFunctionId = (typeof SAMM_FUNCTION_IDS)[number];

/** @public */
export interface SammPractice {
  /** Short ID, e.g. `G-SM`. */
  id: string;
  name: string;
  functionId: string;
}

/** @public */
export interface SammBusinessFunction {
  /** One letter: G, D, I, V or O. */
  id: string;
  name: string;
  practices: SammPractice[];
}

const model: Array<[string, string, Array<[string, string]>]> = [
  [
    'G',
    'Governance',
    [
      ['SM', 'Strategy & Metrics'],
      ['PC', 'Policy & Compliance'],
      ['EG', 'Education & Guidance'],
    ],
  ],
  [
    'D',
    'Design',
    [
      ['TA', 'Threat Assessment'],
      ['SR', 'Security Requirements'],
      ['SA', 'Secure Architecture'],
    ],
  ],
  [
    'I',
    'Implementation',
    [
      ['SB', 'Secure Build'],
      ['SD', 'Secure Deployment'],
      ['DM', 'Defect Management'],
    ],
  ],
  [
    'V',
    'Verification',
    [
      ['AA', 'Architecture Assessment'],
      ['RT', 'Requirements-driven Testing'],
      ['ST', 'Security Testing'],
    ],
  ],
  [
    'O',
    'Operations',
    [
      ['IM', 'Incident Management'],
      ['EM', 'Environment Management'],
      ['OM', 'Operational Management'],
    ],
  ],
];

/** The five business functions with their practices, in model order. @public */
export const SAMM_BUSINESS_FUNCTIONS: ReadonlyArray<SammBusinessFunction> =
  model.map(([id, name, practices]) => ({
    id,
    name,
    practices: practices.map(([p, pName]) => ({
      id: `${id}-${p}`,
      name: pName,
      functionId: id,
    })),
  }));

/** All 15 practices, in model order. @public */
export const SAMM_PRACTICES: ReadonlyArray<SammPractice> =
  SAMM_BUSINESS_FUNCTIONS.flatMap(f => f.practices);

/** The streams and levels of every practice. @public */
export const SAMM_STREAMS: ReadonlyArray<SammStream> = ['A', 'B'];
/** @public */
export const SAMM_LEVELS: ReadonlyArray<SammLevel> = [1, 2, 3];

/**
 * The ID of one activity in the model files' spelling, e.g. `G-SM-1-A`.
 *
 * @public
 */
export function sammActivityId(
  practiceId: string,
  level: SammLevel,
  stream: SammStream,
): string {
  return `${practiceId}-${level}-${stream}`;
}

/** The same activity in the toolbox spelling, e.g. `G-SM-A-1`. @public */
export function sammToolboxId(activityId: string): string {
  const [fn, practice, level, stream] = activityId.split('-');
  return `${fn}-${practice}-${stream}-${level}`;
}

/** All 90 activity IDs in the model files' spelling. @public */
export const SAMM_ACTIVITY_IDS: ReadonlyArray<string> = SAMM_PRACTICES.flatMap(
  p =>
    SAMM_LEVELS.flatMap(level =>
      SAMM_STREAMS.map(stream => sammActivityId(p.id, level, stream)),
    ),
);

const activityIdSet = new Set(SAMM_ACTIVITY_IDS);

/** Whether an ID is one of the 90 activities in the model files' spelling. @public */
export function isSammActivityId(id: string): boolean {
  return activityIdSet.has(id);
}

const activityIdPattern =
  /^([GDIVO])-([A-Z]{2})-(?:([123])-([AB])|([AB])-([123]))$/;

/**
 * Reads an activity ID in either spelling, the model files' `G-SM-1-A` or the
 * toolbox's `G-SM-A-1`, and returns the model files' spelling, or undefined
 * for anything that is not one of the 90 activities.
 *
 * @public
 */
export function normalizeSammActivityId(id: string): string | undefined {
  if (activityIdSet.has(id)) {
    return id; // the common case, without a regular expression
  }
  const match = activityIdPattern.exec(id.trim().toUpperCase());
  if (!match) {
    return undefined;
  }
  const [, fn, practice, level1, stream1, stream2, level2] = match;
  const normalized = `${fn}-${practice}-${level1 ?? level2}-${
    stream1 ?? stream2
  }`;
  return activityIdSet.has(normalized) ? normalized : undefined;
}
