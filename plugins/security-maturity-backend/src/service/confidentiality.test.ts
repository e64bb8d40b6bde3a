import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { securityMaturityConfidentialReadPermission } from '@secmat/backstage-plugin-security-maturity-common';
import { AccessControl } from '../access/AccessControl';
import {
  entities,
  fakeUserInfo,
  inDays,
  people,
  startBackend,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { testServices } from '../__testUtils__/services';
import { RecordsService } from './RecordsService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const JUSTIFICATION = 'The legacy agent needs root to bind port 443';
const COMPENSATING = 'Dedicated node pool with seccomp';
const ENTRY = 'Attacker pivoted through the unpatched admin console';
const FINDING = 'No alert fired on vault reads from a new IP';
const ACTION = 'Patch the admin console and add vault read alerts';
const LESSON = 'The admin console must never be reachable from the internet';
const NOTE = 'Approved because the node pool is isolated';

/** Every confidential text the setup writes. */
const SECRETS = [
  JUSTIFICATION,
  COMPENSATING,
  ENTRY,
  FINDING,
  ACTION,
  LESSON,
  NOTE,
];

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY | 'conditional';

/**
 * A policy for these tests: the confidential-read decision is `confidential`
 * (asked without a resource), and `onEntity` when it is evaluated for the
 * entity; every other permission is allowed, as by the example policy. It
 * starts as a plain ALLOW (while the setup writes) and is switched with `set`.
 */
function policy() {
  let confidential: Decision = AuthorizeResult.ALLOW;
  let onEntity: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
    AuthorizeResult.DENY;
  const factory = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r =>
        r.permission.name === securityMaturityConfidentialReadPermission.name
          ? { result: onEntity }
          : { result: AuthorizeResult.ALLOW },
      ),
    authorizeConditional: async queries =>
      queries.map(({ permission }) => {
        if (
          permission.name !== securityMaturityConfidentialReadPermission.name
        ) {
          return { result: AuthorizeResult.ALLOW };
        }
        if (confidential !== 'conditional') return { result: confidential };
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_KIND',
            resourceType: 'catalog-entity',
            params: { kinds: ['component'] },
          },
        };
      }),
  }).factory;
  return {
    factory,
    set(
      decision: Decision,
      entity:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.DENY,
    ) {
      confidential = decision;
      onEntity = entity;
    },
  };
}

/**
 * payments-api with an approved exception and a worksheet full of text; the
 * identity team named in RASI (Supportive for threat modeling).
 */
async function setUp(
  databaseId: Parameters<typeof startBackend>[1],
  features: Parameters<typeof startBackend>[2] = [],
) {
  const backend = await startBackend(databases, databaseId, features);
  const { as } = backend;
  const rasi = await as(people.owner).put('/rasi/threat-modeling', {
    version: 0,
    responsible: [people.owner],
    accountable: people.lead,
    supportive: ['group:default/identity-team'],
    informed: [],
  });
  expect(rasi.status).toBe(200);
  const requested = await as(people.owner).post('/exceptions', {
    controlId: 'run-as-non-root',
    justification: JUSTIFICATION,
    compensatingControls: COMPENSATING,
    riskRating: 'high',
    expiresAt: inDays(20),
  });
  expect(requested.status).toBe(201);
  const approved = await as(people.lead).post(
    `/exceptions/${requested.body.id}/transitions`,
    { version: 1, action: 'approve', note: NOTE },
  );
  expect(approved.status).toBe(200);
  const started = await as(people.owner).post('/worksheets', {
    kind: 'incident',
    title: 'Admin console intrusion',
  });
  expect(started.status).toBe(201);
  const worksheet = started.body.id;
  const updated = await as(people.owner).put(`/worksheets/${worksheet}`, {
    version: 1,
    title: 'Admin console intrusion',
    status: 'open',
    readiness: { baselineControlsPresent: true, runtimeVisibility: false },
    containmentOwners: {
      isolate: people.owner,
      revoke: null,
      freeze: null,
      recover: null,
    },
    timeline: [
      ...started.body.timeline,
      { at: new Date().toISOString(), entry: ENTRY, by: people.owner },
    ],
    actions: [{ description: ACTION, owner: people.owner, done: false }],
    findings: [FINDING],
  });
  expect(updated.status).toBe(200);
  const lesson = await as(people.owner).post(
    `/worksheets/${worksheet}/lessons`,
    { version: 2, lesson: LESSON, reopensStageId: 'launch' },
  );
  expect(lesson.status).toBe(200);
  return { ...backend, exceptionId: requested.body.id, worksheet };
}

