// THIS FILE IS GENERATED from openapi.yaml by scripts/generate-openapi.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'security-maturity',
    version: '1',
    description:
      'Secure-SDLC records and OWASP SAMM scores of catalog entities. Every route needs Backstage user or service credentials; reads also need the caller to be able to read the entity in the catalog.',
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description: 'Entity kind, e.g. component.',
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z][a-zA-Z0-9]*$',
          maxLength: 63,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: 'Entity namespace, e.g. default.',
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
          maxLength: 63,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description: 'Entity name.',
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
          maxLength: 63,
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error, in the standard Backstage error shape.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
      },
      ScorerInfo: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'description'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
        },
      },
      SecurityMaturityRecord: {
        type: 'object',
        description: 'The whole security-maturity picture of one entity.',
        required: [
          'entityRef',
          'version',
          'intake',
          'stages',
          'rasi',
          'exceptions',
          'worksheets',
          'decisions',
          'releases',
          'scorers',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'integer',
            minimum: 0,
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedBy: {
            type: 'string',
          },
          intake: {
            type: ['object', 'null'],
          },
          stages: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          rasi: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          exceptions: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          worksheets: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          decisions: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          releases: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          scorers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorerInfo',
            },
          },
        },
      },
    },
  },
  paths: {
    '/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityRecord',
        summary: 'The security-maturity record of one catalog entity.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              'The record; its sections are empty until something is recorded.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SecurityMaturityRecord',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/scorers': {
      get: {
        operationId: 'ListScorers',
        summary: 'The scorers installed through the scorers extension point.',
        responses: {
          '200': {
            description: 'Installed scorers, in registration order.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ScorerInfo',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
