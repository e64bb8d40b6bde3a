// The example template examples/templates/secure-service, run by the real
// scaffolder backend in a test portal: the real catalog (with the scaffolder's
// entity model, reading the demo organisation and the template from files),
// the real security-maturity plugin, and Backstage's actions service, which
// serves the plugin's actions to the scaffolder as `security-maturity:<name>`
// because backend.actions.pluginSources lists the plugin. Every plugin has
// its own TestDatabases database, on SQLite and on PostgreSQL.
//
// The one stand-in is the git host: `publish:github` is replaced by an action
// that keeps the published files in memory, and the URL reader serves them
// from there, so `catalog:register` and the catalog's own processing read the
// component's catalog-info.yaml exactly as they would read it from GitHub.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import securityMaturityPlugin from '@secmat/backstage-plugin-security-maturity-backend';
import { parse as parseYaml } from 'yaml';

jest.setTimeout(300_000);

// Under Jest the test runs in a realm of its own, while Node's fetch parses
// JSON bodies in the host realm, and the scaffolder's template engine refuses
// arrays from another realm (the RASI steps' outputs hold arrays). A backend
// process has one realm; here, bodies are parsed again in the test's.
const hostFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await hostFetch(...args);
    const text = response.text.bind(response);
    Object.defineProperty(response, 'json', {
      value: async () => JSON.parse(await text()),
    });
    return response;
  };
});
afterAll(() => {
  globalThis.fetch = hostFetch;
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const examples = resolve(__dirname, '../../../examples');
const templateDir = join(examples, 'templates/secure-service');

const SAM = 'user:default/sam.okafor'; // Payments
const MEI = 'user:default/mei.chen'; // Identity
const ALEX = 'user:default/alex.rivera'; // Payments and Security Leads
const PAYMENTS = 'group:default/payments-team';
const LEADS = 'group:default/security-leads';

// The ownership refs the sign-in resolver puts into each user's token: the
// user and their groups in examples/org.yaml.
const memberOf: Record<string, string[]> = {
  [SAM]: [PAYMENTS],
  [MEI]: ['group:default/identity-team'],
  [ALEX]: [PAYMENTS, LEADS],
};
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef as string;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(memberOf[ref] ?? [])],
      };
    },
  }),
});

/** What someone fills in on the template's form. */
const values = (name: string) => ({
  name,
  description: 'Double-entry ledger for settled payments',
  owner: PAYMENTS,
  dataClassification: 'confidential',
  internetExposure: true,
  newIntegrations: false,
  authFlowChanges: false,
  regulatoryObligations: ['PCI DSS'],
  // Not the runner nor their team: an owner may not appoint themself
  // Accountable for an activity that signs off a stage (sign-off separation).
  threatModelingAccountable: ALEX,
  releaseSignOffAccountable: LEADS,
  securityChampion: ALEX,
  repoUrl: `github.com?owner=northwind&repo=${name}`,
});

/**
 * A stand-in for GitHub: `publish:github` keeps the workspace's files under
 * the repository's URL, and the URL reader (the catalog's and the
 * scaffolder's) reads them from there.
 */
function fakeGitHost() {
  const files = new Map<string, Buffer>();
  const publish = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'fake-github',
    register(env) {
      env.registerInit({
        deps: { scaffolder: scaffolderActionsExtensionPoint },
        async init({ scaffolder }) {
          scaffolder.addActions(
            createTemplateAction({
              id: 'publish:github',
              description: 'Test stand-in: publishes to an in-memory host',
              schema: {
                input: {
                  repoUrl: z => z.string(),
                  description: z => z.string().optional(),
                  defaultBranch: z => z.string().optional(),
                  repoVisibility: z => z.string().optional(),
                },
                output: {
                  remoteUrl: z => z.string(),
                  repoContentsUrl: z => z.string(),
                },
              },
              async handler(ctx) {
                const query = new URL(`https://${ctx.input.repoUrl}`)
                  .searchParams;
                const remoteUrl = `https://github.com/${query.get(
                  'owner',
                )}/${query.get('repo')}`;
                const branch = ctx.input.defaultBranch ?? 'main';
                const contents = `${remoteUrl}/blob/${branch}`;
                const entries = await readdir(ctx.workspacePath, {
                  recursive: true,
                  withFileTypes: true,
                });
                for (const entry of entries.filter(e => e.isFile())) {
                  const path = join(entry.parentPath, entry.name);
                  files.set(
                    `${contents}/${relative(ctx.workspacePath, path)}`,
                    await readFile(path),
                  );
                }
                ctx.output('remoteUrl', remoteUrl);
                ctx.output('repoContentsUrl', contents);
              },
            }),
          );
        },
      });
    },
  });
  // GitHub serves a file under /blob/ and /tree/ alike; the catalog's dry
  // run of a location asks for /tree/.
  const read = (url: string) => {
    const content = files.get(
      url.replace(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\/tree\//, '$1/blob/'),
    );
    if (!content) throw new NotFoundError(`${url} is not published`);
    return content;
  };
  const reader: UrlReaderService = {
    async readUrl(url) {
      const content = read(url);
      return { buffer: async () => content, etag: String(content.length) };
    },
    async readTree(url) {
      throw new Error(`The fake git host reads no trees (${url})`);
    },
    async search(url) {
      const content = read(url);
      return {
        files: [{ url, content: async () => content }],
        etag: String(content.length),
      };
    },
  };
  const urlReader = createServiceFactory({
    service: coreServices.urlReader,
    deps: {},
    factory: () => reader,
  });
  return { files, features: [publish, urlReader] };
}

