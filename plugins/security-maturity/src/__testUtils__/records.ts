import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityRoadmap,
  EntityScore,
  resolveTargetProfile,
  SAMM_PRACTICES,
  SecurityMaturityApi,
  SecurityMaturityRecord,
  TierDefinition,
  WorkflowConfig,
  emptyEntityRecords,
} from '@secmat/backstage-plugin-security-maturity-common';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments-team',
    lifecycle: 'production',
  },
};

export const emptyRecord: SecurityMaturityRecord = {
  entityRef: 'component:default/payments-api',
  version: 0,
  ...emptyEntityRecords(['intake', 'threat-modeling']),
  permissions: { canEdit: false, isSecurityLead: false },
  scorers: [
    {
      id: 'samm',
      title: 'OWASP SAMM v2',
      description: 'Answers the 90 OWASP SAMM activities.',
    },
  ],
};

/** A record its reader may edit: an owner's, or with `LEAD` a security lead's. */
export const editableRecord = (
  more: Partial<SecurityMaturityRecord> = {},
): SecurityMaturityRecord => ({
  ...emptyRecord,
  permissions: { canEdit: true, isSecurityLead: false },
  ...more,
});
export const LEAD = { canEdit: true, isSecurityLead: true };

/** A tier with the default profile the backend derives from its target. */
const tier = (
  id: string,
  title: string,
  targetScore: number,
): TierDefinition => ({
  id,
  title,
  targetScore,
  targetProfile: resolveTargetProfile({ targetScore }).profile,
});

export const workflow: WorkflowConfig = {
  stages: [
    {
      id: 'intake',
      title: 'Intake & classification',
      activities: [],
      exitCriteria: [
        { id: 'classified', title: 'Data classification recorded' },
      ],
      signOffActivityId: 'intake-classification',
      requiredForTiers: ['1', '2', '3'],
    },
    {
      id: 'threat-modeling',
      title: 'Threat modeling & requirements',
      activities: [],
      exitCriteria: [
        { id: 'risks-documented', title: 'Risks documented with mitigations' },
        { id: 'definition-of-ready', title: 'Definition of Ready satisfied' },
      ],
      signOffActivityId: 'threat-modeling',
      requiredForTiers: ['1', '2'],
    },
  ],
  rasiActivities: [
    { id: 'intake-classification', title: 'Intake classification' },
    { id: 'threat-modeling', title: 'Threat modeling' },
  ],
  tiers: [
    tier('1', 'Tier 1 — critical', 2),
    tier('2', 'Tier 2 — exposed', 1.5),
    tier('3', 'Tier 3 — internal', 1),
  ],
  // First match wins, as in the backend; the last rule always matches.
  tierRules: [
    { tier: '1', reason: 'Handles confidential data', when: { dataClassificationIn: ['confidential'] } },
    { tier: '2', reason: 'Internet-facing', when: { internetExposure: true } },
    { tier: '3', reason: 'No elevated risk factor', when: {} },
  ], // prettier-ignore
  dataClassifications: ['internal', 'confidential'],
  baselineControls: [
    {
      id: 'run-as-non-root',
      title: 'Containers run as non-root',
      description: '',
    },
  ],
  securityLeadGroups: ['group:default/security-leads'],
  exceptionMaxDays: 180,
};

export const emptyScore: EntityScore = {
  entityRef: 'component:default/payments-api',
  overall: 0,
  functions: { G: 0, D: 0, I: 0, V: 0, O: 0 },
  practices: Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, 0])),
  levels: {},
  tier: null,
  target: null,
  percentToTarget: null,
  practiceTargets: null,
  activities: [],
  computedAt: '2026-11-20T09:30:00.000Z',
};

/** The roadmap of a component nobody planned for yet. */
export const emptyRoadmap: EntityRoadmap = {
  entityRef: 'component:default/payments-api',
  tier: null,
  target: null,
  current: {
    overall: 0,
    functions: emptyScore.functions,
    practices: emptyScore.practices,
    percentToTarget: null,
    practicePercentToTarget: null,
  },
  phases: [],
  canEdit: false,
};

/** An API whose methods answer as given; unlisted ones resolve to the empty state. */
export function mockApi(
  getEntityRecord: SecurityMaturityApi['getEntityRecord'],
  overrides: Partial<SecurityMaturityApi> = {},
): jest.Mocked<SecurityMaturityApi> {
  return {
    getEntityRecord: jest.fn(getEntityRecord),
    getWorkflowConfig: jest.fn(async () => workflow),
    getEntityScore: jest.fn(async () => emptyScore),
    putStage: jest.fn(),
    putRasiAssignment: jest.fn(),
    requestException: jest.fn(),
    transitionException: jest.fn(),
    listHistory: jest.fn(async () => ({ items: [], totalCount: 0 })),
    getEntityScoreHistory: jest.fn(async () => ({ items: [] })),
    listEntityEvidence: jest.fn(async () => ({ items: [] })),
    getEntityRoadmap: jest.fn(async () => emptyRoadmap),
    ...overrides,
  } as jest.Mocked<SecurityMaturityApi>;
}

/** The error the real client throws for a failed request, with the backend's error as cause. */
export function responseError(
  status: number,
  statusText: string,
  name: string,
  message: string,
) {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    url: 'http://localhost:7007/api/security-maturity',
    headers: {
      get: (h: string) =>
        h.toLowerCase() === 'content-type' ? 'application/json' : null,
    } as any,
    text: async () => body,
  } as any);
}

/** An API method that accepts the change. */
export const accepts = () => jest.fn(async () => ({} as any));

const REFUSALS = {
  403: ['Forbidden', 'NotAllowedError'],
  409: ['Conflict', 'ConflictError'],
} as const;

/** An API method that refuses the change as the backend does: 403 or 409. */
export const refuses = (status: keyof typeof REFUSALS, message: string) =>
  jest.fn(async () => {
    const [statusText, name] = REFUSALS[status];
    throw await responseError(status, statusText, name, message);
  });
