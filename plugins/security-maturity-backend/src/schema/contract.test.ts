// The contract between the OpenAPI spec and the hand-written HTTP client of
// -common: every operation has a client method named after its operationId,
// and what the method sends is what the spec accepts.
//
// Two halves:
//  - runtime (jest): each method is called with the arguments a real frontend
//    sends, against a fake fetch that records the request; the recorded HTTP
//    method, path, query and JSON body are checked against the operation, the
//    bodies and parameters with ajv against the spec's schemas.
//  - type level (tsc, `yarn tsc` type-checks test files too): each method's
//    body parameter type must be assignable to the spec's request body type,
//    and the spec's 200/201 response type to the method's result. See the
//    bottom of this file.
import { SecurityMaturityClient } from '@secmat/backstage-plugin-security-maturity-common';
import { BASE_URL, PATH_VALUES, samples } from './__testUtils__/samples';
import {
  coerce,
  lowerCamel,
  Operation,
  operations,
  Parameter,
  RecordedRequest,
  validate,
} from './__testUtils__/specOperations';

function recordingClient() {
  const requests: RecordedRequest[] = [];
  const client = new SecurityMaturityClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: {
      fetch: async (input, init = {}) => {
        requests.push({
          method: init.method ?? 'GET',
          url: new URL(String(input)),
          contentType: new Headers(init.headers).get('Content-Type'),
          body: init.body === undefined ? undefined : String(init.body),
        });
        return new Response('{}', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    },
  });
  return { client, requests };
}

/** Everything in which the recorded request differs from the operation. */
function checkRequest(
  operation: Operation,
  request: RecordedRequest,
  pathValues: Record<string, string>,
): string[] {
  const problems: string[] = [];
  const params = (where: Parameter['in']) =>
    operation.parameters.filter(p => p.in === where);

  if (request.method.toLocaleLowerCase('en-US') !== operation.method) {
    problems.push(
      `method: sent ${
        request.method
      }, the spec says ${operation.method.toLocaleUpperCase('en-US')}`,
    );
  }

  // Path: the template with the (encoded) sample values, each valid.
  const expectedPath = operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    if (!(name in pathValues)) {
      problems.push(`path: no sample value for {${name}}`);
    }
    return encodeURIComponent(pathValues[name] ?? '');
  });
  const sentPath = request.url.pathname.slice(
    new URL(BASE_URL).pathname.length,
  );
  if (sentPath !== expectedPath) {
    problems.push(`path: sent ${sentPath}, expected ${expectedPath}`);
  }
  for (const param of params('path')) {
    for (const problem of validate(
      param.schema,
      coerce(pathValues[param.name] ?? '', param.schema),
    )) {
      problems.push(`path parameter ${param.name}: ${problem}`);
    }
  }

  // Query: only the operation's parameters, each valid, the required ones present.
  const queryParams = new Map(params('query').map(p => [p.name, p]));
  for (const [key, value] of request.url.searchParams) {
    const param = queryParams.get(key);
    if (!param) {
      problems.push(
        `query: ${key} is not a parameter of ${operation.operationId} (${
          [...queryParams.keys()].join(', ') || 'none'
        })`,
      );
      continue;
    }
    for (const problem of validate(param.schema, coerce(value, param.schema))) {
      problems.push(`query parameter ${key}: ${problem}`);
    }
  }
  for (const param of queryParams.values()) {
    if (param.required && !request.url.searchParams.has(param.name)) {
      problems.push(`query: required parameter ${param.name} is missing`);
    }
  }

  // Body: JSON exactly when the operation takes one, valid against its schema;
  // an upload (the staffing workbook) as its bytes with its content type.
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const uploadType = Object.keys(operation.requestBody?.content ?? {}).find(
    t => t !== 'application/json',
  );
  if (!bodySchema && uploadType) {
    if (request.body === undefined) {
      problems.push('body: none sent, the operation takes an upload');
    } else if (request.contentType !== uploadType) {
      problems.push(
        `body: Content-Type ${request.contentType}, expected ${uploadType}`,
      );
    }
  } else if (!bodySchema) {
    if (request.body !== undefined) {
      problems.push('body: sent one, the operation takes none');
    }
  } else if (request.body === undefined) {
    if (operation.requestBody?.required) {
      problems.push('body: none sent, the operation requires one');
    }
  } else {
    if (!request.contentType?.startsWith('application/json')) {
      problems.push(
        `body: Content-Type ${request.contentType}, expected application/json`,
      );
    }
    for (const problem of validate(bodySchema, JSON.parse(request.body))) {
      problems.push(`body: ${problem}`);
    }
  }
  return problems;
}

describe('the client and the OpenAPI spec', () => {
  it('has all 54 operations of the spec to check', () => {
    expect(operations).toHaveLength(54);
    expect(Object.keys(samples).sort()).toEqual(
      operations.map(o => o.operationId).sort(),
    );
  });

  it('has a client method for every operation, named after its operationId', () => {
    const missing = operations
      .map(o => lowerCamel(o.operationId))
      .filter(
        name =>
          typeof (SecurityMaturityClient.prototype as any)[name] !== 'function',
      );
    expect(missing).toEqual([]);
  });

  it('has no client method that is not an operation of the spec', () => {
    const names = new Set(operations.map(o => lowerCamel(o.operationId)));
    const extra = Object.getOwnPropertyNames(
      SecurityMaturityClient.prototype,
    ).filter(name => name !== 'constructor' && !names.has(name));
    expect(extra).toEqual([]);
  });

  describe.each(operations.map(o => [o.operationId, o] as const))(
    '%s',
    (operationId, operation) => {
      it(`sends ${operation.method.toLocaleUpperCase('en-US')} ${
        operation.path
      } as the spec describes it`, async () => {
        const method = lowerCamel(operationId);
        if (
          typeof (SecurityMaturityClient.prototype as any)[method] !==
          'function'
        ) {
          throw new Error(
            `SecurityMaturityClient has no method ${method} for the operation ${operationId}`,
          );
        }
        const { client, requests } = recordingClient();
        const sample = samples[operationId];
        await sample.call(client);

        expect(requests).toHaveLength(1);
        expect(
          checkRequest(operation, requests[0], {
            ...PATH_VALUES,
            ...sample.pathValues,
          }),
        ).toEqual([]);
      });
    },
  );

  it('notices a request that drifts from the spec', () => {
    const putStage = operations.find(o => o.operationId === 'PutStage')!;
    const drifted: RecordedRequest = {
      method: 'POST',
      url: new URL(
        `${BASE_URL}/entities/Component/default/payments-api/stage/threat-modeling?force=true`,
      ),
      contentType: 'application/json',
      body: JSON.stringify({ version: 1, status: 'done' }),
    };
    expect(checkRequest(putStage, drifted, PATH_VALUES)).toEqual([
      'method: sent POST, the spec says PUT',
      'path: sent /entities/Component/default/payments-api/stage/threat-modeling, expected /entities/Component/default/payments-api/stages/threat-modeling',
      'query: force is not a parameter of PutStage (none)',
      expect.stringMatching(/^body: .*checklist/),
    ]);
    expect(checkRequest(putStage, drifted, PATH_VALUES)[3]).toMatch(
      /must be equal to one of the allowed values/,
    );
  });
});