/** Each plugin's own database, as a portal has them. */
function pluginDatabases(databaseId: TestDatabaseId) {
  const clients = new Map<string, ReturnType<TestDatabases['init']>>();
  const knexOf = (pluginId: string) => {
    if (!clients.has(pluginId)) {
      clients.set(pluginId, databases.init(databaseId));
    }
    return clients.get(pluginId)!;
  };
  const factory = createServiceFactory({
    service: coreServices.database,
    deps: { metadata: coreServices.pluginMetadata },
    factory: ({ metadata }) => ({ getClient: () => knexOf(metadata.getId()) }),
  });
  return { knexOf, factory };
}

async function startPortal(databaseId: TestDatabaseId) {
  const git = fakeGitHost();
  const db = pluginDatabases(databaseId);
  const scheduled: Array<Parameters<SchedulerService['scheduleTask']>[0]> = [];
  const workingDirectory = await mkdtemp(join(tmpdir(), 'secure-service-'));
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      scaffolderPlugin,
      securityMaturityPlugin,
      ...git.features,
      db.factory,
      userInfo,
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          scheduled.push(task);
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            workingDirectory,
            actions: { pluginSources: ['security-maturity'] },
          },
          catalog: {
            rules: [{ allow: ['Component', 'System', 'Domain', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: join(examples, 'org.yaml'),
                rules: [{ allow: ['User', 'Group'] }],
              },
              {
                type: 'file',
                target: join(templateDir, 'template.yaml'),
                rules: [{ allow: ['Template'] }],
              },
            ],
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${
    (backend.server.address() as AddressInfo).port
  }`;
  const call = async (
    who: string,
    path: string,
    body?: object,
    method = body ? 'POST' : 'GET',
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(who),
        ...(body && { 'Content-Type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : text };
  };
  const eventually = async <T>(what: string, probe: () => Promise<T>) => {
    for (let i = 0; i < 400; i++) {
      const result = await probe();
      if (result) return result;
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`Gave up waiting for ${what}`);
  };

  // The catalog reads the organisation and the template from their files.
  await eventually(
    'the organisation and the template in the catalog',
    async () =>
      (
        await call(SAM, '/api/catalog/entities/by-name/user/default/sam.okafor')
      ).status === 200 &&
      (
        await call(
          SAM,
          '/api/catalog/entities/by-name/template/default/secure-service',
        )
      ).status === 200
        ? true
        : undefined,
  );

  /** Runs the template as someone, for real, until the task ends. */
  const runTemplate = async (who: string, name: string) => {
    const created = await call(who, '/api/scaffolder/v2/tasks', {
      templateRef: 'template:default/secure-service',
      values: values(name),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const task = await eventually('the task to end', async () => {
      const { body } = await call(who, `/api/scaffolder/v2/tasks/${id}`);
      return ['completed', 'failed', 'cancelled'].includes(body.status)
        ? body
        : undefined;
    });
    const events = (await call(who, `/api/scaffolder/v2/tasks/${id}/events`))
      .body as Array<{
      type: string;
      body: { message: string; stepId?: string; status?: string; output?: any };
    }>;
    return { task, events };
  };

  const securityRecord = async (who: string, name: string) =>
    call(who, `/api/security-maturity/entities/component/default/${name}`);
  const securityHistory = async (who: string, name: string) =>
    call(
      who,
      `/api/security-maturity/entities/component/default/${name}/history?limit=50`,
    );
  const stop = async () => {
    await backend.stop();
    await new Promise(r => setTimeout(r, 3000)); // EXPERIMENT
    await rm(workingDirectory, { recursive: true, force: true });
  };
  return {
    call,
    eventually,
    runTemplate,
    securityRecord,
    securityHistory,
    git,
    knexOf: db.knexOf,
    stop,
  };
}

/** The template and its skeleton as the template editor sends them. */
async function templateFiles() {
  const template = parseYaml(
    await readFile(join(templateDir, 'template.yaml'), 'utf8'),
  );
  const entries = await readdir(templateDir, {
    recursive: true,
    withFileTypes: true,
  });
  const directoryContents = await Promise.all(
    entries
      .filter(e => e.isFile())
      .map(async e => {
        const path = join(e.parentPath, e.name);
        return {
          path: relative(templateDir, path),
          base64Content: (await readFile(path)).toString('base64'),
        };
      }),
  );
  return { template, directoryContents };
}

const decode = (file: { base64Content: string }) =>
  Buffer.from(file.base64Content, 'base64').toString('utf8');

describe.each(databases.eachSupportedId())(
  'the secure-service template on %s',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startPortal>>;
    beforeAll(async () => {
      portal = await startPortal(databaseId);
    });
    afterAll(async () => {
      await portal?.stop();
    });

    it('dry-runs: renders the skeleton and the security steps, skips every step that changes something, writes nothing', async () => {
      const { template, directoryContents } = await templateFiles();
      const dryRun = await portal.call(SAM, '/api/scaffolder/v2/dry-run', {
        template,
        values: values('ledger-draft'),
        directoryContents,
      });
      expect(dryRun.status).toBe(200);

      // The skeleton, rendered with the form's values.
      const files = Object.fromEntries(
        dryRun.body.directoryContents.map((f: any) => [f.path, decode(f)]),
      );
      expect(parseYaml(files['catalog-info.yaml'])).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'ledger-draft',
          description: 'Double-entry ledger for settled payments',
          annotations: { 'github.com/project-slug': 'northwind/ledger-draft' },
        },
        spec: { type: 'service', lifecycle: 'experimental', owner: PAYMENTS },
      });
      expect(files['README.md']).toMatch(/^# ledger-draft\n/);

      // Each security step is rendered with typed inputs, then skipped: the
      // scaffolder runs only read-only, non-destructive registry actions in a
      // dry run, and these change records.
      const messages: string[] = dryRun.body.log.map(
        (l: any) => l.body.message,
      );
      const inputsOf = (action: string) =>
        messages
          .filter(m =>
            m.includes(`Running ${action} in dry-run mode with inputs`),
          )
          .map(m => JSON.parse(m.slice(m.indexOf('{'))));
      expect(inputsOf('security-maturity:set-intake')).toEqual([
        {
          entityRef: 'component:default/ledger-draft',
          version: 0,
          dataClassification: 'confidential',
          internetExposure: true,
          newIntegrations: false,
          authFlowChanges: false,
          regulatoryObligations: ['PCI DSS'],
        },
      ]);
      expect(inputsOf('security-maturity:set-rasi-assignment')).toEqual([
        {
          entityRef: 'component:default/ledger-draft',
          activityId: 'threat-modeling',
          version: 0,
          accountable: ALEX,
          responsible: [PAYMENTS],
          supportive: [ALEX],
        },
        {
          entityRef: 'component:default/ledger-draft',
          activityId: 'release-sign-off',
          version: 0,
          accountable: LEADS,
          responsible: [PAYMENTS],
          supportive: [ALEX],
        },
      ]);
      for (const action of [
        'publish:github',
        'catalog:register',
        'debug:wait',
        'security-maturity:set-intake',
        'security-maturity:set-rasi-assignment',
      ]) {
        expect(messages).toContain(
          `Skipping because ${action} does not support dry-run`,
        );
      }
      expect(portal.git.files.size).toBe(0);
      expect(
        (
          await portal.call(
            SAM,
            '/api/catalog/entities/by-name/component/default/ledger-draft',
          )
        ).status,
      ).toBe(404);
      const plugin = await portal.knexOf('security-maturity');
      expect(await plugin('intakes')).toHaveLength(0);
      expect(await plugin('rasi_assignments')).toHaveLength(0);
      expect(await plugin('history')).toHaveLength(0);
    });

    it("runs for real: the component is published, registered and read by the catalog, and starts with its intake and RASI set, as its owner's changes", async () => {
      const { task, events } = await portal.runTemplate(SAM, 'ledger-api');
      const logs = events.filter(e => e.type === 'log');
      expect({
        status: task.status,
        errors: logs
          .filter(e => e.body.status === 'failed')
          .map(e => e.body.message),
      }).toEqual({ status: 'completed', errors: [] });
      // Every step ran, in order.
      const completedSteps = logs
        .filter(e => e.body.status === 'completed')
        .map(e => e.body.stepId);
      expect(completedSteps).toEqual([
        'fetch',
        'publish',
        'register',
        'wait-for-catalog',
        'classify',
        'rasi-threat-modeling',
        'rasi-release-sign-off',
      ]);

      // Published, and read by the catalog from the published file.
      const published = portal.git.files.get(
        'https://github.com/northwind/ledger-api/blob/main/catalog-info.yaml',
      );
      expect(parseYaml(String(published))).toMatchObject({
        metadata: { name: 'ledger-api' },
        spec: { owner: PAYMENTS },
      });
      const entity = await portal.call(
        SAM,
        '/api/catalog/entities/by-name/component/default/ledger-api',
      );
      expect(entity.status).toBe(200);
      expect(entity.body.relations).toContainEqual(
        expect.objectContaining({ type: 'ownedBy', targetRef: PAYMENTS }),
      );

      // The Security tab's record: classified, tier 1, and who is Accountable.
      const record = await portal.securityRecord(SAM, 'ledger-api');
      expect(record.status).toBe(200);
      expect(record.body.intake).toMatchObject({
        dataClassification: 'confidential',
        internetExposure: true,
        newIntegrations: false,
        authFlowChanges: false,
        regulatoryObligations: ['PCI DSS'],
        tier: '1',
        tierReason: 'Under regulatory obligations',
        version: 1,
        updatedBy: SAM,
      });
      const rasi = Object.fromEntries(
        record.body.rasi.map((r: any) => [r.activityId, r]),
      );
      expect(rasi).toEqual({
        'threat-modeling': expect.objectContaining({
          accountable: ALEX,
          responsible: [PAYMENTS],
          supportive: [ALEX],
          informed: [],
          version: 1,
          updatedBy: SAM,
        }),
        'release-sign-off': expect.objectContaining({
          accountable: LEADS,
          responsible: [PAYMENTS],
          supportive: [ALEX],
          informed: [],
          version: 1,
          updatedBy: SAM,
        }),
      });
      // Through the records service: history rows in the template runner's name.
      const history = (await portal.securityHistory(SAM, 'ledger-api')).body
        .items;
      expect(
        history.map((h: any) => [h.recordType, h.recordId, h.actor]).sort(),
      ).toEqual([
        ['intake', expect.anything(), SAM],
        ['rasi', 'release-sign-off', SAM],
        ['rasi', 'threat-modeling', SAM],
      ]);

      // The task's output tells the person what they got.
      const completion = events.find(e => e.type === 'completion')!;
      expect(completion.body.output.text[0].content).toMatch(
        /^\*\*Tier 1\*\*: Under regulatory obligations\.\n\nAccountable for threat modeling: user:default\/alex\.rivera;\nfor release sign-off: group:default\/security-leads\./,
      );
    });

    it("classifies nothing for someone outside the owning team: the action refuses with the REST API's reason", async () => {
      const { task, events } = await portal.runTemplate(MEI, 'ledger-worker');
      expect(task.status).toBe('failed');
      const failed = events.filter(
        e => e.type === 'log' && e.body.status === 'failed',
      );
      expect(failed.map(e => e.body.stepId)).toEqual(['classify']);
      // The component exists (published and registered before the refusal)…
      expect(
        (
          await portal.call(
            MEI,
            '/api/catalog/entities/by-name/component/default/ledger-worker',
          )
        ).status,
      ).toBe(200);
      // …but Mei may not change its records: the action refused her as the
      // REST API does. The scaffolder's log shows the status only (Backstage's
      // actions service keeps the plugin's reason as the error's cause, which
      // the task log does not print).
      const rest = await portal.call(
        MEI,
        '/api/security-maturity/entities/component/default/ledger-worker/intake',
        {
          version: 0,
          dataClassification: 'confidential',
          internetExposure: true,
          newIntegrations: false,
          authFlowChanges: false,
          regulatoryObligations: ['PCI DSS'],
        },
        'PUT',
      );
      expect(rest.body.error).toEqual({
        name: 'NotAllowedError',
        message:
          'Only the owners of component:default/ledger-worker and security leads may change its security records',
      });
      expect(failed[0].body.message).toMatch(
        /^ResponseError: Request failed with 403 Forbidden/,
      );
      const record = await portal.securityRecord(SAM, 'ledger-worker');
      expect(record.body).toMatchObject({ intake: null, rasi: [], version: 0 });
      expect(
        (await portal.securityHistory(SAM, 'ledger-worker')).body.items,
      ).toEqual([]);
    });
  },
);
