import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { inDays, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ref = 'component:default/payments-api';

/** The plugin with a registry the test can list and invoke, as MCP would (the mock names actions `test:…`). */
async function setup(databaseId: Parameters<typeof startBackend>[1]) {
  let registry: ReturnType<typeof actionsRegistryServiceMock> | undefined;
  const registryFactory = createServiceFactory({
    service: actionsRegistryServiceRef,
    deps: { logger: coreServices.logger },
    factory: ({ logger }) => {
      registry = actionsRegistryServiceMock({ logger });
      return registry;
    },
  });
  const backend = await startBackend(databases, databaseId, [registryFactory]);
  const invoke = (who: string, name: string, input: object) =>
    registry!.invoke({
      id: `test:${name}`,
      input: input as any,
      credentials: mockCredentials.user(who),
    });
  return { ...backend, registry: registry!, invoke };
}

const intake = {
  entityRef: ref,
  version: 0,
  dataClassification: 'confidential',
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: true,
  regulatoryObligations: [],
};

describe.each(databases.eachSupportedId())('actions on %s', databaseId => {
  it('are listed with what they do to the records, truthfully', async () => {
    const { registry } = await setup(databaseId);
    const { actions } = await registry.list();
    const attributes = Object.fromEntries(
      actions.map(a => [a.name, a.attributes]),
    );
    for (const name of [
      'get-security-summary',
      'get-next-steps',
      'list-my-expiring-exceptions',
      'get-my-security-tasks',
      'explain-samm-activity',
      'get-org-rollup',
      'get-metrics-pack-summary',
    ]) {
      expect(attributes[name]).toMatchObject({
        readOnly: true,
        destructive: false,
      });
    }
    for (const name of [
      'set-intake',
      'set-exit-criterion',
      'set-rasi-assignment',
      'attest-samm-answer',
      'request-exception',
    ]) {
      expect(attributes[name]).toMatchObject({
        readOnly: false,
        idempotent: false,
      });
    }
    expect(attributes['record-material-change']).toMatchObject({
      readOnly: false,
      destructive: true,
    });
  });

  it('read what the REST API serves the same person', async () => {
    const { invoke, as } = await setup(databaseId);
    const record = (await as(people.owner).get('')).body;
    const score = (await as(people.owner).get('/score')).body;
    const { output: summary } = await invoke(
      people.owner,
      'get-security-summary',
      {
        entityRef: 'payments-api',
      },
    );
    expect(summary).toMatchObject({
      entityRef: record.entityRef,
      version: record.version,
      tier: null,
      overall: score.overall,
      target: score.target,
    });
    expect((summary as any).nextSteps[0].title).toBe('Classify this component');

    const { output: explained } = await invoke(
      people.owner,
      'explain-samm-activity',
      {
        entityRef: ref,
        activityId: 'D-TA-A-1',
      },
    );
    const activity = score.activities.find((a: any) => a.id === 'D-TA-1-A');
    expect(explained).toMatchObject({
      activityId: 'D-TA-1-A',
      value: activity.value,
      source: activity.source,
      rationale: activity.rationale,
    });
    expect((explained as any).gainIfAnswered).toBeGreaterThan(0);

    const { output: steps } = await invoke(people.owner, 'get-next-steps', {
      entityRef: ref,
      limit: 2,
    });
    expect(
      (steps as any).steps.filter((s: any) => s.kind === 'score'),
    ).toHaveLength(2);
  });

  it('change records through the records service: history, audit and the REST API see it', async () => {
    const { invoke, as, audits } = await setup(databaseId);
    const { output: classified } = await invoke(
      people.owner,
      'set-intake',
      intake,
    );
    expect(classified).toMatchObject({ tier: '1', version: 1 });
    expect(audits[audits.length - 1]).toMatchObject({
      actionType: 'intake-update',
      status: 'success',
      meta: { entityRef: ref, onBehalfOf: people.owner },
    });

    await invoke(people.owner, 'set-exit-criterion', {
      entityRef: ref,
      stageId: 'threat-modeling',
      criterionId: 'risks-documented',
      done: true,
      evidence: { title: 'Threat model', url: 'https://wiki.example.com/tm' },
      version: 0,
    });
    await invoke(people.owner, 'attest-samm-answer', {
      entityRef: ref,
      activityId: 'G-EG-1-A',
      value: 0.5,
      version: 0,
    });
    const { output: exception } = await invoke(
      people.owner,
      'request-exception',
      {
        entityRef: ref,
        controlId: 'run-as-non-root',
        justification: 'Legacy agent',
        compensatingControls: 'Isolated node pool',
        riskRating: 'medium',
        expiresAt: inDays(20),
      },
    );
    await invoke(people.owner, 'record-material-change', {
      entityRef: ref,
      kind: 'new-integration',
      description: 'Card network webhook',
    });

    const record = (await as(people.owner).get('')).body;
    const tm = record.stages.find((s: any) => s.stageId === 'threat-modeling');
    expect(tm).toMatchObject({ status: 'in_progress' });
    expect(tm.reopenedReason).toMatch(/Card network webhook/);
    expect(tm.checklist[0]).toMatchObject({
      criterionId: 'risks-documented',
      done: true,
    });
    expect(record.assessment[0]).toMatchObject({
      activityId: 'G-EG-1-A',
      value: 0.5,
    });
    expect(record.exceptions[0]).toMatchObject({
      id: (exception as any).id,
      status: 'requested',
      requestedBy: people.owner,
    });
    const history = (await as(people.owner).get('/history?limit=50')).body
      .items;
    expect(history.map((h: any) => h.recordType).sort()).toEqual([
      'assessment',
      'exception',
      'intake',
      'material-change',
      'stage', // created by ticking the criterion
      'stage', // re-opened by the material change
    ]);
    expect(history.every((h: any) => h.actor === people.owner)).toBe(true);
  });

  it('assign RASI through the records service: the REST API, history, audit and the summary see it, a stale version is refused', async () => {
    const { invoke, as, audits, knex } = await setup(databaseId);
    const rasi = {
      entityRef: 'payments-api',
      activityId: 'threat-modeling',
      accountable: people.lead, // not themself: sign-off separation
      responsible: ['group:default/payments-team'],
      supportive: ['group:default/security-leads'],
      version: 0,
    };
    const { output: assigned } = await invoke(
      people.owner,
      'set-rasi-assignment',
      rasi,
    );
    expect(assigned).toEqual({
      activityId: 'threat-modeling',
      accountable: people.lead,
      responsible: ['group:default/payments-team'],
      supportive: ['group:default/security-leads'],
      informed: [], // left out: empty
      version: 1,
    });
    expect(audits[audits.length - 1]).toMatchObject({
      actionType: 'rasi-update',
      status: 'success',
      meta: {
        entityRef: ref,
        activityId: 'threat-modeling',
        onBehalfOf: people.owner,
      },
    });
    const record = (await as(people.owner).get('')).body;
    expect(record.rasi).toEqual([
      expect.objectContaining({
        ...(assigned as object),
        updatedBy: people.owner,
      }),
    ]);
    const history = (await as(people.owner).get('/history')).body.items;
    expect(history).toEqual([
      expect.objectContaining({
        recordType: 'rasi',
        recordId: 'threat-modeling',
        action: 'create',
        actor: people.owner,
      }),
    ]);
    const { output: summary } = await invoke(
      people.owner,
      'get-security-summary',
      { entityRef: ref },
    );
    expect((summary as any).rasi).toEqual([assigned]);
    expect((summary as any).intakeVersion).toBe(0);

    // The version read is the one that counts: a stale one is refused with
    // who changed it, as the REST API refuses it.
    const stale = { ...rasi, accountable: 'group:default/security-leads' };
    const restStale = await as(people.lead).put('/rasi/threat-modeling', {
      ...stale,
      entityRef: undefined,
      activityId: undefined,
      informed: [],
    });
    expect(restStale.status).toBe(409);
    await expect(
      invoke(people.lead, 'set-rasi-assignment', stale),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: restStale.body.error.message,
    });
    expect(restStale.body.error.message).toMatch(
      /changed by user:default\/olivia .*now version 1/,
    );
    // With the version read, a security lead may change it.
    const { output: changed } = await invoke(
      people.lead,
      'set-rasi-assignment',
      { ...stale, version: 1 },
    );
    expect(changed).toMatchObject({
      accountable: 'group:default/security-leads',
      version: 2,
    });
    expect(await knex('history')).toHaveLength(2);
  });

  it.each([
    ['a non-owner', people.otherTeam, {}, 'NotAllowedError', /./],
    [
      'an unknown activity',
      people.owner,
      { activityId: 'coffee' },
      'InputError',
      /^Unknown RASI activity 'coffee'; use one of .*threat-modeling/,
    ],
    [
      'an Accountable not in the catalog',
      people.owner,
      { accountable: 'user:default/nobody' },
      'InputError',
      /^accountable: not in the catalog: user:default\/nobody$/,
    ],
    [
      'a component as Responsible',
      people.owner,
      { responsible: [ref] },
      'InputError',
      /^responsible: 'component:default\/payments-api' must be a user or a group$/,
    ],
    // The REST API's request validation refuses this one before the records
    // service (the schema's entity-ref pattern); the action's reason is the
    // service's.
    [
      'no Accountable',
      people.owner,
      { accountable: ' ' },
      'InputError',
      /accountable/,
    ],
  ])(
    "refuse a RASI assignment by %s with the REST API's reason, and write nothing",
    async (_, who, change, name, message) => {
      const { invoke, as, knex } = await setup(databaseId);
      const input = {
        entityRef: ref,
        activityId: 'release-sign-off',
        accountable: people.owner,
        responsible: [],
        supportive: [],
        informed: [],
        version: 0,
        ...change,
      };
      const { entityRef, activityId, ...body } = input;
      const rest = await as(who).put(`/rasi/${activityId}`, body);
      expect(rest.body.error).toMatchObject({ name, message });
      // Where the REST schema refused first, the action gives the service's reason.
      const expected = rest.body.error.message.startsWith('request/body')
        ? "accountable: ' ' is not an entity ref"
        : rest.body.error.message;
      await expect(
        invoke(who, 'set-rasi-assignment', input),
      ).rejects.toMatchObject({ name, message: expected });
      expect(await knex('rasi_assignments')).toHaveLength(0);
      expect(await knex('history')).toHaveLength(0);
    },
  );

  it("list the exceptions of the caller's own components that expire soon", async () => {
    const { invoke, as } = await setup(databaseId);
    const requested = await as(people.owner).post('/exceptions', {
      controlId: 'run-as-non-root',
      justification: 'Legacy agent',
      compensatingControls: 'Isolated node pool',
      riskRating: 'high',
      expiresAt: inDays(20),
    });
    await as(people.lead).post(`/exceptions/${requested.body.id}/transitions`, {
      version: 1,
      action: 'approve',
    });
    const mine = async (who: string, withinDays: number) =>
      (
        (await invoke(who, 'list-my-expiring-exceptions', { withinDays }))
          .output as any
      ).exceptions;
    expect(await mine(people.owner, 30)).toEqual([
      expect.objectContaining({
        entityRef: ref,
        id: requested.body.id,
        status: 'approved',
        riskRating: 'high',
      }),
    ]);
    expect(await mine(people.owner, 10)).toEqual([]);
    // Another team owns nothing of payments-api.
    expect(await mine(people.otherTeam, 30)).toEqual([]);
  });

  it("list the caller's security tasks as the tasks page does, a list at a time when asked", async () => {
    const { invoke, as, registry } = await setup(databaseId);
    const requested = await as(people.owner).post('/exceptions', {
      controlId: 'run-as-non-root',
      justification: 'Legacy agent',
      compensatingControls: 'Isolated node pool',
      riskRating: 'high',
      expiresAt: inDays(20),
    });
    const tasks = async (who: string, input: object = {}) =>
      (await invoke(who, 'get-my-security-tasks', input)).output as any;

    // The lead: the owner's request waits for them.
    const lead = await tasks(people.lead);
    const rest = (await as(people.lead).plugin('/tasks')).body;
    expect(lead.isSecurityLead).toBe(true);
    for (const list of Object.keys(rest.lists)) {
      expect(lead.lists[list].totalCount).toBe(rest.lists[list].totalCount);
    }
    expect(lead.lists.approvals.items).toEqual([
      {
        entityRef: ref,
        title: 'Exception to Containers run as non-root',
        detail: expect.stringMatching(
          /^high risk, requested by user:default\/olivia on \d{4}-\d{2}-\d{2}/,
        ),
        recordId: requested.body.id,
      },
    ]);

    // The owner: nothing to approve, their unclassified component to classify.
    const owner = await tasks(people.owner, { list: 'components', limit: 1 });
    expect(owner.lists).toEqual({
      components: {
        totalCount: 1,
        items: [
          {
            entityRef: ref,
            title: ref,
            detail: 'not classified at intake, so it has no tier and no target',
          },
        ],
      },
    });
    expect((await tasks(people.owner)).lists.approvals.totalCount).toBe(0);

    // A service owes nothing and is told so.
    await expect(
      registry.invoke({
        id: 'test:get-my-security-tasks',
        input: {},
        credentials: mockCredentials.service('external:mcp-client'),
      }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: "This operation does not allow 'service' credentials",
    });
  });

  it('refuse what the REST API refuses, with the same reason, and write nothing', async () => {
    const { invoke, as, knex } = await setup(databaseId);
    const rest = await as(people.otherTeam).put('/intake', {
      ...intake,
      entityRef: undefined,
    });
    expect(rest.status).toBe(403);
    await expect(
      invoke(people.otherTeam, 'set-intake', intake),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: rest.body.error.message,
    });
    // Lead-only: the org rollup.
    await expect(
      invoke(people.owner, 'get-org-rollup', {}),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(/for security leads/),
    });
    const { output: rollup } = await invoke(people.lead, 'get-org-rollup', {});
    expect(rollup).toMatchObject({ components: expect.any(Number) });
    await expect(
      invoke(people.owner, 'get-metrics-pack-summary', { quarter: '2026-Q4' }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    const { output: pack } = await invoke(
      people.lead,
      'get-metrics-pack-summary',
      {
        quarter: '2026-Q4',
      },
    );
    expect((pack as any).summary).toEqual(
      expect.arrayContaining([
        { metric: 'Quarter', value: '2026-Q4' },
        { metric: 'Org unit', value: 'Whole organisation' },
      ]),
    );
    await expect(
      invoke(people.lead, 'get-metrics-pack-summary', { quarter: '2026-Q5' }),
    ).rejects.toThrow(/quarter/);
    expect(await knex('history')).toHaveLength(0);
  });

  it.each([
    [
      'a wrong type',
      { ...intake, internetExposure: 'yes' },
      /internetExposure|boolean|Invalid/i,
    ],
    [
      'an unknown entity',
      { ...intake, entityRef: 'component:default/nope' },
      /was not found/,
    ],
    [
      'a stale version',
      { ...intake, version: 3 },
      /does not exist any more|reload/,
    ],
    [
      'a bad entity ref',
      { ...intake, entityRef: 'component:' },
      /not an entity ref/,
    ],
  ])(
    'answer %s with a clear error and write nothing',
    async (_, input, message) => {
      const { invoke, knex } = await setup(databaseId);
      await expect(invoke(people.owner, 'set-intake', input)).rejects.toThrow(
        message,
      );
      expect(await knex('intakes')).toHaveLength(0);
    },
  );
  // One valid input per action; each bad-input case below changes one thing.
  const valid: Record<string, object> = {
    'get-security-summary': { entityRef: ref },
    'get-next-steps': { entityRef: ref },
    'explain-samm-activity': { entityRef: ref, activityId: 'D-TA-1-A' },
    'list-my-expiring-exceptions': { withinDays: 30 },
    'get-my-security-tasks': {},
    'get-org-rollup': {},
    'get-metrics-pack-summary': { quarter: '2026-Q4' },
    'set-intake': intake,
    'set-exit-criterion': {
      entityRef: ref,
      stageId: 'threat-modeling',
      criterionId: 'risks-documented',
      done: true,
      version: 0,
    },
    'set-rasi-assignment': {
      entityRef: ref,
      activityId: 'design-review',
      accountable: people.lead,
      version: 0,
    },
    'attest-samm-answer': {
      entityRef: ref,
      activityId: 'G-EG-1-A',
      value: 0.5,
      version: 0,
    },
    'request-exception': {
      entityRef: ref,
      controlId: 'run-as-non-root',
      justification: 'Legacy agent',
      compensatingControls: 'Isolated node pool',
      riskRating: 'medium',
      expiresAt: inDays(20),
    },
    'record-material-change': {
      entityRef: ref,
      kind: 'new-integration',
      description: 'Card network webhook',
    },
  };
  const wrongType: Record<string, object> = {
    'list-my-expiring-exceptions': { withinDays: 'soon' },
    'get-my-security-tasks': { list: 42 },
    'get-org-rollup': { group: 42 },
    'get-metrics-pack-summary': { quarter: 2026 },
  };
  const cases = Object.keys(valid).flatMap(name => {
    const input = valid[name] as Record<string, unknown>;
    const list: Array<[string, string, object, string]> = [
      [
        name,
        'a wrong type',
        wrongType[name] ?? { ...input, entityRef: 42 },
        'InputError',
      ],
    ];
    if ('entityRef' in input) {
      list.push([
        name,
        'an unknown entity',
        { ...input, entityRef: 'component:default/nope' },
        'NotFoundError',
      ]);
    }
    if ('version' in input) {
      list.push([
        name,
        'a stale version',
        { ...input, version: 7 },
        'ConflictError',
      ]);
    }
    return list;
  });

  it.each(cases)(
    '%s: answer %s with a clear error, never a server error, and write nothing',
    async (name, _, input, errorName) => {
      const { invoke, knex } = await setup(databaseId);
      // The lead may call every action, so only the input decides the answer.
      const refused = await invoke(people.lead, name, input).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(refused).toMatchObject({
        name: errorName,
        message: expect.stringMatching(/\w/),
      });
      expect(refused!.message).not.toMatch(/select|insert|update .* set/i);
      expect(await knex('history')).toHaveLength(0);
    },
  );
});
