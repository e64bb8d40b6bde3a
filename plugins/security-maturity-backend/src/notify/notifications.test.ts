import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { SignalPayload } from '@backstage/plugin-signals-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  SECURITY_MATURITY_EVENT_KINDS,
  SecurityMaturityEvent,
  securityMaturityEventTopic,
} from '@secmat/backstage-plugin-security-maturity-node';
import { entities, inDays, people } from '../__testUtils__/backend';
import { summarizeNotification } from '../__testUtils__/announcements';
import { createTestDatabases } from '../__testUtils__/databases';
import { testAccess, testServices } from '../__testUtils__/services';
import { DatabaseReminderStore } from '../database/reminders/DatabaseReminderStore';
import { DatabaseOrgReadModel } from '../database/org/DatabaseOrgReadModel';
import { RecordsService } from '../service/RecordsService';
import { sendLeadDigest } from '../service/sendLeadDigest';
import { readNotifyConfig } from './notifyConfig';
import { SecurityNotifier } from './SecurityNotifier';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const entity = {
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
};
const ref = 'component:default/payments-api';
const owners = 'group:default/payments-team';
const leads = 'group:default/security-leads';
const tab = '/catalog/default/component/payments-api/security';

const exceptionRequest = (expiresAt = inDays(60)) => ({
  controlId: 'run-as-non-root',
  justification: 'The legacy agent needs root',
  compensatingControls: 'Isolated node pool',
  riskRating: 'medium' as const,
  expiresAt,
});

/**
 * The records service as plugin.ts wires it, with a notifier whose
 * notifications and signals are recorded and whose events go through
 * Backstage's in-memory events service to a real subscriber.
 */
async function setup(databaseId: TestDatabaseId, config: object = {}) {
  const knex = await databases.init(databaseId);
  const deps = await testServices(knex, catalogServiceMock({ entities }));
  const sent: NotificationSendOptions[] = [];
  const signals: SignalPayload[] = [];
  const published: SecurityMaturityEvent[] = [];
  const events = mockServices.events();
  await events.subscribe({
    id: 'subscriber',
    topics: SECURITY_MATURITY_EVENT_KINDS.map(securityMaturityEventTopic),
    onEvent: async ({ topic, eventPayload }) => {
      const event = eventPayload as SecurityMaturityEvent;
      expect(topic).toBe(securityMaturityEventTopic(event.kind));
      published.push(event);
    },
  });
  const notifyConfig = readNotifyConfig(
    new ConfigReader({ securityMaturity: { notifications: config } }),
  );
  const notifier = new SecurityNotifier({
    config: notifyConfig,
    workflow: deps.workflow,
    records: deps.records,
    events,
    notifications: { send: async n => void sent.push(n) },
    signals: { publish: async s => void signals.push(s) },
    logger: deps.logger,
  });
  let now = new Date();
  const service = (reminders = new DatabaseReminderStore(knex)) =>
    new RecordsService({
      ...deps,
      clock: () => now,
      notifier,
      reminding: {
        reminders,
        auth: deps.auth,
        reminderDays: notifyConfig.reminderDays,
      },
      access: testAccess(deps),
    });
  const as = (who: string) => ({ credentials: mockCredentials.user(who) });
  /** The notifications sent since the last call: recipients, topic, link. */
  const take = () => sent.splice(0).map(summarizeNotification);
  const setNow = (date: Date) => {
    now = date;
  };
  const digest = () =>
    sendLeadDigest(
      {
        readModel: new DatabaseOrgReadModel(knex),
        reminders: new DatabaseReminderStore(knex),
        notifier,
        workflow: deps.workflow,
      },
      now,
    );
  return { knex, service, as, take, signals, published, setNow, digest };
}

