import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { defaultWorkflow } from '../config/defaults';
import { migratedDatabase } from '../database/migrate';
import { DatabaseRecordsStore } from '../database/records/DatabaseRecordsStore';
import { DatabaseScoreStore } from '../database/scores/DatabaseScoreStore';
import { DatabaseEvidenceStore } from '../database/evidence/DatabaseEvidenceStore';
import { defaultEvidenceSettings } from '../evidence/settings';
import { ScoringService } from '../scoring/ScoringService';
import { ScorerRegistry } from '../service/ScorerRegistry';
import { AccessControl } from '../access/AccessControl';
import { fakeUserInfo, recordingAuditor } from './backend';

/**
 * The plugin's stores and scoring on a migrated test database, wired as
 * plugin.ts wires them, for tests that call services without HTTP.
 */
export async function testServices(knex: Knex, catalog: CatalogService) {
  await migratedDatabase({
    getClient: async () => knex,
    migrations: { skip: false },
  } as any);
  const records = new DatabaseRecordsStore(knex);
  const scores = new DatabaseScoreStore(knex);
  const scorers = new ScorerRegistry();
  const logger = mockServices.logger.mock();
  const auth = mockServices.auth();
  const workflow = defaultWorkflow;
  const evidence = {
    store: new DatabaseEvidenceStore(knex),
    settings: defaultEvidenceSettings,
  };
  const scoring = new ScoringService({
    evidence: evidence.store,
    records,
    scores,
    scorers,
    workflow,
    catalog,
    auth,
    logger,
    attestedMaxAgeDays: 365,
  });
  const { auditor, audits } = recordingAuditor();
  return {
    records,
    scores,
    scorers,
    scoring,
    logger,
    auth,
    auditor,
    audits,
    catalog,
    workflow,
    evidence,
  };
}

/**
 * The plugin's access control over the test services: the catalog cast's
 * ownership, the default security lead groups, a permission framework that
 * allows (so the plugin's own checks decide).
 */
export function testAccess(deps: Awaited<ReturnType<typeof testServices>>) {
  return new AccessControl({
    ...deps,
    permissions: mockServices.permissions(),
    securityLeadGroups: deps.workflow.securityLeadGroups,
    userInfo: fakeUserInfo,
  });
}
