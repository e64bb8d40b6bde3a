// A fuzz test of the whole HTTP API with hostile values (issue #19). It walks
// the spec: every operation, every path and query parameter, and every field
// of its request body (from the contract samples, so a new operation is covered
// as soon as it has a sample), and sends one hostile value at a time from a
// table per type: text with control characters, impossible dates and
// date-times, numbers out of range or not numbers at all, unusual filter text.
// On SQLite and PostgreSQL it asserts that nothing answers 5xx, that no error
// body carries SQL or driver text, that every value the API must refuse is a
// 400, and that a refused request changes nothing: every row of the plugin's
// tables (the entity's records, its history, its score and score snapshots)
// is the same before and after. The counts of each kind of failure are
// printed per engine.
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { BASE_URL, RECORD_ID, samples } from '../schema/__testUtils__/samples';
import {
  JsonSchema,
  Operation,
  operations,
  RecordedRequest,
} from '../schema/__testUtils__/specOperations';

jest.setTimeout(240_000);

/** One value to try; `mustRefuse`: the API must answer 400 and write nothing. */
type Hostile = {
  label: string;
  /** The value, or for a body field the raw JSON text to put in its place. */
  value?: unknown;
  raw?: string;
  mustRefuse: boolean;
};

const refuse = (value: unknown, label = JSON.stringify(value)): Hostile => ({
  label,
  value,
  mustRefuse: true,
});
const tolerate = (value: unknown, label = JSON.stringify(value)): Hostile => ({
  label,
  value,
  mustRefuse: false,
});

/** Text the API refuses wherever it is: NUL, other C0 and C1 controls, DEL, broken UTF-16. */
const CONTROL_TEXT = [
  refuse('a\u0000b'),
  refuse('\u0000'),
  refuse('bell\u0007'),
  refuse('esc\u001b[2J'),
  refuse('del\u007f'),
  refuse('c1\u0085x'),
  refuse('half\ud800'),
];

/** Line breaks and tabs: fine in multi-line body text, refused in query parameters. */
const LINE_BREAKS = ['line 1\nline 2', 'tab\there', 'cr\r\n'];

/** Unusual but printable filter text: any answer but a 5xx. */
const UNUSUAL_TEXT = [
  "group:default/o'brien",
  'group:default/%',
  'group:default/_',
  'a:b:c',
  ':',
  'group:',
  '/',
  '\\',
  'user:default/ü',
  '😀',
  "') OR 1=1 --",
  `group:default/${'x'.repeat(240)}`,
  'GROUP:Default/Payments-Team',
].map(v => tolerate(v));

const DATE_TIMES = [
  '2026-12-22T25:00:00Z',
  '2027-02-30T00:00:00Z',
  '2027-04-31T00:00:00Z',
  '2026-12-31T23:59:60Z',
  '2027-06-30T23:59:60Z',
  '2027-01-10T10:60:00Z',
  '2027-13-01T00:00:00Z',
  '2027-01-10T10:00:00+24:00',
  '2027-01-10T10:00:00',
  '2027-01-10',
  '99999-01-10T10:00:00Z',
  '2027-01-10T10:00:00Z\u0000',
].map(v => refuse(v));

const DATES = [
  '2026-13-01',
  '2027-02-30',
  '2025-02-29',
  '2026-00-10',
  '2026-01-00',
  '2026-04-31',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
].map(v => refuse(v));

/** Raw JSON numbers for integer body fields. */
const BODY_INTEGERS = [
  '1e20',
  '1e309',
  '-1e309',
  '1.5',
  '9007199254740993',
  '2147483648',
  '-1',
].map(raw => ({ label: raw, raw, mustRefuse: true }));

/** Query parameter text for integer parameters. */
const QUERY_INTEGERS = [
  '1e20',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e309',
  '1.5',
  '-1',
  '0x10',
  '1e3',
  '99999999999999999999',
  '',
].map(v => refuse(v));

