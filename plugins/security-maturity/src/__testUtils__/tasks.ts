import {
  SecurityTasks,
  SecurityTaskPage,
} from '@secmat/backstage-plugin-security-maturity-common';

const DAY = 86_400_000;
const inDays = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString();

/** A security lead's tasks: something in every list. */
export const leadTasks: SecurityTasks = {
  userEntityRef: 'user:default/alex.rivera',
  isSecurityLead: true,
  expiringWithinDays: 30,
  generatedAt: '2026-11-20T09:30:00.000Z',
  lists: {
    approvals: {
      totalCount: 1,
      items: [
        { entityRef: 'component:default/card-vault', exceptionId: 'e1', controlId: 'run-as-non-root', controlTitle: 'Containers run as non-root', riskRating: 'high', requestedBy: 'user:default/mei.chen', requestedAt: '2026-11-18T10:00:00.000Z', expiresAt: '2027-01-15T00:00:00.000Z' },
      ],
    },
    signoffs: {
      totalCount: 2,
      items: [
        { entityRef: 'component:default/payments-api', stageId: 'launch', stageTitle: 'Launch & monitoring', status: 'passed', accountable: 'user:default/alex.rivera', since: '2026-11-10T08:00:00.000Z' },
        { entityRef: 'component:default/checkout-web', stageId: 'validation', stageTitle: 'Validation & certification', status: 'waived', accountable: 'group:default/payments-team', since: '2026-11-12T08:00:00.000Z' },
      ],
    },
    expiring: {
      totalCount: 2,
      items: [
        { entityRef: 'component:default/payments-api', exceptionId: 'e7', controlId: 'network-policies', controlTitle: 'Network policies', riskRating: 'medium', status: 'expired', expiresAt: '2026-11-01T00:00:00.000Z' },
        { entityRef: 'component:default/payments-api', exceptionId: 'e8', controlId: 'signed-images', controlTitle: 'Signed images only', riskRating: 'low', status: 'approved', expiresAt: inDays(6.5) },
      ],
    },
    containment: {
      totalCount: 1,
      items: [
        { entityRef: 'component:default/payments-api', worksheetId: 'w1', title: 'Token leak in logs', kind: 'incident', startedAt: '2026-11-19T07:00:00.000Z', containedAt: null, actions: ['isolate', 'recover'] },
      ],
    },
    components: {
      totalCount: 2,
      items: [
        { entityRef: 'component:default/search-indexer', reason: 'no-intake', tier: null, overall: null, target: null, percentToTarget: null },
        { entityRef: 'component:default/payments-api', reason: 'below-target', tier: '1', overall: 1.2, target: 2, percentToTarget: 60 },
      ],
    },
  },
}; // prettier-ignore

/** Someone who owes nothing, and leads nothing. */
export const noTasks: SecurityTasks = {
  ...leadTasks,
  userEntityRef: 'user:default/mei.chen',
  isSecurityLead: false,
  lists: {
    approvals: { items: [], totalCount: 0 },
    signoffs: { items: [], totalCount: 0 },
    expiring: { items: [], totalCount: 0 },
    containment: { items: [], totalCount: 0 },
    components: { items: [], totalCount: 0 },
  },
};

/** Approvals beyond one page: `count` requests, `e1` … `eN`, oldest first. */
export function manyApprovals(count: number) {
  const all = Array.from({ length: count }, (_, i) => ({
    ...leadTasks.lists.approvals.items[0],
    exceptionId: `e${i + 1}`,
    entityRef: `component:default/service-${i + 1}`,
  }));
  const page = (
    limit: number,
    offset: number,
  ): SecurityTaskPage<'approvals'> => ({
    items: all.slice(offset, offset + limit),
    totalCount: count,
    limit,
    offset,
  });
  return { all, page };
}
