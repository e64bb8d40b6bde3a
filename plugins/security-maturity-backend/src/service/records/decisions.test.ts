import { base, people, startBackend } from '../../__testUtils__/backend';
import { createTestDatabases } from '../../__testUtils__/databases';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const decision = {
  trigger: 'New card network webhook',
  decision: 'Verify webhook signatures and pin the network CA',
  rationale: 'Spoofed settlement callbacks would mark unpaid orders as paid',
  ownerRef: 'user:default/olivia',
  backlogUrl: 'https://tracker.example.com/PAY-1234',
  status: 'accepted',
  reReviewAt: '2027-05-01',
};

describe.each(databases.eachSupportedId())(
  'decision log, releases and self-assessment on %s',
  databaseId => {
    it('logs and updates threat-model decisions with owners from the catalog', async () => {
      const { as } = await startBackend(databases, databaseId);
      const created = await as(people.owner).post('/decisions', decision);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...decision, version: 1 });
      const ghost = await as(people.owner).post('/decisions', {
        ...decision,
        ownerRef: 'user:default/ghost',
      });
      expect(ghost.status).toBe(400);
      const updated = await as(people.lead).put(
        `/decisions/${created.body.id}`,
        { ...decision, version: 1, status: 'implemented' },
      );
      expect(updated.body).toMatchObject({
        status: 'implemented',
        version: 2,
        updatedBy: people.lead,
      });
      const stale = await as(people.owner).put(
        `/decisions/${created.body.id}`,
        { ...decision, version: 1 },
      );
      expect(stale.status).toBe(409);
      const missing = await as(people.owner).put(
        '/decisions/00000000-0000-4000-8000-000000000000',
        { ...decision, version: 1 },
      );
      expect(missing.status).toBe(404);
    });

    it('lets CI push release evidence with service credentials, but only a person decides', async () => {
      const { as, knex } = await startBackend(databases, databaseId);
      const release = await as(people.owner).post('/releases', {
        release: '2026.11.3',
      });
      expect(release.status).toBe(201);
      expect(
        (await as(people.owner).post('/releases', { release: '2026.11.3' }))
          .status,
      ).toBe(409);
      const id = release.body.id;

      const evidence = await as('service').post(`/releases/${id}/evidence`, {
        kind: 'provenance',
        title: 'SLSA provenance',
        url: 'https://ci.example.com/runs/981/provenance.json',
        result: 'pass',
        slsaBuildLevel: 3,
      });
      expect(evidence.status).toBe(201);
      expect(evidence.body.evidence).toEqual([
        expect.objectContaining({
          pushedBy: 'external:ci-pipeline',
          slsaBuildLevel: 3,
        }),
      ]);

      // Service credentials push evidence and create releases; they never decide.
      expect([401, 403]).toContain(
        (
          await as('service').post(`/releases/${id}/decision`, {
            version: 2,
            decision: 'go',
          })
        ).status,
      );
      expect(
        (await as('service').post('/releases', { release: '2026.11.4' }))
          .status,
      ).toBe(201);
      expect(
        (
          await as(people.otherTeam).post(`/releases/${id}/evidence`, {
            kind: 'scan',
            title: 'SAST',
            url: 'https://ci.example.com/sast',
          })
        ).status,
      ).toBe(403);

      const go = await as(people.owner).post(`/releases/${id}/decision`, {
        version: 2,
        decision: 'go',
        note: 'Scans clean, provenance verified',
      });
      expect(go.status).toBe(200);
      expect(go.body).toMatchObject({
        decision: 'go',
        decidedBy: people.owner,
      });
      const late = await as('service').post(`/releases/${id}/evidence`, {
        kind: 'scan',
        title: 'DAST',
        url: 'https://ci.example.com/dast',
      });
      expect(late.status).toBe(409);
      // The decided release, unchanged by the late push, and the one CI created.
      expect(
        (await knex('releases').orderBy('release')).map(r => [
          r.release,
          r.decision,
          r.evidence.length > 2,
        ]),
      ).toEqual([
        ['2026.11.3', 'go', true],
        ['2026.11.4', 'pending', false],
      ]);
    });

    it('stores attested SAMM answers in either ID spelling and refuses values the questionnaire does not have', async () => {
      const { as } = await startBackend(databases, databaseId);
      const answer = await as(people.owner).put('/assessment/D-TA-A-1', {
        version: 0,
        value: 0.5,
        notes: 'Risk profile exists for the checkout flow',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        activityId: 'D-TA-1-A',
        value: 0.5,
        answeredBy: people.owner,
        version: 1,
      });
      expect(
        (
          await as(people.owner).put('/assessment/D-TA-1-A', {
            version: 0,
            value: 1,
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await as(people.owner).put('/assessment/D-TA-1-A', {
            version: 1,
            value: 0.3,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await as(people.owner).put('/assessment/D-XX-1-A', {
            version: 0,
            value: 1,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await as(people.otherTeam).put('/assessment/D-TA-1-A', {
            version: 1,
            value: 1,
          })
        ).status,
      ).toBe(403);
      expect((await as(people.owner).get('')).body.assessment).toEqual([
        expect.objectContaining({ activityId: 'D-TA-1-A', value: 0.5 }),
      ]);
    });

    it('paginates history on the server with totals', async () => {
      const { as } = await startBackend(databases, databaseId);
      for (let i = 0; i < 5; i++) {
        await as(people.owner).post('/decisions', {
          ...decision,
          trigger: `Trigger ${i}`,
        });
      }
      const first = await as(people.owner).get('/history?limit=2');
      expect(first.body.totalCount).toBe(5);
      expect(first.body.items).toHaveLength(2);
      const last = await as(people.owner).get('/history?limit=2&offset=4');
      expect(last.body.items).toHaveLength(1);
      expect(last.body.items[0].changes.trigger.to).toBe('Trigger 0');
      expect((await as(people.owner).get('/history?limit=1000')).status).toBe(
        400,
      );
    });

    it('answers 401 on every route without credentials', async () => {
      const { server } = await startBackend(databases, databaseId);
      const routes: Array<['get' | 'put' | 'post', string]> = [
        ['get', ''],
        ['get', '/history'],
        ['get', '/exceptions'],
        ['get', '/worksheets'],
        ['get', '/decisions'],
        ['get', '/releases'],
        ['put', '/intake'],
        ['put', '/stages/design'],
        ['post', '/stages/design/sign-off'],
        ['post', '/material-changes'],
        ['put', '/rasi/threat-modeling'],
        ['post', '/exceptions'],
        ['post', '/worksheets'],
        ['post', '/decisions'],
        ['post', '/releases'],
        ['put', '/assessment/G-SM-1-A'],
      ];
      for (const [method, path] of routes) {
        const res = await request(server)
          [method](`${base}${path}`)
          .set('Authorization', mockCredentials.none.header())
          .send({});
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
      expect(
        (
          await request(server)
            .get('/api/security-maturity/config')
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(401);
    });
  },
);
