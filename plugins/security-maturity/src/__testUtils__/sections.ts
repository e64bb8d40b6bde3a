import {
  DecisionRecord,
  ReleaseRecord,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';

// One record of each kind the tab's later sections show.
const meta = {
  version: 2,
  updatedAt: '2026-11-20T09:30:00.000Z',
  updatedBy: 'user:default/sam.okafor',
};
export const worksheet: WorksheetRecord = {
  ...meta,
  id: 'w1',
  kind: 'incident',
  title: 'Token leak in logs',
  status: 'open',
  startedAt: '2026-11-20T08:00:00.000Z',
  readiness: { baselineControlsPresent: true, runtimeVisibility: true },
  containmentOwners: { isolate: 'user:default/sam.okafor', revoke: null, freeze: null, recover: null },
  timeline: [{ at: '2026-11-20T08:05:00.000Z', entry: 'Paged on-call', by: 'user:default/sam.okafor' }],
  actions: [],
  findings: [],
  lessons: [],
}; // prettier-ignore
export const decision: DecisionRecord = {
  ...meta,
  id: 'd1',
  trigger: 'New payment provider',
  decision: 'Tokenise card data at the edge',
  rationale: 'Keeps PAN out of our services',
  ownerRef: 'user:default/sam.okafor',
  status: 'accepted',
  createdAt: '2026-11-20T09:30:00.000Z',
} as DecisionRecord;
export const release: ReleaseRecord = {
  ...meta,
  id: 'r1',
  release: '2026.11.3',
  decision: 'pending',
  evidence: [
    { kind: 'provenance', title: 'SLSA provenance', url: 'https://ci.example.com/981', result: 'pass', slsaBuildLevel: 3, pushedBy: 'ci-pipeline', pushedAt: '2026-11-20T09:00:00.000Z' },
  ],
}; // prettier-ignore

export const exceptionRecord = {
  id: 'e1',
  controlId: 'run-as-non-root',
  justification: 'Terminal agent binds port 443',
  compensatingControls: 'Dedicated node pool',
  riskRating: 'medium' as const,
  expiresAt: '2027-01-15T00:00:00.000Z',
  status: 'approved' as const,
  requestedBy: 'user:default/sam.okafor',
  requestedAt: '2026-11-20T09:30:00.000Z',
  decidedBy: 'user:default/priya.nair',
  decidedAt: '2026-11-21T09:30:00.000Z',
  ...meta,
};