describe.each(databases.eachSupportedId())(
  'notifications on %s',
  databaseId => {
    it('routes each moment to whom it concerns, never to who caused it', async () => {
      const { service, as, take, signals, published } = await setup(databaseId);
      const records = service();
      const owner = as(people.owner);
      const lead = as(people.lead);

      // Requested → the security leads; the requester is left out.
      const requested = await records.requestException(
        owner,
        entity,
        exceptionRequest(),
      );
      const scope = `security-maturity:${ref}:exception:${requested.id}`;
      expect(take()).toEqual([
        expect.objectContaining({
          to: [leads],
          exclude: [people.owner],
          topic: 'security-maturity.exception.requested',
          link: `${tab}#security-exception-${requested.id}`,
          scope,
          title: expect.stringContaining('Containers'),
        }),
      ]);

      // Approved → the requester and the owners; not the approver.
      await records.transitionException(lead, entity, requested.id, {
        version: requested.version,
        action: 'approve',
      });
      expect(take()).toEqual([
        expect.objectContaining({
          to: [owners, people.owner].sort(),
          exclude: [people.lead],
          topic: 'security-maturity.exception.approved',
          scope,
          title:
            'Exception approved on payments-api: Containers run as non-root',
        }),
      ]);

      // A lead's own request: the other leads are asked, never the requester.
      const own = await records.requestException(
        lead,
        entity,
        exceptionRequest(),
      );
      expect(take()).toEqual([
        expect.objectContaining({ to: [leads], exclude: [people.lead] }),
      ]);
      await records.transitionException(as(people.lead2), entity, own.id, {
        version: own.version,
        action: 'reject',
      });
      expect(take()).toEqual([
        expect.objectContaining({
          to: [owners, people.lead].sort(),
          exclude: [people.lead2],
          topic: 'security-maturity.exception.rejected',
        }),
      ]);

      // A gate ready for sign-off → that stage's Accountable.
      await records.putRasiAssignment(owner, entity, 'threat-modeling', {
        version: 0,
        responsible: [people.owner],
        accountable: people.lead2,
        supportive: [],
        informed: [],
      });
      expect(take()).toEqual([]);
      const passed = await records.putStage(owner, entity, 'threat-modeling', {
        version: 0,
        status: 'passed',
        checklist: [
          'risks-documented',
          'decisions-tracked',
          'definition-of-ready',
        ].map(criterionId => ({ criterionId, done: true, evidence: [] })),
      });
      expect(passed.status).toBe('passed');
      expect(take()).toEqual([
        expect.objectContaining({
          to: [people.lead2],
          topic: 'security-maturity.stage.ready-for-sign-off',
          link: `${tab}#security-stage-threat-modeling`,
        }),
      ]);

      // A material change re-opens threat modeling → its Responsible and
      // Accountable (the Responsible made the change, so only the Accountable).
      await records.recordMaterialChange(owner, entity, {
        kind: 'new-integration',
        description: 'Card vault API',
      });
      expect(take()).toEqual([
        expect.objectContaining({
          to: [people.lead2],
          exclude: [people.owner],
          topic: 'security-maturity.stage.reopened',
        }),
      ]);

      // A no-go release decision → the owners.
      const release = await records.createRelease(owner, entity, {
        release: '2.0.0',
      });
      await records.decideRelease(lead, entity, release.id, {
        version: release.version,
        decision: 'no_go',
      });
      expect(take()).toEqual([
        expect.objectContaining({
          to: [owners],
          topic: 'security-maturity.release.no-go',
          severity: 'high',
          link: `${tab}#security-releases`,
        }),
      ]);

      // The same moments reached a subscriber of the events service.
      expect(published.map(e => e.kind)).toEqual([
        'exception.requested',
        'exception.approved',
        'exception.requested',
        'exception.rejected',
        'stage.ready-for-sign-off',
        'stage.reopened',
        'release.no-go',
      ]);
      expect(published[0]).toMatchObject({
        entityRef: ref,
        record: { type: 'exception', id: requested.id },
        actor: people.owner,
      });
      expect(published[1].details).toMatchObject({
        controlId: 'run-as-non-root',
        requestedBy: people.owner,
      });
      // No free text of the record leaves the tab.
      expect(JSON.stringify(published)).not.toContain('legacy agent');
      // Every committed change told open tabs, on the entity's channel.
      expect(signals).toHaveLength(9);
      expect(signals[0]).toMatchObject({
        channel: `security-maturity:entity:${ref}`,
        message: { entityRef: ref, actor: people.owner },
      });
    });

    it('sends nothing for an event turned off in config, and still publishes it', async () => {
      const { service, as, take, published } = await setup(databaseId, {
        events: { 'exception-requested': { enabled: false } },
      });
      await service().requestException(
        as(people.owner),
        entity,
        exceptionRequest(),
      );
      expect(take()).toEqual([]);
      expect(published.map(e => e.kind)).toEqual(['exception.requested']);
    });

    it('sends nothing at all when notifications are off', async () => {
      const { service, as, take, signals } = await setup(databaseId, {
        enabled: false,
      });
      await service().requestException(
        as(people.owner),
        entity,
        exceptionRequest(),
      );
      expect(take()).toEqual([]);
      expect(signals).toHaveLength(1);
    });

    it('reminds at 30, 7 and 1 days and on expiry, once each, across two replicas and a restart', async () => {
      const { service, as, take, knex, setNow } = await setup(databaseId);
      const start = new Date();
      const day = 86400_000;
      const at = (days: number) => new Date(start.getTime() + days * day);
      const records = service();
      const requested = await records.requestException(
        as(people.owner),
        entity,
        exceptionRequest(at(45).toISOString()),
      );
      await records.putRasiAssignment(
        as(people.owner),
        entity,
        'exception-approval',
        {
          version: 0,
          responsible: [],
          accountable: people.lead2,
          supportive: [],
          informed: [],
        },
      );
      await records.transitionException(as(people.lead), entity, requested.id, {
        version: requested.version,
        action: 'approve',
      });
      take();

      // Two replicas share the database; each runs the task at the same time.
      const replicas = [
        service(new DatabaseReminderStore(knex)),
        service(new DatabaseReminderStore(knex)),
      ];
      const runBoth = async (days: number) => {
        setNow(at(days));
        for (const r of replicas) await r.expireDueExceptions(at(days));
        await Promise.all(replicas.map(r => r.remindOfExpiries(at(days))));
        return take();
      };

      expect(await runBoth(1)).toEqual([]); // 44 days left: nothing yet
      const thirty = await runBoth(16); // 29 days left
      expect(thirty).toEqual([
        expect.objectContaining({
          to: [owners, people.lead2].sort(),
          topic: 'security-maturity.exception.expiring',
          scope: `security-maturity:${ref}:exception:${requested.id}`,
          severity: 'low',
          title: expect.stringContaining('expires in 29 days'),
        }),
      ]);
      expect(await runBoth(20)).toEqual([]); // still the 30-day threshold
      expect(await runBoth(39)).toEqual([
        expect.objectContaining({
          title: expect.stringContaining('in 6 days'),
          severity: 'normal',
        }),
      ]);
      // A restart: new stores and services, the same database.
      replicas.splice(0, 2, service(), service());
      expect(await runBoth(39.5)).toEqual([]);
      expect(await runBoth(44.2)).toEqual([
        expect.objectContaining({
          title: expect.stringContaining('in 1 day'),
          severity: 'high',
        }),
      ]);
      expect(await runBoth(45.1)).toEqual([
        expect.objectContaining({
          to: [owners, people.lead2].sort(),
          topic: 'security-maturity.exception.expired',
          title: expect.stringContaining('expired'),
        }),
      ]);
      expect(await runBoth(46)).toEqual([]);
      expect(
        await knex('reminders_sent')
          .orderBy('days_before', 'desc')
          .pluck('days_before'),
      ).toEqual([30, 7, 1, 0]);
    });

    it('sends the leads a weekly digest when it is switched on', async () => {
      const off = await setup(databaseId);
      expect(await off.digest()).toBe(false);

      const { service, as, take, digest } = await setup(databaseId, {
        digest: { enabled: true },
      });
      const records = service();
      await records.requestException(
        as(people.owner),
        entity,
        exceptionRequest(),
      );
      const soon = await records.requestException(
        as(people.owner),
        entity,
        exceptionRequest(inDays(10)),
      );
      await records.transitionException(as(people.lead), entity, soon.id, {
        version: soon.version,
        action: 'approve',
      });
      await records.putStage(as(people.owner), entity, 'design', {
        version: 0,
        status: 'blocked',
        checklist: [],
        reason: 'Waiting for the vault team',
      });
      take();
      expect(await digest()).toBe(true);
      expect(take()).toEqual([
        expect.objectContaining({
          to: [leads],
          title:
            'Security digest: 1 approval waiting, 1 exception expiring, 0 expired',
          link: '/security-maturity',
          scope: 'security-maturity:digest',
        }),
      ]);
    });
  },
);
