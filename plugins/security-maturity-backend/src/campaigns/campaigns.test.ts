import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  isoDayBefore,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import request from 'supertest';
import { people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseCampaignStore } from '../database/campaigns/DatabaseCampaignStore';
import { defaultWorkflow } from '../config/defaults';
import { CampaignReminder } from '../notify/messages';
import { OrgStructure } from '../org/OrgStructure';
import { orgEntities } from '../org/__testUtils__/orgBackend';
import { CampaignService } from './CampaignService';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const API = '/api/security-maturity';
const PAYMENTS = 'group:default/payments-team';
const today = () => new Date().toISOString().slice(0, 10);

const campaignInput = (over: Record<string, unknown> = {}) => ({
  title: 'Threat Assessment for Payments',
  scope: { owner: PAYMENTS },
  goal: { all: [{ kind: 'practice', practiceId: 'D-TA', atLeast: 1 }] },
  startDay: isoDayBefore(5),
  targetDay: '2099-12-31',
  ownerRef: people.lead,
  ...over,
});

/** The plugin on the org of the org tests, with a client for the campaign routes. */
async function start(databaseId: TestDatabaseId) {
  const backend = await startBackend(databases, databaseId, [], orgEntities);
  // payments-api: a lead appoints the Accountable for threat modeling.
  const rasi = await backend.as(people.lead).put('/rasi/threat-modeling', {
    version: 0,
    responsible: [PAYMENTS],
    accountable: people.owner,
    supportive: [],
    informed: [],
  });
  expect(rasi.status).toBe(200);
  // The scheduled job scores the rest of the catalog.
  const rescore = backend.tasks.find(
    t => t.id === 'security-maturity-rescore',
  )!;
  await rescore.fn(new AbortController().signal);
  const call = (who: string) => {
    const header = mockCredentials.user.header(who);
    const agent = request(backend.server);
    return {
      get: (path: string) =>
        agent.get(`${API}${path}`).set('Authorization', header),
      post: (path: string, body: object) =>
        agent.post(`${API}${path}`).set('Authorization', header).send(body),
      put: (path: string, body: object) =>
        agent.put(`${API}${path}`).set('Authorization', header).send(body),
    };
  };
  return { ...backend, call };
}

/** A past daily snapshot of a component with a Threat Assessment score. */
const snapshot = (name: string, day: string, dTa: number) => ({
  entity_ref: `component:default/${name}`,
  day,
  overall: dTa / 15,
  functions: '{}',
  practices: JSON.stringify({ 'D-TA': dTa }),
  ...Object.fromEntries(
    SAMM_PRACTICES.map(p => [
      `p_${p.id.toLowerCase().replace('-', '_')}`,
      p.id === 'D-TA' ? dTa : 0,
    ]),
  ),
});

