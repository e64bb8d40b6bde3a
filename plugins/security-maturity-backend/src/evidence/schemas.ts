import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { EvidenceFormat } from '@secmat/backstage-plugin-security-maturity-common';

/**
 * Minimal structural schemas of the formats CI may push: only what the
 * summaries read must be there and have the right type; everything else a
 * tool adds is allowed. The official schemas are far larger and change with
 * every tool release; the summaries need this much.
 */
const schemas: Record<EvidenceFormat, object> = {
  // SARIF 2.1.0 (OASIS): runs of tools with their results.
  sarif: {
    type: 'object',
    required: ['version', 'runs'],
    properties: {
      version: { const: '2.1.0' },
      runs: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['tool'],
          properties: {
            tool: {
              type: 'object',
              required: ['driver'],
              properties: {
                driver: {
                  type: 'object',
                  required: ['name'],
                  properties: {
                    name: { type: 'string', minLength: 1, maxLength: 200 },
                    version: { type: 'string' },
                    semanticVersion: { type: 'string' },
                    rules: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id'],
                        properties: { id: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
            results: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ruleId: { type: 'string' },
                  ruleIndex: { type: 'integer' },
                  level: { enum: ['none', 'note', 'warning', 'error'] },
                  kind: { type: 'string' },
                  message: { type: 'object' },
                  locations: { type: 'array' },
                  partialFingerprints: { type: 'object' },
                  fingerprints: { type: 'object' },
                  suppressions: { type: 'array' },
                },
              },
            },
            invocations: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  startTimeUtc: { type: 'string' },
                  endTimeUtc: { type: 'string' },
                },
              },
            },
            automationDetails: {
              type: 'object',
              properties: { id: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  // `scorecard --format json`: the repository and its checks with scores.
  'openssf-scorecard': {
    type: 'object',
    required: ['repo', 'checks'],
    properties: {
      date: { type: 'string' },
      repo: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          commit: { type: 'string' },
        },
      },
      score: { type: 'number', minimum: -1, maximum: 10 },
      checks: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'score'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            score: { type: 'number', minimum: -1, maximum: 10 },
            reason: { type: 'string' },
          },
        },
      },
    },
  },
  // CycloneDX 1.5 / 1.6 SBOM (JSON).
  cyclonedx: {
    type: 'object',
    required: ['bomFormat', 'specVersion'],
    properties: {
      bomFormat: { const: 'CycloneDX' },
      specVersion: { enum: ['1.5', '1.6'] },
      metadata: {
        type: 'object',
        properties: {
          timestamp: { type: 'string' },
          component: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              version: { type: 'string' },
            },
          },
        },
      },
      components: {
        type: 'array',
        items: { type: 'object', required: ['name'] },
      },
      dependencies: {
        type: 'array',
        items: {
          type: 'object',
          required: ['ref'],
          properties: {
            ref: { type: 'string' },
            dependsOn: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
  // An in-toto statement with SLSA provenance v0.2 or v1, bare or in a DSSE
  // envelope (what slsa-github-generator writes to *.intoto.jsonl).
  // A document with a payloadType is an envelope, anything else a statement:
  // each is checked as what it claims to be, so the message fits.
  'slsa-provenance': {
    type: 'object',
    if: { required: ['payloadType'] },
    then: {
      required: ['payloadType', 'payload', 'signatures'],
      properties: {
        payloadType: { const: 'application/vnd.in-toto+json' },
        payload: { type: 'string', minLength: 1 },
        signatures: { type: 'array' },
      },
    },
    else: { $ref: '#/$defs/statement' },
    $defs: {
      statement: {
        type: 'object',
        required: ['_type', 'subject', 'predicateType', 'predicate'],
        properties: {
          _type: {
            enum: [
              'https://in-toto.io/Statement/v0.1',
              'https://in-toto.io/Statement/v1',
            ],
          },
          subject: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['digest'],
              properties: {
                name: { type: 'string' },
                digest: { type: 'object' },
              },
            },
          },
          predicateType: {
            enum: [
              'https://slsa.dev/provenance/v0.2',
              'https://slsa.dev/provenance/v1',
            ],
          },
          predicate: { type: 'object' },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<EvidenceFormat, ValidateFunction>(
  Object.entries(schemas).map(([format, schema]) => [
    format as EvidenceFormat,
    ajv.compile(schema),
  ]),
);

const describe = (error: ErrorObject) => {
  const where = error.instancePath || '(the document)';
  const allowed =
    (error.params as { allowedValues?: unknown[]; allowedValue?: unknown })
      .allowedValues ??
    ((error.params as { allowedValue?: unknown }).allowedValue !== undefined
      ? [(error.params as { allowedValue?: unknown }).allowedValue]
      : undefined);
  return `${where} ${error.message}${
    allowed ? ` (${allowed.map(v => JSON.stringify(v)).join(', ')})` : ''
  }`;
};

/** What is wrong with a document of this format, or undefined if nothing. */
export function structuralProblem(
  format: EvidenceFormat,
  document: unknown,
): string | undefined {
  const validate = validators.get(format)!;
  if (validate(document)) return undefined;
  return describe(validate.errors![0]);
}

/** The in-toto statement schema, for a DSSE envelope's decoded payload. */
let statementValidator: ValidateFunction | undefined;
export function statementProblem(statement: unknown): string | undefined {
  statementValidator ??= ajv.compile(
    (schemas['slsa-provenance'] as any).$defs.statement,
  );
  const validate = statementValidator;
  if (validate(statement)) return undefined;
  return `payload: ${describe(validate.errors![0])}`;
}
