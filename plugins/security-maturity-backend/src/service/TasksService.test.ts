import { mockCredentials, TestDatabaseId } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DAY_MS,
  SecurityTaskList,
} from '@secmat/backstage-plugin-security-maturity-common';
import { entities as cast, inDays, people } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { testAccess, testServices } from '../__testUtils__/services';
import { DatabaseTasksReadModel } from '../database/tasks/DatabaseTasksReadModel';
import { RecordsService } from './RecordsService';
import { TasksService } from './TasksService';

jest.setTimeout(120_000);

const databases = createTestDatabases();

// Payments (Olivia's team) owns three components, Identity (Tom's) one.
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});
const entities = [
  ...cast,
  component('payments-web', 'group:default/payments-team'),
  component('payments-batch', 'group:default/payments-team'),
  component('identity-api', 'group:default/identity-team'),
];
const path = (name: string) => ({
  kind: 'component',
  namespace: 'default',
  name,
});
const refOf = (name: string) => `component:default/${name}`;

const as = (who: string) => ({ credentials: mockCredentials.user(who) });
const olivia = as(people.owner); // Payments, owns payments-*
const tom = as(people.otherTeam); // Identity, owns identity-api
const lena = as(people.lead); // security lead
const lars = as(people.lead2); // security lead

async function setup(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const deps = await testServices(knex, catalogServiceMock({ entities }));
  const access = testAccess(deps);
  const records = new RecordsService({ ...deps, access });
  const tasks = new TasksService({
    access,
    readModel: new DatabaseTasksReadModel(knex),
    workflow: deps.workflow,
  });
  return { knex, records, tasks, workflow: deps.workflow };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Requests an exception as someone; approves it as a lead when asked to. */
async function exception(
  { records }: Setup,
  name: string,
  by: ReturnType<typeof as>,
  options: { controlId: string; expiresInDays: number; approve?: boolean },
) {
  const requested = await records.requestException(by, path(name), {
    controlId: options.controlId,
    justification: 'Needed for now',
    compensatingControls: 'Isolated node pool',
    riskRating: 'medium',
    expiresAt: inDays(options.expiresInDays),
  });
  if (!options.approve) return requested;
  return records.transitionException(lars, path(name), requested.id, {
    version: requested.version,
    action: 'approve',
  });
}

/** Tier 3 at intake: stages for tiers 1 and 2 only are not required. */
const tier3Intake = {
  version: 0,
  dataClassification: 'internal',
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: false,
  regulatoryObligations: [],
};

const rasi = (accountable: string) => ({
  version: 0,
  responsible: [],
  accountable,
  supportive: [],
  informed: [],
});

/** What a list holds, as the items' keys, and the list's total. */
async function read(
  tasks: TasksService,
  who: ReturnType<typeof as>,
  list: SecurityTaskList,
  page = { limit: 20, offset: 0 },
) {
  const { items, totalCount } = await tasks.list(who, list, page);
  return { items, totalCount };
}

describe.each(databases.eachSupportedId())(
  'my security tasks on %s',
  databaseId => {
    it('lists the exception requests waiting for a lead, never the lead’s own, and pages them', async () => {
      const s = await setup(databaseId);
      const byOlivia = await exception(s, 'payments-api', olivia, {
        controlId: 'run-as-non-root',
        expiresInDays: 30,
      });
      const byLena = await exception(s, 'payments-web', lena, {
        controlId: 'network-policies',
        expiresInDays: 30,
      });
      // Decided requests wait for nobody.
      await exception(s, 'identity-api', tom, {
        controlId: 'signed-images',
        expiresInDays: 30,
        approve: true,
      });

      const ids = async (who: ReturnType<typeof as>) =>
        (await read(s.tasks, who, 'approvals')).items.map(
          i => (i as { exceptionId: string }).exceptionId,
        );
      // Lena requested one herself: it is Lars's to approve, not hers.
      expect(await ids(lena)).toEqual([byOlivia.id]);
      // Oldest request first.
      expect(await ids(lars)).toEqual([byOlivia.id, byLena.id]);
      // Approving is for leads only.
      expect(await read(s.tasks, olivia, 'approvals')).toEqual({
        items: [],
        totalCount: 0,
      });

      expect((await read(s.tasks, lars, 'approvals')).items[0]).toEqual({
        entityRef: refOf('payments-api'),
        exceptionId: byOlivia.id,
        controlId: 'run-as-non-root',
        controlTitle: 'Containers run as non-root',
        riskRating: 'medium',
        requestedBy: people.owner,
        requestedAt: byOlivia.requestedAt,
        expiresAt: byOlivia.expiresAt,
      });

      // Paging: each page knows the whole list's size, even past its end.
      const page = (offset: number) =>
        s.tasks.list(lars, 'approvals', { limit: 1, offset });
      expect(await page(0)).toMatchObject({
        items: [{ exceptionId: byOlivia.id }],
        totalCount: 2,
        limit: 1,
        offset: 0,
      });
      expect(await page(1)).toMatchObject({
        items: [{ exceptionId: byLena.id }],
        totalCount: 2,
      });
      expect(await page(5)).toMatchObject({ items: [], totalCount: 2 });
    });

    it('lists the cleared, required gates waiting for the caller’s sign-off as Accountable, directly or through a group', async () => {
      const s = await setup(databaseId);
      const { records, workflow } = s;
      const api = path('payments-api');
      await records.putIntake(olivia, api, tier3Intake);
      // Tom is Accountable himself for intake; his team for the release sign-off.
      await records.putRasiAssignment(
        olivia,
        api,
        'intake-classification',
        rasi('user:default/Tom'),
      );
      await records.putRasiAssignment(
        olivia,
        api,
        'release-sign-off',
        rasi('group:default/identity-team'),
      );
      await records.putRasiAssignment(
        olivia,
        api,
        'threat-modeling',
        rasi(people.otherTeam),
      );
      await records.putRasiAssignment(
        olivia,
        api,
        'governance-review',
        rasi(people.otherTeam),
      );
      await records.putRasiAssignment(
        olivia,
        api,
        'implementation-review',
        rasi(people.otherTeam),
      );

      const allDone = (stageId: string) =>
        workflow.stages
          .find(st => st.id === stageId)!
          .exitCriteria.map(c => ({
            criterionId: c.id,
            done: true,
            evidence: [],
          }));
      await records.putStage(olivia, api, 'intake', {
        version: 0,
        status: 'passed',
        checklist: allDone('intake'),
      });
      await records.putStage(olivia, api, 'launch', {
        version: 0,
        status: 'waived',
        checklist: [],
        reason: 'Internal batch job, no launch',
      });
      // Not required at tier 3: not shown on the tab, so nobody's task.
      await records.putStage(olivia, api, 'threat-modeling', {
        version: 0,
        status: 'passed',
        checklist: allDone('threat-modeling'),
      });
      // Still in progress: nothing to sign yet.
      await records.putStage(olivia, api, 'implementation', {
        version: 0,
        status: 'in_progress',
        checklist: [],
      });
      // Already signed off (by a lead): done.
      const governance = await records.putStage(olivia, api, 'governance', {
        version: 0,
        status: 'passed',
        checklist: allDone('governance'),
      });
      await records.signOffStage(lena, api, 'governance', {
        version: governance.version,
      });

      const { items, totalCount } = await read(s.tasks, tom, 'signoffs');
      expect(totalCount).toBe(2);
      expect(items).toEqual([
        {
          entityRef: refOf('payments-api'),
          stageId: 'intake',
          stageTitle: 'Intake & classification',
          status: 'passed',
          // Named in any case, stored as the catalog spells refs.
          accountable: people.otherTeam,
          since: expect.any(String),
        },
        expect.objectContaining({
          stageId: 'launch',
          stageTitle: 'Launch & monitoring',
          status: 'waived',
          accountable: 'group:default/identity-team',
        }),
      ]);
      // The owners are not Accountable for any of these; nor is a lead by being one.
      expect((await read(s.tasks, olivia, 'signoffs')).totalCount).toBe(0);
      expect((await read(s.tasks, lena, 'signoffs')).totalCount).toBe(0);

      // The tab offers Tom the sign-off of what he is Accountable for, though
      // he owns nothing of payments-api; the owners sign off nothing of it.
      const asTom = await records.getEntityRecord(tom, api);
      expect(asTom.permissions).toMatchObject({ canEdit: false });
      expect([...asTom.permissions.accountableFor!].sort()).toEqual([
        'governance-review',
        'implementation-review',
        'intake-classification',
        'release-sign-off',
        'threat-modeling',
      ]);
      expect(
        (await records.getEntityRecord(olivia, api)).permissions.accountableFor,
      ).toEqual([]);

      // Signed off, the task is gone.
      const intake = asTom.stages.find(st => st.stageId === 'intake')!;
      await records.signOffStage(tom, api, 'intake', {
        version: intake.version,
      });
      expect(
        (await read(s.tasks, tom, 'signoffs')).items.map(
          i => (i as { stageId: string }).stageId,
        ),
      ).toEqual(['launch']);
    });

    it('lists the approved exceptions of the caller’s own components expiring within 30 days, and the expired', async () => {
      const s = await setup(databaseId);
      const soon = await exception(s, 'payments-api', olivia, {
        controlId: 'run-as-non-root',
        expiresInDays: 10,
        approve: true,
      });
      await exception(s, 'payments-web', olivia, {
        controlId: 'network-policies',
        expiresInDays: 60,
        approve: true,
      });
      const lapsing = await exception(s, 'payments-web', olivia, {
        controlId: 'resource-limits',
        expiresInDays: 5,
        approve: true,
      });
      // Requested but not approved: it expires nothing yet.
      await exception(s, 'payments-batch', olivia, {
        controlId: 'signed-images',
        expiresInDays: 3,
      });
      const tomsOwn = await exception(s, 'identity-api', tom, {
        controlId: 'signed-images',
        expiresInDays: 3,
        approve: true,
      });
      await s.records.expireDueExceptions(new Date(Date.now() + 6 * DAY_MS));

      const { items, totalCount } = await read(s.tasks, olivia, 'expiring');
      expect(totalCount).toBe(2);
      // The expired first, then the soonest to expire.
      expect(items).toEqual([
        {
          entityRef: refOf('payments-web'),
          exceptionId: lapsing.id,
          controlId: 'resource-limits',
          controlTitle: 'Resource limits',
          riskRating: 'medium',
          status: 'expired',
          expiresAt: lapsing.expiresAt,
        },
        expect.objectContaining({
          entityRef: refOf('payments-api'),
          exceptionId: soon.id,
          status: 'approved',
        }),
      ]);
      // Identity's expired too, but it is Tom's; a lead owning nothing has none.
      expect(
        (await read(s.tasks, tom, 'expiring')).items.map(
          i => (i as { exceptionId: string }).exceptionId,
        ),
      ).toEqual([tomsOwn.id]);
      expect((await read(s.tasks, lena, 'expiring')).totalCount).toBe(0);
    });

    it('lists the open worksheets whose containment names the caller or their group, defaults from RASI included', async () => {
      const s = await setup(databaseId);
      const { records } = s;
      const api = path('payments-api');
      // Containment owners default from the Accountable for each action in RASI.
      await records.putRasiAssignment(
        olivia,
        api,
        'incident-freeze',
        rasi(people.lead2),
      );
      const incident = await records.startWorksheet(olivia, api, {
        kind: 'incident',
        title: 'Token leak in logs',
      });
      const updated = await records.updateWorksheet(olivia, api, incident.id, {
        version: incident.version,
        title: incident.title,
        status: 'open',
        readiness: incident.readiness,
        containmentOwners: {
          isolate: 'group:default/identity-team',
          revoke: people.otherTeam,
          freeze: people.lead2,
          recover: people.owner,
        },
        timeline: incident.timeline,
        actions: [],
        findings: [],
      });
      // A closed drill owes nothing any more.
      const drill = await records.startWorksheet(olivia, api, {
        kind: 'drill',
        title: 'Q3 drill',
      });
      await records.updateWorksheet(olivia, api, drill.id, {
        version: drill.version,
        title: drill.title,
        status: 'closed',
        readiness: drill.readiness,
        containmentOwners: {
          isolate: people.otherTeam,
          revoke: null,
          freeze: null,
          recover: null,
        },
        timeline: drill.timeline,
        actions: [],
        findings: [],
      });
      // A second incident that takes its owners from RASI only.
      const fromRasi = await records.startWorksheet(olivia, api, {
        kind: 'incident',
        title: 'Suspicious admin login',
      });
      expect(fromRasi.containmentOwners.freeze).toBe(people.lead2);

      expect(await read(s.tasks, tom, 'containment')).toEqual({
        totalCount: 1,
        items: [
          {
            entityRef: refOf('payments-api'),
            worksheetId: incident.id,
            title: 'Token leak in logs',
            kind: 'incident',
            startedAt: updated.startedAt,
            containedAt: null,
            actions: ['isolate', 'revoke'],
          },
        ],
      });
      // Lars owns freeze on both open incidents, the newest first.
      expect(await read(s.tasks, lars, 'containment')).toMatchObject({
        totalCount: 2,
        items: [
          { worksheetId: fromRasi.id, actions: ['freeze'] },
          { worksheetId: incident.id, actions: ['freeze'] },
        ],
      });
      expect((await read(s.tasks, olivia, 'containment')).items).toMatchObject([
        { worksheetId: incident.id, actions: ['recover'] },
      ]);
      expect((await read(s.tasks, lena, 'containment')).totalCount).toBe(0);
    });

    it('lists the caller’s components without intake first, then those below their tier’s target', async () => {
      const s = await setup(databaseId);
      // payments-api is classified (tier 3, target 1) and scores 0 without scorers.
      await s.records.putIntake(olivia, path('payments-api'), tier3Intake);
      // payments-web is classified and scored at its target: nothing to do.
      await s.records.putIntake(olivia, path('payments-web'), tier3Intake);
      await s
        .knex('entity_scores')
        .where({ entity_ref: refOf('payments-web') })
        .update({ overall: 1.2, percent_to_target: 120 });
      // payments-batch has no records at all.

      expect(await read(s.tasks, olivia, 'components')).toEqual({
        totalCount: 2,
        items: [
          {
            entityRef: refOf('payments-batch'),
            reason: 'no-intake',
            tier: null,
            overall: null,
            target: null,
            percentToTarget: null,
          },
          {
            entityRef: refOf('payments-api'),
            reason: 'below-target',
            tier: '3',
            overall: 0,
            target: 1,
            percentToTarget: 0,
          },
        ],
      });
      expect((await read(s.tasks, tom, 'components')).items).toEqual([
        expect.objectContaining({
          entityRef: refOf('identity-api'),
          reason: 'no-intake',
        }),
      ]);
      expect((await read(s.tasks, lena, 'components')).totalCount).toBe(0);
    });

    it('sums every list up for the caller, and refuses anyone who is not a user', async () => {
      const s = await setup(databaseId);
      await exception(s, 'payments-api', olivia, {
        controlId: 'run-as-non-root',
        expiresInDays: 20,
      });
      await exception(s, 'payments-web', olivia, {
        controlId: 'network-policies',
        expiresInDays: 20,
      });

      const summary = await s.tasks.summary(lena, 1);
      expect(summary).toMatchObject({
        userEntityRef: people.lead,
        isSecurityLead: true,
        expiringWithinDays: 30,
        lists: {
          approvals: { totalCount: 2, items: [expect.anything()] },
          signoffs: { totalCount: 0, items: [] },
          expiring: { totalCount: 0, items: [] },
          containment: { totalCount: 0, items: [] },
          components: { totalCount: 0, items: [] },
        },
      });
      // One statement per list, however many components the caller owns: a
      // non-lead has no approvals to read, so four.
      const statements: string[] = [];
      const count = (q: { sql: string }) => statements.push(q.sql);
      s.knex.on('query', count);
      expect(await s.tasks.summary(olivia, 5)).toMatchObject({
        isSecurityLead: false,
        lists: {
          approvals: { totalCount: 0 },
          components: { totalCount: 3 },
        },
      });
      s.knex.off('query', count);
      expect(statements).toHaveLength(4);

      const service = { credentials: mockCredentials.service('external:ci') };
      await expect(s.tasks.summary(service, 5)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: "This operation does not allow 'service' credentials",
      });
      await expect(
        s.tasks.list(service, 'approvals', { limit: 5, offset: 0 }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        s.tasks.summary({ credentials: mockCredentials.none() }, 5),
      ).rejects.toMatchObject({ name: 'AuthenticationError' });
    });
  },
);
