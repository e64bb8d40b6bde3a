import { inDays, people, startBackend } from '../../__testUtils__/backend';
import { createTestDatabases } from '../../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const request = {
  controlId: 'run-as-non-root',
  justification: 'The legacy card terminal agent needs root to bind port 443.',
  compensatingControls:
    'Dedicated node pool, seccomp profile, egress deny-all.',
  riskRating: 'medium',
  expiresAt: inDays(30),
};

describe.each(databases.eachSupportedId())(
  'exception register on %s',
  databaseId => {
    it('runs requested → approved → revoked, with history and high-severity audit of approvals', async () => {
      const { as, audits } = await startBackend(databases, databaseId);
      const created = await as(people.owner).post('/exceptions', request);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'requested',
        requestedBy: people.owner,
        version: 1,
      });
      const id = created.body.id;

      const approved = await as(people.lead).post(
        `/exceptions/${id}/transitions`,
        { version: 1, action: 'approve', note: 'Until the agent is rebuilt' },
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        decidedBy: people.lead,
        version: 2,
      });
      expect(
        audits.find(a => a.actionType === 'exception-approve'),
      ).toMatchObject({
        actionType: 'exception-approve',
        severityLevel: 'high',
        status: 'success',
      });

      const again = await as(people.lead2).post(
        `/exceptions/${id}/transitions`,
        { version: 1, action: 'reject' },
      );
      expect(again.status).toBe(409);

      const rejectApproved = await as(people.lead2).post(
        `/exceptions/${id}/transitions`,
        { version: 2, action: 'reject' },
      );
      expect(rejectApproved.status).toBe(409);
      expect(rejectApproved.body.error.message).toBe(
        'An exception that is approved cannot be rejected',
      );

      const revoked = await as(people.lead2).post(
        `/exceptions/${id}/transitions`,
        { version: 2, action: 'revoke' },
      );
      expect(revoked.body.status).toBe('revoked');

      const list = await as(people.otherTeam).get('/exceptions?limit=10');
      expect(list.body.totalCount).toBe(1);
      const history = await as(people.owner).get('/history');
      expect(
        history.body.items
          .filter((h: { recordType: string }) => h.recordType === 'exception')
          .map((h: { action: string }) => h.action),
      ).toEqual(['revoke', 'approve', 'request']);
    });

    it('keeps segregation of duties: no self-approval, leads only, users only', async () => {
      const { as, knex } = await startBackend(databases, databaseId);
      const own = await as(people.lead).post('/exceptions', request);
      const selfApprove = await as(people.lead).post(
        `/exceptions/${own.body.id}/transitions`,
        { version: 1, action: 'approve' },
      );
      expect(selfApprove.status).toBe(403);
      expect(selfApprove.body.error.message).toBe(
        'Nobody may approve or reject their own exception request',
      );

      const byOwner = await as(people.owner).post(
        `/exceptions/${own.body.id}/transitions`,
        { version: 1, action: 'approve' },
      );
      expect(byOwner.status).toBe(403);
      const byService = await as('service').post(
        `/exceptions/${own.body.id}/transitions`,
        { version: 1, action: 'approve' },
      );
      expect([401, 403]).toContain(byService.status);
      const otherTeamRequest = await as(people.otherTeam).post(
        '/exceptions',
        request,
      );
      expect(otherTeamRequest.status).toBe(403);

      const row = await knex('exceptions').where({ id: own.body.id }).first();
      expect(row.status).toBe('requested');
      expect(await knex('exceptions')).toHaveLength(1);

      // The owner may withdraw (close) the request.
      const closed = await as(people.owner).post(
        `/exceptions/${own.body.id}/transitions`,
        { version: 1, action: 'close' },
      );
      expect(closed.body.status).toBe('closed');
    });

    it('refuses bad expiries, unknown controls and oversized text with 400 and no write', async () => {
      const { as, knex } = await startBackend(databases, databaseId);
      const cases: Array<[object, RegExp]> = [
        [{ ...request, expiresAt: inDays(-1) }, /expiry must be in the future/],
        [{ ...request, expiresAt: inDays(400) }, /at most 180 days/],
        [
          { ...request, expiresAt: 'next tuesday' },
          /must match format "date-time"/,
        ],
        [
          { ...request, controlId: 'no-such-control' },
          /Unknown baseline control 'no-such-control'/,
        ],
        [
          { ...request, justification: 'x'.repeat(4001) },
          /must NOT have more than 4000 characters/,
        ],
        [
          { ...request, riskRating: 'severe' },
          /must be equal to one of the allowed values/,
        ],
      ];
      for (const [body, message] of cases) {
        const res = await as(people.owner).post('/exceptions', body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
      expect(await knex('exceptions')).toHaveLength(0);
    });

    it('expires approved exceptions past their expiry in a global scheduled job, once', async () => {
      const { as, knex, tasks } = await startBackend(databases, databaseId);
      const task = tasks.find(
        t => t.id === 'security-maturity-exception-expiry',
      )!;
      expect(task.scope).toBe('global');

      const a = await as(people.owner).post('/exceptions', request);
      const b = await as(people.owner).post('/exceptions', {
        ...request,
        controlId: 'signed-images',
      });
      await as(people.lead).post(`/exceptions/${a.body.id}/transitions`, {
        version: 1,
        action: 'approve',
      });
      await as(people.lead).post(`/exceptions/${b.body.id}/transitions`, {
        version: 1,
        action: 'approve',
      });
      // a's expiry has come; b's has not.
      await knex('exceptions')
        .where({ id: a.body.id })
        .update({ expires_at: new Date(Date.now() - 1000) });

      await task.fn(new AbortController().signal);
      await task.fn(new AbortController().signal);

      const rows = await knex('exceptions').orderBy('control_id');
      expect(rows.map(r => [r.control_id, r.status])).toEqual([
        ['run-as-non-root', 'expired'],
        ['signed-images', 'approved'],
      ]);
      const expiries = await knex('history').where({ action: 'expire' });
      expect(expiries).toHaveLength(1);
      expect(expiries[0].actor).toBe('plugin:security-maturity');

      // An expired exception cannot be approved again.
      const late = await as(people.lead).post(
        `/exceptions/${a.body.id}/transitions`,
        { version: 3, action: 'approve' },
      );
      expect(late.status).toBe(409);
    });
  },
);