/** Everything a reader gets of the component, as one text. */
async function everything(
  as: Awaited<ReturnType<typeof startBackend>>['as'],
  who: string,
) {
  const reads = await Promise.all(
    [
      '',
      '/exceptions',
      '/worksheets',
      '/history?limit=200',
      '/decisions',
      '/releases',
    ].map(path => as(who).get(path)),
  );
  for (const read of reads) expect(read.status).toBe(200);
  return {
    picture: reads[0].body,
    exceptions: reads[1].body.items,
    worksheets: reads[2].body.items,
    history: reads[3].body.items,
    text: JSON.stringify(reads.map(r => r.body)),
  };
}

describe.each(databases.eachSupportedId())(
  'confidential contents on %s',
  databaseId => {
    it('are read by owners, people named in RASI (through a group) and security leads', async () => {
      const { as } = await setUp(databaseId);
      for (const who of [people.owner, people.otherTeam, people.lead]) {
        const seen = await everything(as, who);
        for (const secret of SECRETS) expect(seen.text).toContain(secret);
        expect(seen.picture.permissions.canReadConfidential).toBe(true);
        expect(seen.exceptions[0]).toMatchObject({
          justification: JUSTIFICATION,
          compensatingControls: COMPENSATING,
          decisionNote: NOTE,
        });
        expect(seen.exceptions[0].redacted).toBeUndefined();
        expect(seen.worksheets[0].findings).toEqual([FINDING]);
      }
    });

    it('are redacted for a catalog reader in no team of the component, wherever they leave the server', async () => {
      const { as, exceptionId, worksheet } = await setUp(databaseId);
      const seen = await everything(as, people.manager);
      for (const secret of SECRETS) expect(seen.text).not.toContain(secret);
      expect(seen.picture.permissions.canReadConfidential).toBe(false);

      // That the records exist, their control, state and dates stay.
      const exception = {
        id: exceptionId,
        controlId: 'run-as-non-root',
        status: 'approved',
        riskRating: 'high',
        justification: '',
        compensatingControls: '',
        redacted: true,
      };
      expect(seen.picture.exceptions).toEqual([
        expect.objectContaining(exception),
      ]);
      expect(seen.exceptions).toEqual([expect.objectContaining(exception)]);
      expect(seen.exceptions[0].expiresAt).toBeDefined();
      expect(seen.exceptions[0].decisionNote).toBeUndefined();
      const sheet = seen.worksheets[0];
      expect(sheet).toMatchObject({
        id: worksheet,
        title: 'Admin console intrusion',
        status: 'open',
        findings: [],
        redacted: true,
        containmentOwners: { isolate: people.owner },
      });
      expect(sheet.timeline).toHaveLength(2);
      expect(sheet.timeline.every((t: any) => t.entry === '' && t.by)).toBe(
        true,
      );
      expect(sheet.actions).toEqual([
        { description: '', owner: people.owner, done: false },
      ]);
      expect(sheet.lessons).toEqual([
        expect.objectContaining({ lesson: '', reopensStageId: 'launch' }),
      ]);
      expect(seen.picture.worksheets).toEqual([sheet]);

      // History rows say what happened, without the text of the diffs.
      const worksheetRows = seen.history.filter(
        (h: any) => h.recordType === 'worksheet',
      );
      expect(worksheetRows.map((h: any) => h.action)).toEqual([
        'lesson',
        'update',
        'start',
      ]);
      expect(worksheetRows[0]).toMatchObject({
        redacted: true,
        changes: { reopensStageId: 'launch' },
      });
      expect(worksheetRows[2].redacted).toBeUndefined();
      // The re-opened stage names the worksheet, not the lesson.
      expect(
        seen.picture.stages.find((s: any) => s.stageId === 'launch')
          .reopenedReason,
      ).toBe('Lesson from "Admin console intrusion": read it in the worksheet');
    });

    it('follow the same rule in edit responses, and a worksheet is rewritten only by those who read it', async () => {
      // An owner the policy narrows gets their own change back redacted.
      const narrowing = policy();
      const { as, exceptionId, worksheet } = await setUp(databaseId, [
        narrowing.factory,
      ]);
      narrowing.set(AuthorizeResult.DENY);
      const closed = await as(people.owner).post(
        `/exceptions/${exceptionId}/transitions`,
        { version: 2, action: 'close' },
      );
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        justification: '',
        redacted: true,
      });
      // Saving the redacted copy back would erase the text: refused.
      const worksheets = await as(people.owner).get('/worksheets');
      const [sheet] = worksheets.body.items;
      const rewrite = await as(people.owner).put(`/worksheets/${worksheet}`, {
        version: sheet.version,
        title: sheet.title,
        status: 'closed',
        readiness: sheet.readiness,
        containmentOwners: sheet.containmentOwners,
        timeline: [],
        actions: [],
        findings: [],
      });
      expect(rewrite.status).toBe(403);
      expect(rewrite.body.error.message).toMatch(
        /restricted to its owners, the people named in its RASI and security leads/,
      );
      narrowing.set(AuthorizeResult.ALLOW);
      expect((await everything(as, people.owner)).text).toContain(FINDING);
    });

    it('are narrowed by a policy DENY, insiders and leads too', async () => {
      const narrowing = policy();
      const { as } = await setUp(databaseId, [narrowing.factory]);
      narrowing.set(AuthorizeResult.DENY);
      for (const who of [people.owner, people.otherTeam, people.lead]) {
        const seen = await everything(as, who);
        for (const secret of SECRETS) expect(seen.text).not.toContain(secret);
        expect(seen.picture.permissions.canReadConfidential).toBe(false);
      }
    });

    it('are widened only by a conditional policy decision that holds for the entity', async () => {
      const widening = policy();
      const { as } = await setUp(databaseId, [widening.factory]);
      // A plain ALLOW (the allow-all policy) leaves the plugin's rule.
      expect((await everything(as, people.manager)).text).not.toContain(
        JUSTIFICATION,
      );

      widening.set('conditional', AuthorizeResult.ALLOW);
      const auditor = await everything(as, people.manager);
      for (const secret of SECRETS) expect(auditor.text).toContain(secret);
      expect(auditor.picture.permissions.canReadConfidential).toBe(true);

      // A condition that does not hold for this entity grants nothing.
      widening.set('conditional', AuthorizeResult.DENY);
      expect((await everything(as, people.manager)).text).not.toContain(
        JUSTIFICATION,
      );
      // Insiders keep their own rule under a conditional decision.
      expect((await everything(as, people.owner)).text).toContain(
        JUSTIFICATION,
      );
    });

    it('are left out of the list of my expiring exceptions when a policy denies them', async () => {
      const knex = await databases.init(databaseId);
      const deps = await testServices(knex, catalogServiceMock({ entities }));
      const service = (permissions = mockServices.permissions()) =>
        new RecordsService({
          ...deps,
          access: new AccessControl({
            ...deps,
            permissions,
            securityLeadGroups: deps.workflow.securityLeadGroups,
            userInfo: fakeUserInfo,
          }),
        });
      const owner = { credentials: mockCredentials.user(people.owner) };
      const path = {
        kind: 'component',
        namespace: 'default',
        name: 'payments-api',
      };
      const { id } = await service().requestException(owner, path, {
        controlId: 'run-as-non-root',
        justification: JUSTIFICATION,
        compensatingControls: COMPENSATING,
        riskRating: 'high',
        expiresAt: inDays(20),
      });
      const lead = { credentials: mockCredentials.user(people.lead) };
      await service().transitionException(lead, path, id, {
        version: 1,
        action: 'approve',
      });

      const mine = await service().listMyExpiringExceptions(owner, 30);
      expect(mine).toEqual([
        expect.objectContaining({ id, justification: JUSTIFICATION }),
      ]);
      const denied = await service(
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
          authorizeConditional: async queries =>
            queries.map(() => ({ result: AuthorizeResult.DENY })),
        }),
      ).listMyExpiringExceptions(owner, 30);
      expect(denied).toEqual([
        expect.objectContaining({
          id,
          controlId: 'run-as-non-root',
          justification: '',
          compensatingControls: '',
          redacted: true,
        }),
      ]);
    });
  },
);
