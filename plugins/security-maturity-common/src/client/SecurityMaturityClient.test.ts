import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  SECURITY_MATURITY_PLUGIN_ID,
  SecurityMaturityClient,
} from './SecurityMaturityClient';

const BASE = 'http://backend.test/api/security-maturity';

const entity: CompoundEntityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'payments-api',
};
const E = `${BASE}/entities/Component/default/payments-api`;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** A client over a fake fetch that answers `answer()` and records requests. */
function setup(answer: () => Response = () => json({ ok: true })) {
  const fetch = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    answer(),
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => BASE) };
  const client = new SecurityMaturityClient({
    discoveryApi,
    fetchApi: { fetch },
  });
  /** The one request the client sent. */
  const sent = () => {
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init = {}] = fetch.mock.calls[0];
    return {
      url: String(url),
      method: init.method,
      headers: init.headers as Record<string, string> | undefined,
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    };
  };
  return { client, fetch, discoveryApi, sent };
}

describe('SecurityMaturityClient', () => {
  describe('URLs', () => {
    it('asks discovery for the plugin base URL', async () => {
      const { client, discoveryApi, sent } = setup();
      await client.getWorkflowConfig();
      expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith(
        SECURITY_MATURITY_PLUGIN_ID,
      );
      expect(sent().url).toBe(`${BASE}/config`);
    });

    it('encodes kind, namespace and name, so no ref adds a path segment or a query', async () => {
      const { client, sent } = setup();
      await client.getEntityRecord({
        kind: 'Component',
        namespace: 'team a/b',
        name: 'svc?x=1#frag%',
      });
      expect(sent().url).toBe(
        `${BASE}/entities/Component/team%20a%2Fb/svc%3Fx%3D1%23frag%25`,
      );
    });

    it.each([
      [
        'stage IDs',
        (c: SecurityMaturityClient) =>
          c.signOffStage(entity, 'threat/modeling', { version: 1 }),
        `${E}/stages/threat%2Fmodeling/sign-off`,
      ],
      [
        'RASI activity IDs',
        (c: SecurityMaturityClient) =>
          c.putRasiAssignment(entity, 'incident response', {
            version: 0,
            responsible: [],
            accountable: 'group:default/payments-team',
            supportive: [],
            informed: [],
          }),
        `${E}/rasi/incident%20response`,
      ],
      [
        'SAMM activity IDs',
        (c: SecurityMaturityClient) =>
          c.putAssessmentAnswer(entity, 'D-TA-1-A', { version: 0, value: 1 }),
        `${E}/assessment/D-TA-1-A`,
      ],
      [
        'record IDs',
        (c: SecurityMaturityClient) =>
          c.transitionException(entity, '../releases?x', {
            version: 1,
            action: 'close',
          }),
        `${E}/exceptions/..%2Freleases%3Fx/transitions`,
      ],
      [
        'release IDs of the evidence route',
        (c: SecurityMaturityClient) =>
          c.pushReleaseEvidence(entity, 'a b', {
            kind: 'scan',
            title: 'SAST',
            url: 'https://ci.example.com/runs/1',
          }),
        `${E}/releases/a%20b/evidence`,
      ],
    ])('encodes %s', async (_what, call, url) => {
      const { client, sent } = setup();
      await call(client);
      expect(sent().url).toBe(url);
    });
  });

  describe('queries', () => {
    it('sends no query string when there is nothing to send', async () => {
      const { client, sent } = setup();
      await client.listHistory(entity);
      expect(sent().url).toBe(`${E}/history`);
    });

    it('omits undefined, null and empty values, keeps 0 and encodes the values', async () => {
      const { client, sent } = setup();
      await client.listOrgComponents({
        owner: 'group:default/payments team',
        system: undefined,
        domain: '',
        q: 'a&b=c',
        sort: 'percentToTarget',
        order: 'desc',
        limit: 25,
        offset: 0,
      });
      const url = new URL(sent().url);
      expect(url.origin + url.pathname).toBe(`${BASE}/org/components`);
      expect(url.search).toBe(
        '?owner=group%3Adefault%2Fpayments+team&q=a%26b%3Dc&sort=percentToTarget&order=desc&limit=25&offset=0',
      );
      expect(Object.fromEntries(url.searchParams)).toEqual({
        owner: 'group:default/payments team',
        q: 'a&b=c',
        sort: 'percentToTarget',
        order: 'desc',
        limit: '25',
        offset: '0',
      });
    });

    it.each([
      ['listExceptions', `${E}/exceptions?limit=10&offset=20`],
      ['listWorksheets', `${E}/worksheets?limit=10&offset=20`],
      ['listDecisions', `${E}/decisions?limit=10&offset=20`],
      ['listReleases', `${E}/releases?limit=10&offset=20`],
      ['listHistory', `${E}/history?limit=10&offset=20`],
    ] as const)('%s pages with limit and offset', async (method, url) => {
      const { client, sent } = setup(() => json({ items: [], totalCount: 0 }));
      await expect(
        client[method](entity, { limit: 10, offset: 20 }),
      ).resolves.toEqual({ items: [], totalCount: 0 });
      expect(sent()).toMatchObject({ method: 'GET', url, body: undefined });
    });

    it('reads my security tasks: every list at once, or one list a page at a time', async () => {
      const { client, sent, fetch } = setup();
      await client.getSecurityTasks({ limit: 3 });
      expect(sent()).toMatchObject({
        method: 'GET',
        url: `${BASE}/tasks?limit=3`,
        body: undefined,
      });
      fetch.mockClear();
      await client.listSecurityTasks('signoffs', { limit: 20, offset: 40 });
      expect(sent()).toMatchObject({
        method: 'GET',
        url: `${BASE}/tasks/signoffs?limit=20&offset=40`,
        body: undefined,
      });
      fetch.mockClear();
      await client.getSecurityTasks();
      expect(sent().url).toBe(`${BASE}/tasks`);
    });

    it('merges the org filter with the options', async () => {
      const { client, fetch, sent } = setup();
      await client.getOrgOverview({ tier: '1' }, { withinDays: 14 });
      expect(sent().url).toBe(`${BASE}/org/overview?tier=1&withinDays=14`);
      fetch.mockClear();
      await client.getOrgOverview({}, { since: '2026-07-01' });
      expect(sent().url).toBe(`${BASE}/org/overview?since=2026-07-01`);
    });

    it.each([
      [
        'getOrgTrend',
        (c: SecurityMaturityClient) => c.getOrgTrend({}, { days: 30 }),
        `${BASE}/org/trend?days=30`,
      ],
      [
        'getEntityScoreHistory',
        (c: SecurityMaturityClient) =>
          c.getEntityScoreHistory(entity, { days: 365 }),
        `${E}/score/history?days=365`,
      ],
      [
        'getEntityScoreHistory without days',
        (c: SecurityMaturityClient) => c.getEntityScoreHistory(entity),
        `${E}/score/history`,
      ],
    ])('%s', async (_what, call, url) => {
      const { client, sent } = setup();
      await call(client);
      expect(sent().url).toBe(url);
    });
  });

  describe('methods and bodies', () => {
    it.each([
      [
        'getEntityRecord',
        (c: SecurityMaturityClient) => c.getEntityRecord(entity),
        E,
      ],
      [
        'listScorers',
        (c: SecurityMaturityClient) => c.listScorers(),
        `${BASE}/scorers`,
      ],
      [
        'getWorkflowConfig',
        (c: SecurityMaturityClient) => c.getWorkflowConfig(),
        `${BASE}/config`,
      ],
      [
        'getEntityScore',
        (c: SecurityMaturityClient) => c.getEntityScore(entity),
        `${E}/score`,
      ],
      [
        'getSammModel',
        (c: SecurityMaturityClient) => c.getSammModel(),
        `${BASE}/samm/model`,
      ],
      [
        'getOrgFacets',
        (c: SecurityMaturityClient) => c.getOrgFacets(),
        `${BASE}/org/facets`,
      ],
    ])('%s is a GET without a body', async (_name, call, url) => {
      const { client, sent } = setup();
      await call(client);
      expect(sent()).toEqual({
        url,
        method: 'GET',
        headers: undefined,
        body: undefined,
      });
    });

    const intake = {
      version: 0,
      dataClassification: 'confidential',
      newIntegrations: true,
      authFlowChanges: false,
      internetExposure: true,
      regulatoryObligations: ['PCI DSS'],
    };
    const decision = {
      trigger: 'New card-vault integration',
      decision: 'Tokenise card numbers at the edge',
      rationale: 'Keeps PANs out of the service',
      ownerRef: 'group:default/payments-team',
      status: 'accepted' as const,
    };
    const worksheet = {
      version: 2,
      title: 'Token leak drill',
      status: 'open' as const,
      readiness: { baselineControlsPresent: true, runtimeVisibility: false },
      containmentOwners: {
        isolate: 'group:default/payments-team',
        revoke: null,
        freeze: null,
        recover: null,
      },
      timeline: [],
      actions: [],
      findings: [],
    };

    it.each([
      [
        'putIntake',
        (c: SecurityMaturityClient) => c.putIntake(entity, intake),
        'PUT',
        `${E}/intake`,
        intake,
      ],
      [
        'recordMaterialChange',
        (c: SecurityMaturityClient) =>
          c.recordMaterialChange(entity, {
            kind: 'auth-change',
            description: 'Moved to OIDC',
          }),
        'POST',
        `${E}/material-changes`,
        { kind: 'auth-change', description: 'Moved to OIDC' },
      ],
      [
        'putStage',
        (c: SecurityMaturityClient) =>
          c.putStage(entity, 'design', {
            version: 3,
            status: 'passed',
            checklist: [{ criterionId: 'c1', done: true, evidence: [] }],
          }),
        'PUT',
        `${E}/stages/design`,
        {
          version: 3,
          status: 'passed',
          checklist: [{ criterionId: 'c1', done: true, evidence: [] }],
        },
      ],
      [
        'requestException',
        (c: SecurityMaturityClient) =>
          c.requestException(entity, {
            controlId: 'run-as-non-root',
            justification: 'Binds port 443',
            compensatingControls: 'Dedicated node pool',
            riskRating: 'medium',
            expiresAt: '2027-01-15T00:00:00.000Z',
          }),
        'POST',
        `${E}/exceptions`,
        {
          controlId: 'run-as-non-root',
          justification: 'Binds port 443',
          compensatingControls: 'Dedicated node pool',
          riskRating: 'medium',
          expiresAt: '2027-01-15T00:00:00.000Z',
        },
      ],
      [
        'startWorksheet',
        (c: SecurityMaturityClient) =>
          c.startWorksheet(entity, {
            kind: 'drill',
            title: 'Token leak drill',
          }),
        'POST',
        `${E}/worksheets`,
        { kind: 'drill', title: 'Token leak drill' },
      ],
      [
        'updateWorksheet',
        (c: SecurityMaturityClient) =>
          c.updateWorksheet(entity, 'w1', worksheet),
        'PUT',
        `${E}/worksheets/w1`,
        worksheet,
      ],
      [
        'addLesson',
        (c: SecurityMaturityClient) =>
          c.addLesson(entity, 'w1', {
            version: 3,
            lesson: 'Rotate faster',
            reopensStageId: 'deploy',
          }),
        'POST',
        `${E}/worksheets/w1/lessons`,
        { version: 3, lesson: 'Rotate faster', reopensStageId: 'deploy' },
      ],
      [
        'createDecision',
        (c: SecurityMaturityClient) => c.createDecision(entity, decision),
        'POST',
        `${E}/decisions`,
        decision,
      ],
      [
        'updateDecision',
        (c: SecurityMaturityClient) =>
          c.updateDecision(entity, 'd1', { ...decision, version: 2 }),
        'PUT',
        `${E}/decisions/d1`,
        { ...decision, version: 2 },
      ],
      [
        'createRelease',
        (c: SecurityMaturityClient) =>
          c.createRelease(entity, { release: '2.4.0' }),
        'POST',
        `${E}/releases`,
        { release: '2.4.0' },
      ],
      [
        'pushReleaseEvidence',
        (c: SecurityMaturityClient) =>
          c.pushReleaseEvidence(entity, 'r1', {
            kind: 'provenance',
            title: 'SLSA provenance',
            url: 'https://ci.example.com/runs/981/provenance.json',
            result: 'pass',
            slsaBuildLevel: 3,
          }),
        'POST',
        `${E}/releases/r1/evidence`,
        {
          kind: 'provenance',
          title: 'SLSA provenance',
          url: 'https://ci.example.com/runs/981/provenance.json',
          result: 'pass',
          slsaBuildLevel: 3,
        },
      ],
      [
        'decideRelease',
        (c: SecurityMaturityClient) =>
          c.decideRelease(entity, 'r1', { version: 4, decision: 'no_go' }),
        'POST',
        `${E}/releases/r1/decision`,
        { version: 4, decision: 'no_go' },
      ],
    ])(
      '%s sends its method, URL and JSON body',
      async (_name, call, method, url, body) => {
        const { client, sent } = setup();
        await call(client);
        expect(sent()).toEqual({
          url,
          method,
          headers: { 'Content-Type': 'application/json' },
          body,
        });
      },
    );

    it('answers with the parsed JSON', async () => {
      const page = {
        items: [{ id: 'scorer', title: 'SAMM', description: 'Rules' }],
      };
      const { client } = setup(() => json(page));
      await expect(client.listScorers()).resolves.toEqual(page);
    });
  });

  describe('errors', () => {
    it('throws a ResponseError with the server message on a non-2xx answer', async () => {
      const { client } = setup(() =>
        json(
          {
            error: {
              name: 'ConflictError',
              message: 'The stage was changed by someone else; reload it',
            },
            request: { method: 'PUT', url: '/entities/…/stages/design' },
            response: { statusCode: 409 },
          },
          409,
        ),
      );
      const error = await client
        .putStage(entity, 'design', {
          version: 1,
          status: 'passed',
          checklist: [],
        })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
      expect(error.body.error).toEqual({
        name: 'ConflictError',
        message: 'The stage was changed by someone else; reload it',
      });
      expect(error.cause).toMatchObject({
        name: 'ConflictError',
        message: 'The stage was changed by someone else; reload it',
      });
    });

    it('throws a ResponseError for an answer that is not JSON, too', async () => {
      const { client } = setup(
        () => new Response('upstream timed out', { status: 502 }),
      );
      const error = await client.getEntityScore(entity).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(502);
      expect(error.cause.message).toMatch(/upstream timed out/);
    });

    it('throws before reading the metrics pack body', async () => {
      const { client } = setup(() =>
        json(
          {
            error: { name: 'NotAllowedError', message: 'Security leads only' },
            response: { statusCode: 403 },
          },
          403,
        ),
      );
      await expect(
        client.getMetricsPack({ quarter: '2026-Q4', format: 'csv' }),
      ).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 403,
        cause: { message: 'Security leads only' },
      });
    });
  });

  describe('metrics pack', () => {
    it('returns the file as a Blob, with the filter and quarter in the query', async () => {
      const csv = 'section,value\nheadline,1.5\n';
      const { client, sent } = setup(
        () =>
          new Response(csv, {
            status: 200,
            headers: { 'Content-Type': 'text/csv' },
          }),
      );
      const blob = await client.getMetricsPack({
        owner: 'group:default/payments-team',
        quarter: '2026-Q4',
        format: 'csv',
      });
      expect(blob).toBeInstanceOf(Blob);
      expect(blob.type).toBe('text/csv');
      expect(await blob.text()).toBe(csv);
      expect(sent()).toEqual({
        url: `${BASE}/org/metrics-pack?owner=group%3Adefault%2Fpayments-team&quarter=2026-Q4&format=csv`,
        method: 'GET',
        headers: undefined,
        body: undefined,
      });
    });
  });

  it('falls back to the global fetch', async () => {
    const spy = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(json({ stages: [] }));
    try {
      const client = new SecurityMaturityClient({
        discoveryApi: { getBaseUrl: async () => BASE },
      });
      await expect(client.getWorkflowConfig()).resolves.toEqual({ stages: [] });
      expect(spy).toHaveBeenCalledWith(`${BASE}/config`, { method: 'GET' });
    } finally {
      spy.mockRestore();
    }
  });
});
