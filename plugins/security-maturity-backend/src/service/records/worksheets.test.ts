import { people, startBackend } from '../../__testUtils__/backend';
import { createTestDatabases } from '../../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const rasi = (accountable: string) => ({
  version: 0,
  responsible: [],
  accountable,
  supportive: [],
  informed: [],
});

describe.each(databases.eachSupportedId())(
  'RASI and runtime worksheets on %s',
  databaseId => {
    it('checks RASI refs against the catalog and keeps one Accountable per activity', async () => {
      const { as, knex } = await startBackend(databases, databaseId);
      const unknown = await as(people.owner).put(
        '/rasi/incident-isolate',
        rasi('user:default/nobody'),
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        'accountable: not in the catalog: user:default/nobody',
      );
      const component = await as(people.owner).put(
        '/rasi/incident-isolate',
        rasi('component:default/payments-api'),
      );
      expect(component.body.error.message).toMatch(/must be a user or a group/);
      const malformed = await as(people.owner).put(
        '/rasi/incident-isolate',
        rasi('not a ref'),
      );
      expect(malformed.status).toBe(400);
      const two = await as(people.owner).put('/rasi/incident-isolate', {
        ...rasi(people.owner),
        accountable: [people.owner, people.lead],
      });
      expect(two.status).toBe(400);
      const unknownActivity = await as(people.owner).put(
        '/rasi/make-coffee',
        rasi(people.owner),
      );
      expect(unknownActivity.body.error.message).toMatch(
        /Unknown RASI activity 'make-coffee'/,
      );
      expect(await knex('rasi_assignments')).toHaveLength(0);

      const ok = await as(people.owner).put('/rasi/incident-isolate', {
        ...rasi('group:default/payments-team'),
        supportive: [people.lead, people.lead],
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        accountable: 'group:default/payments-team',
        supportive: [people.lead],
        version: 1,
      });
    });

    it('starts a worksheet with containment owners from RASI, edits it by version, and feeds lessons back into a stage', async () => {
      const { as } = await startBackend(databases, databaseId);
      await as(people.owner).put('/rasi/incident-isolate', rasi(people.owner));
      await as(people.owner).put(
        '/rasi/incident-recover',
        rasi('group:default/security-leads'),
      );

      const started = await as(people.owner).post('/worksheets', {
        kind: 'drill',
        title: 'Card vault credential leak drill',
      });
      expect(started.status).toBe(201);
      expect(started.body.containmentOwners).toEqual({
        isolate: people.owner,
        revoke: null,
        freeze: null,
        recover: 'group:default/security-leads',
      });
      expect(started.body.timeline).toEqual([
        expect.objectContaining({ entry: 'Drill started', by: people.owner }),
      ]);
      const id = started.body.id;

      const update = {
        version: 1,
        title: 'Card vault credential leak drill',
        status: 'closed',
        containedAt: new Date().toISOString(),
        readiness: {
          baselineControlsPresent: true,
          runtimeVisibility: false,
          containmentPathLastTested: '2026-10-01',
        },
        containmentOwners: {
          isolate: people.owner,
          revoke: people.lead,
          freeze: null,
          recover: 'group:default/security-leads',
        },
        timeline: [
          {
            at: new Date().toISOString(),
            entry: 'Keys rotated',
            // Claimed for someone else: the server records the caller.
            by: people.lead,
          },
        ],
        actions: [
          {
            description: 'Add runtime alerting on vault reads',
            owner: people.owner,
            done: false,
          },
        ],
        findings: ['No alert fired when the credential was used from a new IP'],
      };
      const updated = await as(people.owner).put(`/worksheets/${id}`, update);
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        status: 'closed',
        version: 2,
        findings: update.findings,
      });
      expect(updated.body.closedAt).toBeDefined();
      expect(updated.body.timeline.at(-1)).toMatchObject({
        entry: 'Keys rotated',
        by: people.owner,
      });

      const stale = await as(people.lead).put(`/worksheets/${id}`, {
        ...update,
        title: 'Renamed',
      });
      expect(stale.status).toBe(409);
      const badOwner = await as(people.owner).put(`/worksheets/${id}`, {
        ...update,
        version: 2,
        containmentOwners: {
          ...update.containmentOwners,
          freeze: 'user:default/ghost',
        },
      });
      expect(badOwner.status).toBe(400);

      const lesson = await as(people.owner).post(`/worksheets/${id}/lessons`, {
        version: 2,
        lesson:
          'Runtime visibility was missing: add vault read alerts before launch',
        reopensStageId: 'launch',
      });
      expect(lesson.status).toBe(200);
      expect(lesson.body.lessons).toEqual([
        expect.objectContaining({ reopensStageId: 'launch', by: people.owner }),
      ]);

      const picture = await as(people.owner).get('');
      expect(picture.body.stages).toEqual([
        expect.objectContaining({
          stageId: 'launch',
          status: 'in_progress',
          reopenedReason: expect.stringMatching(
            /^Lesson from "Card vault credential leak drill"/,
          ),
        }),
      ]);
      const list = await as(people.owner).get('/worksheets');
      expect(list.body).toMatchObject({
        totalCount: 1,
        items: [expect.objectContaining({ id, version: 3 })],
      });
    });
  },
);