/** Hostile path segments (already percent-encoded): NUL, broken UTF-8, too long. */
const PATH_SEGMENTS = ['%00', '%ED%A0%80', 'x'.repeat(300)].map(raw => ({
  label: raw,
  raw,
  mustRefuse: true,
}));

/** Query text sent as is (already percent-encoded), e.g. broken UTF-8. */
const RAW_QUERY_TEXT = ['%ED%A0%80', '%FF', '%C0%80', '%00'].map(raw => ({
  label: raw,
  raw,
  mustRefuse: raw === '%00',
}));

const SQL_TEXT =
  /\binsert into\b|\bselect\b[\s\S]*\bfrom\b|\bupdate\b[\s\S]*\bset\b|\bdelete from\b|sqlite|violates|duplicate key|syntax error|invalid input syntax|out of range for type|knex|unterminated|\bcolumn "|relation "|invalid byte sequence|\bpg_/i;

const isDateSchema = (s: JsonSchema) =>
  s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
const types = (s: JsonSchema) => [s.type].flat().filter(Boolean) as string[];

/** The hostile values of a body field of this schema (none for enums and booleans). */
function bodyValuesFor(schema: JsonSchema, key: string): Hostile[] {
  if (schema.enum) return [];
  if (schema.format === 'date-time') return DATE_TIMES;
  if (isDateSchema(schema)) return DATES;
  const t = types(schema);
  if (t.includes('integer')) return BODY_INTEGERS;
  if (t.includes('string')) {
    const singleLine = schema.pattern || key === 'title' || key === 'release';
    // The longest text the spec allows must fit the database too.
    const longest =
      typeof schema.maxLength === 'number' && !schema.pattern
        ? [tolerate('x'.repeat(schema.maxLength), `x × ${schema.maxLength}`)]
        : [];
    return [
      ...CONTROL_TEXT,
      ...LINE_BREAKS.map(v => (singleLine ? refuse(v) : tolerate(v))),
      ...longest,
    ];
  }
  return [];
}

function queryValuesFor(schema: JsonSchema, name: string): Hostile[] {
  if (isDateSchema(schema) || schema.format === 'date') {
    return [...DATES, ...CONTROL_TEXT.slice(0, 2)];
  }
  const t = types(schema);
  if (t.includes('integer') || t.includes('number')) return QUERY_INTEGERS;
  if (schema.enum) return [...CONTROL_TEXT.slice(0, 2)];
  // Every value for the owner and search filters, a few for the other text.
  if (name !== 'owner' && name !== 'q') {
    return [
      ...CONTROL_TEXT.slice(0, 3),
      refuse('two\nlines'),
      ...UNUSUAL_TEXT.slice(0, 3),
      ...RAW_QUERY_TEXT.slice(1, 2),
    ];
  }
  return [
    ...CONTROL_TEXT,
    ...LINE_BREAKS.map(v => refuse(v)),
    ...UNUSUAL_TEXT,
    ...RAW_QUERY_TEXT,
  ];
}

/** Percent-encoded; a lone surrogate as the broken UTF-8 a client would send. */
const encodeQueryValue = (value: string) =>
  Array.from(value)
    .map(ch => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');

type Slot = { path: (string | number)[]; schema: JsonSchema; key: string };

/** The leaf fields of a body: those in the sample, and optional text fields it leaves out. */
function bodySlots(
  schema: JsonSchema,
  value: unknown,
  path: (string | number)[] = [],
): Slot[] {
  const t = types(schema);
  if (t.includes('object') && schema.properties) {
    const props = schema.properties as Record<string, JsonSchema>;
    const obj = (value ?? {}) as Record<string, unknown>;
    return Object.entries(props).flatMap(([key, sub]) => {
      if (key in obj) return bodySlots(sub, obj[key], [...path, key]);
      return types(sub).some(x => x === 'string' || x === 'integer')
        ? [{ path: [...path, key], schema: sub, key }]
        : [];
    });
  }
  if (t.includes('array') && schema.items) {
    return Array.isArray(value) && value.length > 0
      ? bodySlots(schema.items as JsonSchema, value[0], [...path, 0])
      : [];
  }
  return [{ path, schema, key: String(path[path.length - 1]) }];
}

/** The body as JSON text with the field at `path` set to the hostile value. */
function bodyWith(body: unknown, path: (string | number)[], h: Hostile) {
  const copy = JSON.parse(JSON.stringify(body));
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const marker = '__HOSTILE_VALUE__';
  node[path[path.length - 1]] = h.raw === undefined ? h.value : marker;
  const text = JSON.stringify(copy);
  return h.raw === undefined ? text : text.replace(`"${marker}"`, h.raw);
}

/** A request body as text, whether the client sent a string or bytes. */
function asText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  return String(body);
}

