import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import { testServices } from '../__testUtils__/services';
import { createTestDatabases } from '../__testUtils__/databases';
import { DemoLoader } from './DemoLoader';

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

describe.each(databases.eachSupportedId())('demo loader on %s', databaseId => {
  async function setup() {
    const knex = await databases.init(databaseId);
    const deps = await testServices(
      knex,
      catalogServiceMock({ entities: demoCatalog() }),
    );
    return { knex, loader: new DemoLoader(deps), audits: deps.audits };
  }

  it('loads a year of history through the records service, once', async () => {
    const { knex, loader, audits } = await setup();
    const now = new Date('2026-12-02T12:00:00Z');
    expect(await loader.loadIfEmpty(now)).toBe('loaded');

    // Every change was audited as demo data, none failed.
    expect(audits.length).toBeGreaterThan(150);
    expect(audits.filter(a => a.status !== 'success')).toEqual([]);
    expect(
      audits.every(
        a => a.meta.demo === true || a.actionType === 'exception-expire',
      ),
    ).toBe(true);

    // Snapshots on every day of four quarters, with movement.
    const days = await knex('score_snapshots')
      .where('entity_ref', 'component:default/payments-api')
      .orderBy('day')
      .select('day', 'overall');
    expect(days).toHaveLength(366);
    expect(days[0].day).toBe('2025-12-02');
    expect(Number(days[0].overall)).toBe(0);
    expect(Number(days[days.length - 1].overall)).toBeGreaterThan(0);

    // payments-api's roadmap: three phases, planned through the service.
    const roadmap = await knex('roadmap_phases').orderBy('phase');
    expect(
      roadmap.map(p => `${p.entity_ref.split('/')[1]} ${p.phase} ${p.name}`),
    ).toEqual([
      'payments-api 1 Threat model every change',
      'payments-api 2 Harden build and deployment',
      'payments-api 3 Test what we require',
    ]);

    // The story's turns: an exception expiring in six days, two expired,
    // a revoked one, a pending request, an incident lesson that re-opened a stage.
    const exceptions = await knex('exceptions').select(
      'entity_ref',
      'status',
      'expires_at',
    );
    const statuses = exceptions
      .map(e => `${e.entity_ref.split('/')[1]} ${e.status}`)
      .sort();
    expect(statuses).toEqual([
      'checkout-web requested',
      'ci-runners expired',
      'cluster-baseline expired',
      'cluster-baseline revoked',
      'payments-api approved',
    ]);
    const expiring = exceptions.find(e => e.status === 'approved');
    expect(
      Math.round(
        (new Date(expiring.expires_at).getTime() - now.getTime()) / 86_400_000,
      ),
    ).toBe(6);
    const history = await knex('history')
      .where({ action: 'reopen' })
      .select('entity_ref');
    expect(history.map(h => h.entity_ref).sort()).toEqual([
      'component:default/auth-gateway',
      'component:default/ci-runners',
    ]);
    // search-indexer is left for a newcomer to classify.
    expect(
      await knex('entity_records').where(
        'entity_ref',
        'component:default/search-indexer',
      ),
    ).toEqual([]);

    // The pipelines' pushes of tools' files: current signals on four
    // components, each push audited as demo data.
    const signals = await knex('evidence_signals').select(
      'entity_ref',
      'source',
    );
    expect(
      [...new Set(signals.map(r => r.entity_ref.split('/')[1]))].sort(),
    ).toEqual(['auth-gateway', 'card-vault', 'payments-api', 'storefront-web']);
    expect(audits.filter(a => a.actionType === 'evidence-push')).toHaveLength(
      13,
    );

    // A second start finds records and leaves them alone.
    const count = (await knex('history').count({ n: '*' }))[0].n;
    expect(await loader.loadIfEmpty(now)).toBe('skipped');
    expect((await knex('history').count({ n: '*' }))[0].n).toEqual(count);
  });

  it('waits for the catalog to have the demo components', async () => {
    const knex = await databases.init(databaseId);
    const deps = await testServices(knex, catalogServiceMock({ entities: [] }));
    const loader = new DemoLoader(deps);
    const { records } = deps;
    expect(await loader.loadIfEmpty()).toBe('waiting');
    expect(await records.hasAnyRecords()).toBe(false);
  });
});
