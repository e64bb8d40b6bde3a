import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import { testServices } from '../__testUtils__/services';
import { createTestDatabases } from '../__testUtils__/databases';
import { DemoLoader } from '../demo/DemoLoader';
import {
  createSammScorer,
  sammRules,
} from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import { DatabaseCampaignStore } from '../database/campaigns/DatabaseCampaignStore';

jest.setTimeout(180_000);

/**
 * The demo organisation of the repository's examples, with the relations
 * the catalog would compute (owners, memberships).
 */
function demoCatalog(): Entity[] {
  const read = (file: string) =>
    parseAllDocuments(
      fs.readFileSync(
        path.resolve(__dirname, '../../../../examples', file),
        'utf8',
      ),
    ).map(d => d.toJS() as Entity);
  const ref = (kind: string, name: string) =>
    name.includes(':') ? name : `${kind}:default/${name}`;
  return [...read('org.yaml'), ...read('entities.yaml')].map(e => ({
    ...e,
    metadata: { ...e.metadata, namespace: 'default' },
    relations: [
      ...(e.spec?.owner
        ? [{ type: 'ownedBy', targetRef: ref('group', String(e.spec.owner)) }]
        : []),
      ...((e.spec?.memberOf as string[] | undefined) ?? []).map(g => ({
        type: 'memberOf',
        targetRef: ref('group', g),
      })),
    ],
  }));
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the demo campaign on %s',
  databaseId => {
    it('has a burn-up from the snapshots and Payments components still missing its goal', async () => {
    const knex = await databases.init(databaseId);
    const deps = await testServices(knex, catalogServiceMock({ entities: demoCatalog() }));
    // The portal's SAMM rules: the demo's Threat Assessment comes from its records.
    deps.scorers.addScorer(createSammScorer({ rules: sammRules }));
    const store = new DatabaseCampaignStore(knex);
    const now = new Date('2026-12-02T12:00:00Z');
    expect(await new DemoLoader({ ...deps, campaigns: store }).loadIfEmpty(now)).toBe('loaded');
    const [campaign] = await store.list({ includeArchived: false });
    expect(campaign).toMatchObject({
      title: 'Threat Assessment \u2265 2.5 for Payments',
      scope: { owner: 'group:default/payments-team' },
      startDay: '2026-10-03',
      targetDay: '2026-12-31',
    });
    const scope = { owners: ['group:default/payments-team'] };
    const progress = await store.progress(scope, campaign.goal);
    // Every Payments component has Threat Assessment 2 from its records;
    // payments-api and ledger-worker answered D-TA-3-A 40 and 15 days ago
    // (2.5); card-vault and fraud-scoring are left.
    expect(progress.total).toBe(4);
    // Something left to do, and something done.
    expect(progress.meeting).toBe(2);
    const points = await store.burnUpFromSnapshots(scope, campaign.goal, campaign.startDay, '2026-12-01');
    expect(points).toHaveLength(60);
    expect(points.every(p => p.total === 4)).toBe(true);
    expect(points.map(p => p.meeting)).toEqual([...Array(20).fill(0), ...Array(25).fill(1), ...Array(15).fill(2)]);
    const missing = await store.missing(scope, campaign.goal, { limit: 10, offset: 0 });
    expect(missing.items.map(c => c.entityRef)).toEqual(['component:default/card-vault', 'component:default/fraud-scoring']);
  }); // prettier-ignore
  },
);
