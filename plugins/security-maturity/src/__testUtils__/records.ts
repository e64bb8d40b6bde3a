import { Entity } from '@backstage/catalog-model';
import {
  SecurityMaturityApi,
  SecurityMaturityRecord,
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
  intake: null,
  requiredStageIds: [],
  assessment: [],
  permissions: { canEdit: false, isSecurityLead: false },
  stages: [],
  rasi: [],
  exceptions: [],
  worksheets: [],
  decisions: [],
  releases: [],
  scorers: [
    {
      id: 'samm',
      title: 'OWASP SAMM v2',
      description: 'Answers the 90 OWASP SAMM activities.',
    },
  ],
};

export function mockApi(
  getEntityRecord: SecurityMaturityApi['getEntityRecord'],
): jest.Mocked<SecurityMaturityApi> {
  return { getEntityRecord: jest.fn(getEntityRecord) };
}
