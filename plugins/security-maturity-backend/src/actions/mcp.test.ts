import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import mcpPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { inDays, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ref = 'component:default/payments-api';

/**
 * The plugin served over MCP as the demo portal serves it: Backstage's MCP
 * actions plugin with this plugin as its action source, reached with the
 * official TypeScript MCP client over Streamable HTTP.
 */
async function setup(databaseId: Parameters<typeof startBackend>[1]) {
  const backend = await startBackend(databases, databaseId, [
    mcpPlugin,
    mockServices.rootConfig.factory({
      data: { backend: { actions: { pluginSources: ['security-maturity'] } } },
    }),
  ]);
  const clients: Client[] = [];
  const connect = async (who: string) => {
    const client = new Client({
      name: 'security-maturity-test',
      version: '1.0.0',
    });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://localhost:${backend.server.port()}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header(who) },
          },
        },
      ),
    );
    clients.push(client);
    return client;
  };
  const close = () => Promise.all(clients.map(c => c.close()));
  return { ...backend, connect, close };
}

const text = (result: any) => result.content[0].text as string;

describe.each(databases.eachSupportedId())('over MCP on %s', databaseId => {
  it('lists the tools and answers as the REST API does, writes included', async () => {
    const { connect, close, as, audits } = await setup(databaseId);
    try {
      const owner = await connect(people.owner);
      const { tools } = await owner.listTools();
      expect(tools.map(t => t.name)).toEqual(
        expect.arrayContaining([
          'security-maturity.get-security-summary',
          'security-maturity.set-intake',
          'security-maturity.get-org-rollup',
          'security-maturity.get-my-security-tasks',
        ]),
      );
      const tasks = await owner.callTool({
        name: 'security-maturity.get-my-security-tasks',
        arguments: { list: 'components' },
      });
      expect(tasks.isError).toBeFalsy();
      const restTasks = (await as(people.owner).plugin('/tasks/components'))
        .body;
      expect(tasks.structuredContent).toMatchObject({
        lists: {
          components: {
            totalCount: restTasks.totalCount,
            items: [{ entityRef: restTasks.items[0].entityRef }],
          },
        },
      });
      const summary = await owner.callTool({
        name: 'security-maturity.get-security-summary',
        arguments: { entityRef: ref },
      });
      const rest = (await as(people.owner).get('')).body;
      expect(summary.isError).toBeFalsy();
      expect(summary.structuredContent).toMatchObject({
        entityRef: rest.entityRef,
        version: rest.version,
      });

      const classified = await owner.callTool({
        name: 'security-maturity.set-intake',
        arguments: {
          entityRef: ref,
          version: 0,
          dataClassification: 'internal',
          newIntegrations: false,
          authFlowChanges: false,
          internetExposure: false,
          regulatoryObligations: [],
        },
      });
      expect(classified.isError).toBeFalsy();
      const history = (await as(people.owner).get('/history')).body.items;
      expect(history[0]).toMatchObject({
        recordType: 'intake',
        action: 'create',
        actor: people.owner,
      });
      expect(
        audits.find(
          a => a.actionType === 'intake-update' && a.status === 'success',
        ),
      ).toMatchObject({ meta: { onBehalfOf: people.owner } });
    } finally {
      await close();
    }
  });

  it('serves every action as a tool: each read answers, each write lands in the history with its audit event', async () => {
    const { connect, close, as, audits } = await setup(databaseId);
    try {
      const owner = await connect(people.owner);
      const lead = await connect(people.lead);
      const { tools } = await owner.listTools();
      expect(
        tools.map(t => t.name.replace('security-maturity.', '')).sort(),
      ).toEqual([
        'attest-samm-answer',
        'explain-samm-activity',
        'get-metrics-pack-summary',
        'get-my-security-tasks',
        'get-next-steps',
        'get-org-rollup',
        'get-roadmap',
        'get-security-summary',
        'list-my-expiring-exceptions',
        'record-material-change',
        'request-exception',
        'set-exit-criterion',
        'set-intake',
        'set-rasi-assignment',
        'set-roadmap-phase',
      ]);
      const call = async (client: Client, name: string, args: object) => {
        const result = await client.callTool({
          name: `security-maturity.${name}`,
          arguments: args as Record<string, unknown>,
        });
        expect({
          name,
          error: result.isError ? text(result) : undefined,
        }).toEqual({ name, error: undefined });
        return result.structuredContent as any;
      };

      // Writes, each as the owner would make them in the tab.
      const writes: Array<[string, object, string, string]> = [
        [
          'set-intake',
          {
            version: 0,
            dataClassification: 'confidential',
            newIntegrations: false,
            authFlowChanges: false,
            internetExposure: true,
            regulatoryObligations: [],
          },
          'intake-update',
          'intake',
        ],
        [
          'set-exit-criterion',
          {
            stageId: 'threat-modeling',
            criterionId: 'risks-documented',
            done: true,
            version: 0,
          },
          'stage-update',
          'stage',
        ],
        [
          'set-rasi-assignment',
          {
            activityId: 'threat-modeling',
            accountable: people.manager,
            version: 0,
          },
          'rasi-update',
          'rasi',
        ],
        [
          'attest-samm-answer',
          { activityId: 'G-EG-1-A', value: 0.5, version: 0 },
          'assessment-answer',
          'assessment',
        ],
        [
          'request-exception',
          {
            controlId: 'run-as-non-root',
            justification: 'Legacy agent',
            compensatingControls: 'Isolated node pool',
            riskRating: 'high',
            expiresAt: inDays(20),
          },
          'exception-request',
          'exception',
        ],
        [
          'record-material-change',
          { kind: 'new-integration', description: 'Card network webhook' },
          'material-change',
          'material-change',
        ],
        [
          'set-roadmap-phase',
          {
            phase: 1,
            version: 0,
            name: 'Threat model every change',
            items: [
              { activityId: 'D-TA-2-A', plannedAnswer: 1, dueOn: '2027-03-31' },
            ],
          },
          'roadmap-update',
          'roadmap',
        ],
      ];
      for (const [name, args, actionType, recordType] of writes) {
        const before = (await as(people.owner).get('/history?limit=100')).body
          .items.length;
        await call(owner, name, { entityRef: ref, ...args });
        const history = (await as(people.owner).get('/history?limit=100')).body
          .items;
        expect(history.length).toBeGreaterThan(before);
        expect(history).toContainEqual(
          expect.objectContaining({ recordType, actor: people.owner }),
        );
        expect(audits).toContainEqual(
          expect.objectContaining({
            actionType,
            status: 'success',
            meta: expect.objectContaining({ onBehalfOf: people.owner }),
          }),
        );
      }

      // Reads, each checked against what the REST API serves the same person.
      const record = (await as(people.owner).get('')).body;
      const score = (await as(people.owner).get('/score')).body;
      expect(
        await call(owner, 'get-security-summary', { entityRef: ref }),
      ).toMatchObject({
        version: record.version,
        tier: '1',
        overall: score.overall,
      });
      const activity = score.activities.find((a: any) => a.id === 'G-EG-1-A');
      expect(
        await call(owner, 'explain-samm-activity', {
          entityRef: ref,
          activityId: 'G-EG-1-A',
        }),
      ).toMatchObject({ value: activity.value, source: activity.source });
      expect(
        (await call(owner, 'get-next-steps', { entityRef: ref })).steps.length,
      ).toBeGreaterThan(0);
      const roadmap = (await as(people.owner).get('/roadmap')).body;
      expect(
        await call(owner, 'get-roadmap', { entityRef: ref }),
      ).toMatchObject({
        currentOverall: roadmap.current.overall,
        phases: [
          { phase: 1, projectedOverall: roadmap.phases[0].projected.overall },
        ],
      });
      const restTasks = (await as(people.lead).plugin('/tasks')).body;
      expect(
        (await call(lead, 'get-my-security-tasks', {})).lists.approvals
          .totalCount,
      ).toBe(restTasks.lists.approvals.totalCount);
      expect(
        (await call(owner, 'list-my-expiring-exceptions', { withinDays: 30 }))
          .exceptions,
      ).toEqual([]); // requested, not approved: nothing expires yet
      expect(await call(lead, 'get-org-rollup', {})).toMatchObject({
        components: expect.any(Number),
      });
      expect(
        (await call(lead, 'get-metrics-pack-summary', { quarter: '2026-Q4' }))
          .summary,
      ).toContainEqual({ metric: 'Quarter', value: '2026-Q4' });
    } finally {
      await close();
    }
  });

  it("refuses a non-owner's write and a non-lead's org rollup with the REST API's reasons", async () => {
    const { connect, close, as, knex } = await setup(databaseId);
    try {
      const other = await connect(people.otherTeam);
      const refused = await other.callTool({
        name: 'security-maturity.record-material-change',
        arguments: { entityRef: ref, kind: 'other', description: 'x' },
      });
      const rest = await as(people.otherTeam).post('/material-changes', {
        kind: 'other',
        description: 'x',
      });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toBe(`NotAllowedError: ${rest.body.error.message}`);

      const rollup = await other.callTool({
        name: 'security-maturity.get-org-rollup',
        arguments: {},
      });
      expect(rollup.isError).toBe(true);
      expect(text(rollup)).toMatch(/^NotAllowedError: .*for security leads/);

      const bad = await other.callTool({
        name: 'security-maturity.set-intake',
        arguments: { entityRef: ref, version: 'one' },
      });
      expect(bad.isError).toBe(true);
      expect(text(bad)).toMatch(/^InputError: /);
      expect(await knex('history')).toHaveLength(0);
    } finally {
      await close();
    }
  });
});