/** A request body as bytes, for bodies that are not JSON (e.g. workbooks). */
function asBytes(body: unknown): Buffer | undefined {
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) {
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }
  return typeof body === 'string' ? Buffer.from(body) : undefined;
}

/** What each sample sends, recorded from the real client. */
async function sampleRequests() {
  const recorded = new Map<string, RecordedRequest & { bytes?: Buffer }>();
  for (const [operationId, sample] of Object.entries(samples)) {
    const client = new SecurityMaturityClient({
      discoveryApi: { getBaseUrl: async () => BASE_URL },
      fetchApi: {
        fetch: async (input, init = {}) => {
          recorded.set(operationId, {
            method: init.method ?? 'GET',
            url: new URL(String(input)),
            contentType: new Headers(init.headers).get('Content-Type'),
            body: asText(init.body),
            bytes: asBytes(init.body),
          });
          return new Response('{}', {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        },
      },
    });
    await sample.call(client).catch(() => undefined);
  }
  return recorded;
}

// The samples name people and records of the contract test; the test
// backend's catalog and records have others.
const SAMPLE_FIXES: Record<string, string> = {
  'user:default/alex.rivera': people.owner,
  'group:default/appsec': 'group:default/security-leads',
  'group:default/engineering': 'group:default/payments-team',
  'threat-model-reviewed': 'risks-documented',
  '"reopensStageId":"build"': '"reopensStageId":"implementation"',
};

const soon = (days: number) =>
  new Date(Date.now() + days * 86400_000).toISOString();

function fixedBody(text: string | undefined) {
  if (text === undefined) return undefined;
  let fixed = text;
  for (const [from, to] of Object.entries(SAMPLE_FIXES)) {
    fixed = fixed.split(from).join(to);
  }
  const body = JSON.parse(fixed);
  if (typeof body.expiresAt === 'string') body.expiresAt = soon(30);
  if (typeof body.containedAt === 'string') body.containedAt = soon(0);
  if (Array.isArray(body.timeline)) {
    for (const item of body.timeline) item.at = soon(0);
  }
  return body;
}

type Outcome = {
  operation: string;
  where: string;
  value: string;
  status: number;
  problem: string;
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'hostile input on %s',
  databaseId => {
    it('refuses with a 400 in the Backstage error shape that names the field', async () => {
      const { as } = await startBackend(databases, databaseId);
      const lead = as(people.lead);
      const cases: Array<[Promise<{ status: number; body: any }>, RegExp]> = [
        [
          lead.post('/exceptions', {
            controlId: 'run-as-non-root',
            justification: 'Binds port 443',
            compensatingControls: 'Dedicated node pool',
            riskRating: 'medium',
            expiresAt: '2027-02-30T00:00:00Z',
          }),
          /expiresAt must match format "date-time"/,
        ],
        [
          lead.put('/intake', {
            version: 0,
            dataClassification: 'internal',
            newIntegrations: false,
            authFlowChanges: false,
            internetExposure: false,
            regulatoryObligations: [],
            notes: 'a\u0000b',
          }),
          /^notes must not contain control characters$/,
        ],
        [
          lead.post('/worksheets', { kind: 'drill', title: 'two\nlines' }),
          /^title must be a single line without tabs$/,
        ],
        [
          lead.get('/history?offset=1e20'),
          /^Query parameter offset must be a whole number in digits$/,
        ],
        [
          lead.get('/history?limit=Infinity'),
          /^Query parameter limit must be a whole number in digits$/,
        ],
        [
          lead.get('/score/history?days=1e309'),
          /^Query parameter days must be a whole number in digits$/,
        ],
        [lead.get('/history?offset=1000001'), /offset must be <= 1000000/],
        [
          lead.plugin('/org/overview?owner=group%3Adefault%2Fa%00b'),
          /^Query parameter owner must not contain control characters$/,
        ],
        [
          lead.put('/stages/threat%00modeling', { version: 0 }),
          /^Path parameter stageId must not contain control characters$/,
        ],
      ];
      for (const [answer, message] of cases) {
        const res = await answer;
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(message);
      }
    });

    it('never answers 5xx, never leaks SQL, refuses what it must and then writes nothing', async () => {
      const { as, server, knex } = await startBackend(databases, databaseId);
      const leadHeader = mockCredentials.user.header(people.lead);
      const owner = as(people.owner);
      const lead = as(people.lead);
      const requests = await sampleRequests();

      // The records the operations on one record work on.
      const ok = async (res: { status: number; body: any }) => {
        expect(res.status).toBeLessThan(300);
        return res.body;
      };
      await ok(
        await owner.put('/intake', {
          version: 0,
          dataClassification: 'internal',
          newIntegrations: false,
          authFlowChanges: false,
          internetExposure: true,
          regulatoryObligations: [],
        }),
      );
      const exception = await ok(
        await owner.post('/exceptions', {
          controlId: 'run-as-non-root',
          justification: 'Binds port 443',
          compensatingControls: 'Dedicated node pool',
          riskRating: 'medium',
          expiresAt: soon(20),
        }),
      );
      const worksheet = await ok(
        await owner.post('/worksheets', { kind: 'drill', title: 'Drill' }),
      );
      const decision = await ok(
        await owner.post('/decisions', {
          trigger: 'New checkout',
          decision: 'Tokenise at the edge',
          rationale: 'Keeps card numbers out',
          ownerRef: 'group:default/payments-team',
          status: 'accepted',
        }),
      );
      const forEvidence = await ok(
        await owner.post('/releases', { release: 'seed-evidence' }),
      );
      const forDecision = await ok(
        await owner.post('/releases', { release: 'seed-decision' }),
      );

      const idFor = (path: string) => {
        if (path.includes('/exceptions/')) return exception.id;
        if (path.includes('/worksheets/')) return worksheet.id;
        if (path.includes('/decisions/')) return decision.id;
        if (path.endsWith('/evidence')) return forEvidence.id;
        return forDecision.id;
      };

      let before = '';
      // Reads may write too (a score computed on first read): the picture is
      // taken again before the next change after any read.
      let readSincePicture = false;
      // Every row of every table of the plugin (records, history, scores and
      // snapshots, and whatever a new feature adds), as one text to compare.
      const tables: string[] = String(knex.client.config.client).includes('pg')
        ? (
            await knex.raw(
              'select tablename as name from pg_tables where schemaname = current_schema()',
            )
          ).rows.map((r: { name: string }) => r.name)
        : (
            await knex.raw(
              "select name from sqlite_master where type = 'table'",
            )
          ).map((r: { name: string }) => r.name);
      const dataTables = tables.filter(
        t => !t.startsWith('knex_') && !t.startsWith('sqlite_'),
      );
      expect(dataTables).toEqual(
        expect.arrayContaining(['history', 'entity_scores', 'releases']),
      );
      const isPostgres = String(knex.client.config.client).includes('pg');
      // PostgreSQL: one round trip for all tables.
      const allRows = dataTables
        .sort()
        .map(t => `select '${t}' as t, row_to_json(x)::text as r from "${t}" x`)
        .join(' union all ');
      const picture = async () => {
        if (isPostgres) {
          const { rows } = await knex.raw(allRows);
          return rows
            .map((row: { t: string; r: string }) => `${row.t} ${row.r}`)
            .sort()
            .join('\n');
        }
        const dump: Record<string, string[]> = {};
        for (const table of dataTables.sort()) {
          const rows = await knex(table).select();
          dump[table] = rows.map(row => JSON.stringify(row)).sort();
        }
        return JSON.stringify(dump);
      };

      /** The entity's record as the API answers it, read again after each change. */
      let cached: { at: string; body: any } = { at: '', body: undefined };
      const currentRecord = async () => {
        if (cached.at !== before) {
          cached = { at: before, body: (await lead.get('')).body };
          readSincePicture = true;
        }
        return cached.body;
      };

      /** The version the body must carry to reach the record it names. */
      const versionFor = (
        record: any,
        path: string,
        values: Record<string, string>,
      ) => {
        const find = (list: any[], key: string, value: string) =>
          list.find(item => item[key] === value)?.version ?? 0;
        if (values.id) {
          for (const list of Object.values(record)) {
            if (Array.isArray(list)) {
              const item = list.find((i: any) => i?.id === values.id);
              if (item) return item.version;
            }
          }
          return 1;
        }
        if (values.stageId)
          return find(record.stages, 'stageId', values.stageId);
        if (path.includes('/rasi/')) {
          return find(record.rasi, 'activityId', values.activityId);
        }
        if (path.includes('/assessment/')) {
          return find(record.assessment, 'activityId', values.activityId);
        }
        if (path.endsWith('/intake')) return record.intake?.version ?? 0;
        return 0;
      };

      const outcomes: Outcome[] = [];
      const counts = {
        sent: 0,
        fiveXX: 0,
        sql: 0,
        leakedWrites: 0,
        accepted: 0,
        /** Accepted changes the picture saw: proof that it sees writes. */
        changes: 0,
      };
      before = await picture();

      const send = async (
        operation: Operation,
        pathText: string,
        query: string,
        body: string | Buffer | undefined,
        where: string,
        h: Hostile,
        contentType = 'application/json',
      ) => {
        const url = `/api/security-maturity${pathText}${
          query ? `?${query}` : ''
        }`;
        counts.sent += 1;
        const method = operation.method;
        if (method === 'get') {
          readSincePicture = true;
        } else if (readSincePicture) {
          before = await picture();
          readSincePicture = false;
        }
        const req =
          method === 'get'
            ? request(server).get(url)
            : request(server)
                [method as 'put' | 'post'](url)
                .set('Content-Type', contentType)
                .send(body ?? '{}');
        const res = await req.set('Authorization', leadHeader);
        const note = (problem: string) =>
          outcomes.push({
            operation: operation.operationId,
            where,
            value: h.label,
            status: res.status,
            problem,
          });
        if (res.status >= 500) {
          counts.fiveXX += 1;
          note('5xx');
        }
        if (res.status >= 400 && SQL_TEXT.test(res.text)) {
          counts.sql += 1;
          note(`SQL in body: ${res.text.slice(0, 200)}`);
        }
        if (h.mustRefuse && res.status < 400) {
          counts.accepted += 1;
          note('accepted');
        }
        if (method !== 'get') {
          const after = await picture();
          if (after !== before && (h.mustRefuse || res.status >= 400)) {
            counts.leakedWrites += 1;
            note('written');
          } else if (after !== before) {
            counts.changes += 1;
          }
          before = after;
        }
        return res;
      };

      for (const operation of operations) {
        // Every operation has a sample (the contract test's types insist).
        const sent = requests.get(operation.operationId);
        if (!sent) {
          outcomes.push({
            operation: operation.operationId,
            where: '',
            value: '',
            status: 0,
            problem: 'no sample request to start from',
          });
          continue;
        }
        const template = operation.path.split('/');
        const sentPath = sent.url.pathname
          .slice(new URL(BASE_URL).pathname.length)
          .split('/');
        const values: Record<string, string> = {};
        template.forEach((part, i) => {
          if (part.startsWith('{')) {
            values[part.slice(1, -1)] = decodeURIComponent(sentPath[i]);
          }
        });
        if (values.id === RECORD_ID) values.id = idFor(operation.path);
        const pathOf = (override?: [string, string]) =>
          template
            .map(part => {
              if (!part.startsWith('{')) return part;
              const name = part.slice(1, -1);
              return override?.[0] === name
                ? override[1]
                : encodeURIComponent(values[name]);
            })
            .join('/');
        const baseQuery = new URLSearchParams(sent.url.search);
        const queryWith = (name?: string, encoded?: string) => {
          const q = new URLSearchParams(baseQuery);
          if (name) q.delete(name);
          const text = q.toString();
          if (!name) return text;
          return [text, `${encodeURIComponent(name)}=${encoded}`]
            .filter(Boolean)
            .join('&');
        };
        // JSON bodies are fuzzed field by field; other bodies (workbooks) are
        // sent as the sample sends them, with hostile paths and queries.
        const contentType = sent.contentType ?? 'application/json';
        const isJson = /json/.test(contentType);
        const baseBody = isJson ? fixedBody(sent.body) : undefined;
        const bodyText = async (
          mutate?: (b: any) => string,
        ): Promise<string | Buffer | undefined> => {
          if (baseBody === undefined) return isJson ? undefined : sent.bytes;
          const b = JSON.parse(JSON.stringify(baseBody));
          const versioned =
            (operation.requestBody?.content['application/json']?.schema as any)
              ?.properties?.version?.type === 'integer';
          if (versioned && 'version' in b) {
            b.version = versionFor(
              await currentRecord(),
              operation.path,
              values,
            );
          }
          return mutate ? mutate(b) : JSON.stringify(b);
        };

        // Path parameters.
        for (const param of operation.parameters.filter(p => p.in === 'path')) {
          for (const h of PATH_SEGMENTS) {
            await send(
              operation,
              pathOf([param.name, h.raw!]),
              queryWith(),
              await bodyText(),
              `path ${param.name}`,
              h,
              contentType,
            );
          }
        }
        // Query parameters.
        for (const param of operation.parameters.filter(
          p => p.in === 'query',
        )) {
          for (const h of queryValuesFor(param.schema, param.name)) {
            const encoded = h.raw ?? encodeQueryValue(String(h.value));
            await send(
              operation,
              pathOf(),
              queryWith(param.name, encoded),
              await bodyText(),
              `query ${param.name}`,
              h,
              contentType,
            );
          }
        }
        // Body fields.
        const schema =
          operation.requestBody?.content['application/json']?.schema;
        if (schema && baseBody !== undefined) {
          for (const slot of bodySlots(schema, baseBody)) {
            for (const h of bodyValuesFor(slot.schema, slot.key)) {
              await send(
                operation,
                pathOf(),
                queryWith(),
                await bodyText(b => bodyWith(b, slot.path, h)),
                `body ${slot.path.join('.')}`,
                h,
                contentType,
              );
            }
          }
        }
      }

      // eslint-disable-next-line no-console
      console.log(
        `hostile input on ${databaseId}: ${JSON.stringify(counts)}\n${outcomes
          .map(
            o =>
              `${o.operation} ${o.where} = ${o.value}: ${o.status} ${o.problem}`,
          )
          .join('\n')}`,
      );
      expect(outcomes).toEqual([]);
      expect(counts.sent).toBeGreaterThan(1000);
      // Multi-line text and the longest allowed values are written: the
      // picture sees writes, so an unchanged one means nothing was written.
      expect(counts.changes).toBeGreaterThan(50);
    });
  },
);