describe.each(databases.eachSupportedId())('campaigns on %s', databaseId => {
  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const { call, knex } = await start(databaseId);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ goal: { all: [{ kind: 'practice', practiceId: 'X-YZ', atLeast: 1 }] } }, /goal\.all\[0\]\.practiceId: unknown SAMM practice 'X-YZ'/],
      [{ startDay: '2026-12-01', targetDay: '2026-11-30' }, /targetDay: 2026-11-30 is before the start 2026-12-01/],
      [{ scope: {} }, /^scope: name at least one of/],
      [{ goal: { all: [] } }, /goal\.all: a goal needs at least one condition/],
      [{ goal: { all: [{ kind: 'stage', stageId: 'nope' }] } }, /goal\.all\[0\]\.stageId: unknown stage 'nope'/],
      [{ reminderCadenceDays: 3 }, /reminderCadenceDays/],
    ];
    for (const [over, message] of cases) {
      const res = await call(people.lead).post('/org/campaigns', campaignInput(over));
      expect([res.status, res.body.error?.message]).toEqual([400, expect.stringMatching(message)]);
    }
    // Not a lead: refused.
    expect((await call(people.owner).post('/org/campaigns', campaignInput())).status).toBe(403);
    expect(await knex('campaigns')).toEqual([]);
  }); // prettier-ignore

  it('counts progress, the burn-up from the snapshots and the missing components; scope changes apply', async () => {
    const { call, knex, audits } = await start(databaseId);
    // History: payments-api reached Threat Assessment 1 three days ago,
    // checkout-web (Checkout squad, below Payments) never did; login-service
    // (Identity) had it all along but is outside the scope.
    const days = [4, 3, 2, 1].map(d => isoDayBefore(d));
    await knex('score_snapshots').insert([
      snapshot('payments-api', days[0], 0.5),
      snapshot('payments-api', days[1], 1),
      snapshot('payments-api', days[2], 1.5),
      snapshot('payments-api', days[3], 1),
      snapshot('checkout-web', days[0], 0),
      snapshot('checkout-web', days[2], 0.5),
      snapshot('checkout-web', days[3], 0.5),
      ...days.map(d => snapshot('login-service', d, 2)),
    ]);
    const created = await call(people.lead).post('/org/campaigns', campaignInput());
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(audits.find(a => a.actionType === 'create')).toMatchObject({
      status: 'success',
      meta: expect.anything(),
    });

    const detail = (await call(people.lead).get(`/org/campaigns/${id}`)).body;
    expect(detail.burnUp.source).toBe('score-snapshots');
    // Today is the live count: nobody in Payments has Threat Assessment 1.
    expect(detail.progress).toEqual({ meeting: 0, total: 2 });
    expect(detail.burnUp.points).toEqual([
      { day: days[0], meeting: 0, total: 2 },
      { day: days[1], meeting: 1, total: 1 },
      { day: days[2], meeting: 1, total: 2 },
      { day: days[3], meeting: 1, total: 2 },
      { day: today(), meeting: 0, total: 2 },
    ]);

    const missing = (await call(people.lead).get(`/org/campaigns/${id}/missing?limit=1`)).body;
    expect(missing).toEqual({
      items: [
        expect.objectContaining({
          entityRef: 'component:default/checkout-web',
          ownerRef: 'group:default/checkout-squad',
        }),
      ],
      totalCount: 2,
      limit: 1,
      offset: 0,
    });

    // The owner raises payments-api's Threat Assessment answers: the count moves.
    for (const activity of ['D-TA-1-A', 'D-TA-1-B']) {
      await call(people.owner).put(`/entities/component/default/payments-api/assessment/${activity}`, { version: 0, value: 1 });
    }
    const after = (await call(people.lead).get(`/org/campaigns/${id}`)).body;
    expect(after.progress).toEqual({ meeting: 1, total: 2 });
    expect(after.burnUp.points.at(-1)).toEqual({ day: today(), meeting: 1, total: 2 });

    // The component's tab: the chip says what the campaign asks, and that it is met.
    const chips = (await call(people.owner).get('/entities/component/default/payments-api/campaigns')).body;
    expect(chips.items).toEqual([
      expect.objectContaining({ id, goalText: 'Threat Assessment \u2265 1', targetDay: '2099-12-31', meets: true }),
    ]);
    // login-service is outside the scope: no chip.
    expect((await call(people.lead).get('/entities/component/default/login-service/campaigns')).body.items).toEqual([]);

    // Scope narrowed to the Checkout squad: payments-api leaves the campaign.
    const updated = await call(people.lead).put(`/org/campaigns/${id}`, {
      ...campaignInput({ scope: { owner: 'group:default/checkout-squad' } }),
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect((await call(people.lead).get(`/org/campaigns/${id}`)).body.progress).toEqual({ meeting: 0, total: 1 });
    expect((await call(people.owner).get('/entities/component/default/payments-api/campaigns')).body.items).toEqual([]);
    // A stale version: 409, nothing changed.
    const stale = await call(people.lead).put(`/org/campaigns/${id}`, { ...campaignInput(), version: 1 });
    expect(stale.status).toBe(409);
    expect((await call(people.lead).get(`/org/campaigns/${id}`)).body.campaign.scope).toEqual({ owner: 'group:default/checkout-squad' });

    // Archived: out of the list and the tabs.
    expect((await call(people.lead).post(`/org/campaigns/${id}/archive`, { version: 2 })).status).toBe(200);
    expect((await call(people.lead).get('/org/campaigns')).body.items).toEqual([]);
    expect((await call(people.lead).get('/org/campaigns?includeArchived=true')).body.items).toHaveLength(1);
  }); // prettier-ignore

  it('counts record goals from its own daily counts, written by the daily rescoring', async () => {
    const { call, knex, tasks } = await start(databaseId);
    const created = await call(people.lead).post(
      '/org/campaigns',
      campaignInput({
        goal: {
          all: [
            { kind: 'accountable', activityId: 'threat-modeling' },
            { kind: 'noExpiredExceptions' },
          ],
        },
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    // Yesterday's count, as yesterday's rescoring wrote it.
    await knex('campaign_days').insert({ campaign_id: id, day: isoDayBefore(1), meeting: 0, total: 2 });
    // setUp gave payments-api an Accountable for threat modeling.
    const detail = (await call(people.lead).get(`/org/campaigns/${id}`)).body;
    expect(detail.burnUp.source).toBe('campaign-days');
    expect(detail.progress).toEqual({ meeting: 1, total: 2 });
    // The daily rescoring writes today's count; the earlier day reads back.
    await tasks.find(t => t.id === 'security-maturity-rescore')!.fn(new AbortController().signal);
    expect(await knex('campaign_days').where('day', today()).select('day', 'meeting', 'total')).toEqual([
      { day: today(), meeting: 1, total: 2 },
    ]);
    const points = (await call(people.lead).get(`/org/campaigns/${id}`)).body.burnUp.points;
    expect(points).toEqual([
      { day: isoDayBefore(1), meeting: 0, total: 2 },
      { day: today(), meeting: 1, total: 2 },
    ]);
  }); // prettier-ignore

  it('reminds each owner once per cadence across two replicas, and stops when archived', async () => {
    const { call, knex } = await start(databaseId);
    const created = await call(people.lead).post('/org/campaigns', campaignInput({ reminderCadenceDays: 7 }));
    const id = created.body.id;
    const sent: CampaignReminder[] = [];
    const org = new OrgStructure(orgEntities);
    const replica = () =>
      new CampaignService({
        store: new DatabaseCampaignStore(knex),
        orgAccess: { reader: async () => { throw new Error('unused'); } },
        access: { forRead: async () => { throw new Error('unused'); } },
        permissions: mockServices.permissions(),
        auditor: mockServices.auditor.mock(),
        orgSource: { get: async () => org },
        workflow: defaultWorkflow,
        notifier: { sendCampaignReminder: async r => { sent.push(r); return true; } },
        catalog: { getEntities: async () => ({ items: orgEntities.filter(e => e.kind === 'User') }) } as any,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
    const [a, b] = [replica(), replica()];
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    // Both replicas at the same moment: Olivia (Payments) gets one reminder.
    await Promise.all([a.remind(now), b.remind(now), a.remind(now)]);
    expect(sent.map(r => [r.recipientRef, r.campaignId, r.components, r.example])).toEqual([
      [people.owner, id, 1, 'component:default/payments-api'],
    ]);
    // Three days later: within the week, nothing.
    await Promise.all([a.remind(at(3)), b.remind(at(3))]);
    expect(sent).toHaveLength(1);
    // A week later: one more, from one replica.
    await Promise.all([a.remind(at(7)), b.remind(at(7))]);
    expect(sent).toHaveLength(2);
    // Archived: no more reminders, however long it waits.
    expect((await call(people.lead).post(`/org/campaigns/${id}/archive`, { version: 1 })).status).toBe(200);
    await Promise.all([a.remind(at(30)), b.remind(at(30))]);
    expect(sent).toHaveLength(2);
  }); // prettier-ignore

  it('gives a failed send its claim back', async () => {
    const { call, knex } = await start(databaseId);
    const created = await call(people.lead).post('/org/campaigns', campaignInput());
    const store = new DatabaseCampaignStore(knex);
    const now = new Date();
    expect(await store.claimReminder(created.body.id, people.owner, now, 7)).toBe(true);
    expect(await store.claimReminder(created.body.id, people.owner, now, 7)).toBe(false);
    await store.releaseReminder(created.body.id, people.owner);
    expect(await store.claimReminder(created.body.id, people.owner, now, 7)).toBe(true);
  }); // prettier-ignore

  it('reminds through the scheduled expiry task, and lists the campaign in the metrics pack', async () => {
    const { call, tasks, announcements, as } = await start(databaseId);
    const created = await call(people.lead).post('/org/campaigns', campaignInput());
    expect(created.status).toBe(201);
    const expiry = tasks.find(t => t.id === 'security-maturity-exception-expiry')!;
    await expiry.fn(new AbortController().signal);
    await expiry.fn(new AbortController().signal);
    const reminders = announcements.notifications.filter(
      n => n.payload.topic === 'security-maturity-campaign',
    );
    expect(reminders.map(n => [n.recipients, n.payload.title, n.payload.link])).toEqual([
      [
        { type: 'entity', entityRef: people.owner },
        'Campaign "Threat Assessment for Payments": payments-api does not meet Threat Assessment \u2265 1 yet',
        '/catalog/default/component/payments-api/security#security-campaigns',
      ],
    ]);
    const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
    const pack = await as(people.lead).plugin(`/org/metrics-pack?quarter=${quarter}&format=csv`);
    expect(pack.status).toBe(200);
    expect(pack.text).toContain('Campaigns');
    expect(pack.text).toMatch(/Threat Assessment for Payments,Threat Assessment \u2265 1,owner group:default\/payments-team,user:default\/lena,[\d-]+,2099-12-31,0,2,0/);
  }); // prettier-ignore
});
