import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  securityMaturityCollectorsExtensionPoint,
  securityMaturityScorersExtensionPoint,
} from '@secmat/backstage-plugin-security-maturity-node';
import { entities, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseEvidenceStore } from '../database/evidence/DatabaseEvidenceStore';
import { migratedDatabase } from '../database/migrate';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
});
const many = Array.from({ length: 30 }, (_, i) => component(`svc-${i}`));

const OBSERVED = '2026-12-01T06:00:00.000Z';

// A collector as a module would add it: branch protection from a code host,
// for every component but one.
const collected: string[][] = [];
const collectorModule = createBackendModule({
  pluginId: 'security-maturity',
  moduleId: 'test-collector',
  register(reg) {
    reg.registerInit({
      deps: {
        collectors: securityMaturityCollectorsExtensionPoint,
        scorers: securityMaturityScorersExtensionPoint,
      },
      async init({ collectors, scorers }) {
        collectors.addCollector({
          id: 'code-host',
          title: 'Code host',
          async collect({ entities: page }) {
            collected.push(page.map(e => e.metadata.name));
            return page
              .filter(e => e.metadata.name !== 'svc-0')
              .map(e => ({
                entity: e,
                key: 'branch-protection',
                value: { required: true, reviews: 2 },
                observedAt: OBSERVED,
                validUntil: '2099-01-01T00:00:00.000Z',
                link: `https://git.example.com/${e.metadata.name}/settings/branches`,
              }));
          },
        });
        // A scorer that reads the collector's signals.
        scorers.addScorer({
          id: 'test-signals',
          title: 'Signals',
          description: 'Branch protection from the code host',
          score: ({ signals = [] }) =>
            signals
              .filter(s => s.source === 'code-host')
              .map(s => ({
                id: 'I-SD-2-A',
                value: 1,
                rationale: `Branch protection observed ${s.observedAt.slice(
                  0,
                  10,
                )}`,
                links: s.link ? [{ title: 'Branches', url: s.link }] : [],
              })),
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())(
  'evidence collectors on %s',
  databaseId => {
    it('run in a scheduled task over the catalog in pages, write in bulk through the records, and change nothing when run again', async () => {
      const { tasks, knex, as, audits } = await startBackend(
        databases,
        databaseId,
        [collectorModule],
        [...entities, ...many],
      );
      const task = tasks.find(
        t => t.id === 'security-maturity-collector-code-host',
      );
      expect(task).toMatchObject({ scope: 'global' });
      expect(
        tasks.find(t => t.id === 'security-maturity-evidence-prune'),
      ).toBeDefined();

      // Count the statements on the signals table.
      const statements: string[] = [];
      const listen = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listen);
      collected.length = 0;
      await task!.fn(new AbortController().signal as any);
      knex.off('query', listen);

      // Every component once; svc-0 got nothing.
      expect(collected.flat().sort()).toEqual(
        ['payments-api', ...many.map(e => e.metadata.name)].sort(),
      );
      expect(await knex('evidence_signals')).toHaveLength(30);
      expect(
        await knex('history').where({ record_type: 'evidence' }),
      ).toHaveLength(30);
      // One insert of signals for the page, not one per entity.
      expect(
        statements.filter(s =>
          /insert into [`"]?evidence_signals[`"]? /i.test(s),
        ),
      ).toHaveLength(1);
      expect(audits.filter(a => a.actionType === 'evidence-collect')).toEqual([
        expect.objectContaining({
          status: 'success',
          meta: expect.objectContaining({ collectorId: 'code-host' }),
        }),
      ]);

      // The entities were rescored with their signals.
      const score = await as(people.owner).get('/score');
      expect(
        score.body.activities.find((a: any) => a.id === 'I-SD-2-A'),
      ).toMatchObject({
        value: 1,
        ruleId: 'test-signals',
        rationale: 'Branch protection observed 2026-12-01',
        links: [
          {
            title: 'Branches',
            url: 'https://git.example.com/payments-api/settings/branches',
          },
        ],
      });
      const version = async () =>
        Number(
          (
            await knex('entity_records')
              .where({ entity_ref: 'component:default/payments-api' })
              .first()
          ).version,
        );
      const versionBefore = await version();

      // Again: the same signals, nothing new.
      await task!.fn(new AbortController().signal as any);
      expect(await knex('evidence_signals')).toHaveLength(30);
      expect(await version()).toBe(versionBefore);
    });

    it('reads the signals of a whole page in one query when rescoring', async () => {
      const { tasks, knex } = await startBackend(
        databases,
        databaseId,
        [collectorModule],
        [...entities, ...many],
      );
      await tasks
        .find(t => t.id === 'security-maturity-collector-code-host')!
        .fn(new AbortController().signal as any);
      const statements: string[] = [];
      const listen = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listen);
      await tasks
        .find(t => t.id === 'security-maturity-rescore')!
        .fn(new AbortController().signal as any);
      knex.off('query', listen);
      // 31 components, one page and one batch: one read of the signals.
      expect(
        statements.filter(s =>
          /from [`"]?evidence_signals[`"]? as [`"]?s[`"]?/i.test(s),
        ),
      ).toHaveLength(1);
    });

    it('prunes replaced signals past the retention, never the current one', async () => {
      const knex = await databases.init(databaseId);
      await migratedDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const store = new DatabaseEvidenceStore(knex);
      const signal = (observedAt: string, n: number) => ({
        entityRef: 'component:default/payments-api',
        source: 'code-host',
        key: 'branch-protection',
        value: { n },
        observedAt,
      });
      const now = new Date('2026-12-02T00:00:00Z');
      await store.writeCollected({
        collectorId: 'code-host',
        now,
        signals: [
          signal('2025-01-01T00:00:00.000Z', 1),
          signal('2025-02-01T00:00:00.000Z', 2),
          signal('2026-11-01T00:00:00.000Z', 3),
        ],
      });
      expect(await store.prune(new Date('2026-01-01T00:00:00Z'))).toBe(2);
      const current = await store.readCurrent([
        'component:default/payments-api',
      ]);
      expect(current.get('component:default/payments-api')).toEqual([
        expect.objectContaining({ value: { n: 3 } }),
      ]);
      // The only one, however old, stays current.
      expect(await store.prune(new Date('2027-01-01T00:00:00Z'))).toBe(0);
      await knex.destroy();
    });
    it('moves the dates of a signal found again unchanged, and adds a row only when what the tool says changed', async () => {
      const knex = await databases.init(databaseId);
      await migratedDatabase({
        getClient: async () => knex,
        migrations: { skip: false },
      } as any);
      const store = new DatabaseEvidenceStore(knex);
      const ref = 'component:default/payments-api';
      const run = (day: string, reviews: number) =>
        store.writeCollected({
          collectorId: 'code-host',
          now: new Date(`${day}T07:00:00Z`),
          signals: [
            {
              entityRef: ref,
              source: 'code-host',
              key: 'branch-protection',
              value: { required: true, reviews },
              observedAt: `${day}T06:00:00.000Z`,
              validUntil: `${day}T23:59:59.000Z`,
              link: 'https://git.example.com/payments-api/settings/branches',
            },
          ],
        });
      const rows = () => knex('evidence_signals').count({ n: '*' });
      const history = () => knex('history').count({ n: '*' });

      expect(await run('2026-11-30', 2)).toEqual([ref]);
      // The next days' runs find the same: no new row, history or rescoring.
      expect(await run('2026-12-01', 2)).toEqual([]);
      expect(await run('2026-12-02', 2)).toEqual([]);
      expect(Number((await rows())[0].n)).toBe(1);
      expect(Number((await history())[0].n)).toBe(1);
      expect((await store.readCurrent([ref])).get(ref)).toEqual([
        expect.objectContaining({
          value: { required: true, reviews: 2 },
          observedAt: '2026-12-02T06:00:00.000Z',
          validUntil: '2026-12-02T23:59:59.000Z',
        }),
      ]);
      // A change is a new signal with its history row.
      expect(await run('2026-12-03', 1)).toEqual([ref]);
      expect(Number((await rows())[0].n)).toBe(2);
      expect(Number((await history())[0].n)).toBe(2);
      // And going back is a change again, not a match with an older row.
      expect(await run('2026-12-04', 2)).toEqual([ref]);
      expect((await store.readCurrent([ref])).get(ref)).toEqual([
        expect.objectContaining({ value: { required: true, reviews: 2 } }),
      ]);
      await knex.destroy();
    });
  },
);
