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
      staffingQuarter: {
        name: 'quarter',
        in: 'query',
        required: false,
        description: 'The quarter of the capacities (default the current one)',
        schema: {
          type: 'string',
          pattern: '^\\d{4}-Q[1-4]$',
        },
      },
      staffingWorkbookName: {
        name: 'name',
        in: 'query',
        required: false,
        description: "The workbook's file name, as the history rows name it",
        schema: {
          type: 'string',
          maxLength: 200,
        },
      },
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
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 200,
          default: 50,
        },
      },
      offset: {
        name: 'offset',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 0,
          maximum: 1000000,
          default: 0,
        },
      },
      recordId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
        },
      },
      stageId: {
        name: 'stageId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
          pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
        },
      },
      activityId: {
        name: 'activityId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 64,
          pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
        },
      },
      roadmapPhase: {
        name: 'phase',
        in: 'path',
        required: true,
        description: "The phase's number, 1 to 12.",
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 12,
        },
      },
      sammActivityId: {
        name: 'activityId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[GDIVOgdivo]-[A-Za-z]{2}-([123]-[ABab]|[ABab]-[123])$',
        },
      },
      orgOwner: {
        name: 'owner',
        in: 'query',
        required: false,
        description:
          'An owner group (its nested groups are included) or user, e.g. group:default/payments-team.',
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgSystem: {
        name: 'system',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgDomain: {
        name: 'domain',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgTier: {
        name: 'tier',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgLifecycle: {
        name: 'lifecycle',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgType: {
        name: 'type',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgQ: {
        name: 'q',
        in: 'query',
        required: false,
        description: 'Part of the entity ref.',
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      orgSort: {
        name: 'sort',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          enum: [
            'overall',
            'percentToTarget',
            'name',
            'openGates',
            'exceptions',
          ],
          default: 'overall',
        },
      },
      orgOrder: {
        name: 'order',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
          default: 'asc',
        },
      },
      orgLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          default: 50,
        },
      },
      orgWithinDays: {
        name: 'withinDays',
        in: 'query',
        required: false,
        description: 'Exceptions expiring within this many days.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 365,
          default: 30,
        },
      },
      orgSince: {
        name: 'since',
        in: 'query',
        required: false,
        description:
          "A day (YYYY-MM-DD). Adds the progress since then to the overview and each rollup (OWASP SAMM's progress to date), from the daily score snapshots.",
        schema: {
          type: 'string',
          format: 'date',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
      },
      campaignId: {
        name: 'campaignId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[0-9a-zA-Z-]{1,64}$',
        },
      },
      orgUnitKind: {
        name: 'kind',
        in: 'path',
        required: true,
        description:
          'The kind of the org unit, group, system or domain (any case, as in entity refs).',
        schema: {
          type: 'string',
          pattern:
            '^([Gg][Rr][Oo][Uu][Pp]|[Ss][Yy][Ss][Tt][Ee][Mm]|[Dd][Oo][Mm][Aa][Ii][Nn])$',
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
      CampaignInput: {
        type: 'object',
        additionalProperties: false,
        required: [
          'title',
          'scope',
          'goal',
          'startDay',
          'targetDay',
          'ownerRef',
        ],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          scope: {
            type: 'object',
            additionalProperties: false,
            description: "The org page's filters; at least one.",
            properties: {
              owner: {
                type: 'string',
                maxLength: 255,
              },
              system: {
                type: 'string',
                maxLength: 255,
              },
              domain: {
                type: 'string',
                maxLength: 255,
              },
              tier: {
                type: 'string',
                maxLength: 255,
              },
              lifecycle: {
                type: 'string',
                maxLength: 255,
              },
              type: {
                type: 'string',
                maxLength: 255,
              },
            },
          },
          goal: {
            type: 'object',
            additionalProperties: false,
            required: ['all'],
            properties: {
              all: {
                type: 'array',
                maxItems: 20,
                description: 'Conditions that must all hold.',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['kind'],
                  properties: {
                    kind: {
                      type: 'string',
                      enum: [
                        'practice',
                        'stage',
                        'accountable',
                        'noExpiredExceptions',
                      ],
                    },
                    practiceId: {
                      type: 'string',
                      maxLength: 16,
                    },
                    atLeast: {
                      type: 'number',
                      minimum: 0,
                      maximum: 3,
                    },
                    stageId: {
                      type: 'string',
                      maxLength: 64,
                    },
                    activityId: {
                      type: 'string',
                      maxLength: 64,
                    },
                  },
                },
              },
            },
          },
          startDay: {
            type: 'string',
            format: 'date',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          targetDay: {
            type: 'string',
            format: 'date',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          ownerRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          reminderCadenceDays: {
            type: ['integer', 'null'],
            minimum: 7,
            maximum: 365,
            description:
              'Days between two reminders to each person (a week at least); null for none. Default 7.',
          },
        },
      },
      CampaignUpdate: {
        type: 'object',
        additionalProperties: false,
        required: [
          'version',
          'title',
          'scope',
          'goal',
          'startDay',
          'targetDay',
          'ownerRef',
        ],
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
            maximum: 2147483647,
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          scope: {
            type: 'object',
            additionalProperties: false,
            description: "The org page's filters; at least one.",
            properties: {
              owner: {
                type: 'string',
                maxLength: 255,
              },
              system: {
                type: 'string',
                maxLength: 255,
              },
              domain: {
                type: 'string',
                maxLength: 255,
              },
              tier: {
                type: 'string',
                maxLength: 255,
              },
              lifecycle: {
                type: 'string',
                maxLength: 255,
              },
              type: {
                type: 'string',
                maxLength: 255,
              },
            },
          },
          goal: {
            type: 'object',
            additionalProperties: false,
            required: ['all'],
            properties: {
              all: {
                type: 'array',
                maxItems: 20,
                description: 'Conditions that must all hold.',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['kind'],
                  properties: {
                    kind: {
                      type: 'string',
                      enum: [
                        'practice',
                        'stage',
                        'accountable',
                        'noExpiredExceptions',
                      ],
                    },
                    practiceId: {
                      type: 'string',
                      maxLength: 16,
                    },
                    atLeast: {
                      type: 'number',
                      minimum: 0,
                      maximum: 3,
                    },
                    stageId: {
                      type: 'string',
                      maxLength: 64,
                    },
                    activityId: {
                      type: 'string',
                      maxLength: 64,
                    },
                  },
                },
              },
            },
          },
          startDay: {
            type: 'string',
            format: 'date',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          targetDay: {
            type: 'string',
            format: 'date',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          ownerRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          reminderCadenceDays: {
            type: ['integer', 'null'],
            minimum: 7,
            maximum: 365,
            description:
              'Days between two reminders to each person (a week at least); null for none. Default 7.',
          },
        },
      },
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
          'requiredStageIds',
          'stages',
          'rasi',
          'exceptions',
          'worksheets',
          'decisions',
          'releases',
          'assessment',
          'scorers',
          'permissions',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'integer',
            minimum: 0,
            maximum: 2147483647,
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
          requiredStageIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          assessment: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          permissions: {
            type: 'object',
          },
        },
      },
      EvidenceLink: {
        type: 'object',
        additionalProperties: false,
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          url: {
            type: 'string',
            maxLength: 2000,
            pattern: '^https?://[^\\s]+$',
          },
        },
        required: ['title', 'url'],
      },
      Url: {
        type: 'string',
        maxLength: 2000,
        pattern: '^https?://[^\\s]+$',
      },
      EntityRefString: {
        type: 'string',
        maxLength: 255,
        pattern:
          '^[a-zA-Z][a-zA-Z0-9]*:([a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
      },
      TaskList: {
        type: 'string',
        description: 'One list of "My security tasks".',
        enum: [
          'approvals',
          'signoffs',
          'expiring',
          'containment',
          'components',
        ],
      },
      ApprovalTask: {
        type: 'object',
        description:
          'An exception request waiting for a security lead who did not make it.',
        additionalProperties: false,
        required: [
          'entityRef',
          'exceptionId',
          'controlId',
          'controlTitle',
          'riskRating',
          'requestedBy',
          'requestedAt',
          'expiresAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          exceptionId: {
            type: 'string',
          },
          controlId: {
            type: 'string',
          },
          controlTitle: {
            type: 'string',
          },
          riskRating: {
            type: 'string',
            enum: ['low', 'medium', 'high', 'critical'],
          },
          requestedBy: {
            type: 'string',
          },
          requestedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SignOffTask: {
        type: 'object',
        description:
          'A cleared gate waiting for the sign-off of its Accountable in RASI (the caller or one of their groups).',
        additionalProperties: false,
        required: [
          'entityRef',
          'stageId',
          'stageTitle',
          'status',
          'accountable',
          'since',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          stageId: {
            type: 'string',
          },
          stageTitle: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['passed', 'waived', 'not_applicable'],
          },
          accountable: {
            type: 'string',
          },
          since: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ExpiringExceptionTask: {
        type: 'object',
        description:
          "An approved exception of one of the caller's components that expires soon, or has expired.",
        additionalProperties: false,
        required: [
          'entityRef',
          'exceptionId',
          'controlId',
          'controlTitle',
          'riskRating',
          'status',
          'expiresAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          exceptionId: {
            type: 'string',
          },
          controlId: {
            type: 'string',
          },
          controlTitle: {
            type: 'string',
          },
          riskRating: {
            type: 'string',
            enum: ['low', 'medium', 'high', 'critical'],
          },
          status: {
            type: 'string',
            enum: ['approved', 'expired'],
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ContainmentTask: {
        type: 'object',
        description:
          'An open worksheet whose containment owners name the caller or one of their groups.',
        additionalProperties: false,
        required: [
          'entityRef',
          'worksheetId',
          'title',
          'kind',
          'startedAt',
          'containedAt',
          'actions',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          worksheetId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['incident', 'drill'],
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          containedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          actions: {
            type: 'array',
            items: {
              type: 'string',
              enum: ['isolate', 'revoke', 'freeze', 'recover'],
            },
          },
        },
      },
      ComponentTask: {
        type: 'object',
        description:
          "One of the caller's components without intake, or scored below its tier's target.",
        additionalProperties: false,
        required: [
          'entityRef',
          'reason',
          'tier',
          'overall',
          'target',
          'percentToTarget',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          reason: {
            type: 'string',
            enum: ['no-intake', 'below-target'],
          },
          tier: {
            type: ['string', 'null'],
          },
          overall: {
            type: ['number', 'null'],
          },
          target: {
            type: ['number', 'null'],
          },
          percentToTarget: {
            type: ['number', 'null'],
          },
        },
      },
      SecurityTasks: {
        type: 'object',
        description:
          'The first page of every list of "My security tasks", with each list\'s total.',
        additionalProperties: false,
        required: [
          'userEntityRef',
          'isSecurityLead',
          'expiringWithinDays',
          'lists',
          'generatedAt',
        ],
        properties: {
          userEntityRef: {
            type: 'string',
          },
          isSecurityLead: {
            type: 'boolean',
          },
          expiringWithinDays: {
            type: 'integer',
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          lists: {
            type: 'object',
            additionalProperties: false,
            required: [
              'approvals',
              'signoffs',
              'expiring',
              'containment',
              'components',
            ],
            properties: {
              approvals: {
                type: 'object',
                required: ['items', 'totalCount'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/ApprovalTask',
                    },
                  },
                  totalCount: {
                    type: 'integer',
                    minimum: 0,
                  },
                },
              },
              signoffs: {
                type: 'object',
                required: ['items', 'totalCount'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/SignOffTask',
                    },
                  },
                  totalCount: {
                    type: 'integer',
                    minimum: 0,
                  },
                },
              },
              expiring: {
                type: 'object',
                required: ['items', 'totalCount'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/ExpiringExceptionTask',
                    },
                  },
                  totalCount: {
                    type: 'integer',
                    minimum: 0,
                  },
                },
              },
              containment: {
                type: 'object',
                required: ['items', 'totalCount'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/ContainmentTask',
                    },
                  },
                  totalCount: {
                    type: 'integer',
                    minimum: 0,
                  },
                },
              },
              components: {
                type: 'object',
                required: ['items', 'totalCount'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/ComponentTask',
                    },
                  },
                  totalCount: {
                    type: 'integer',
                    minimum: 0,
                  },
                },
              },
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
    '/config': {
      get: {
        operationId: 'GetWorkflowConfig',
        summary:
          'The configured workflow: stages, RASI activities, tiers, tier rules, baseline controls.',
        parameters: [],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
    '/entities/{kind}/{namespace}/{name}/intake': {
      put: {
        operationId: 'PutIntake',
        summary:
          'Record the intake classification; the tier follows from the configured rules.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                    description:
                      'The version the edit is based on (0 to create).',
                  },
                  dataClassification: {
                    type: 'string',
                    maxLength: 64,
                    pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
                  },
                  newIntegrations: {
                    type: 'boolean',
                  },
                  authFlowChanges: {
                    type: 'boolean',
                  },
                  internetExposure: {
                    type: 'boolean',
                  },
                  regulatoryObligations: {
                    type: 'array',
                    maxItems: 20,
                    items: {
                      type: 'string',
                      minLength: 1,
                      maxLength: 100,
                    },
                  },
                  notes: {
                    type: 'string',
                    maxLength: 4000,
                  },
                },
                required: [
                  'version',
                  'dataClassification',
                  'newIntegrations',
                  'authFlowChanges',
                  'internetExposure',
                  'regulatoryObligations',
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/stages/{stageId}': {
      put: {
        operationId: 'PutStage',
        summary:
          'Update a stage gate: status, checklist with evidence, notes, reason.',
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
          {
            $ref: '#/components/parameters/stageId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                    description:
                      'The version the edit is based on (0 to create).',
                  },
                  status: {
                    type: 'string',
                    enum: [
                      'not_started',
                      'in_progress',
                      'blocked',
                      'passed',
                      'waived',
                      'not_applicable',
                    ],
                  },
                  checklist: {
                    type: 'array',
                    maxItems: 50,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      properties: {
                        criterionId: {
                          type: 'string',
                          maxLength: 64,
                          pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
                        },
                        done: {
                          type: 'boolean',
                        },
                        evidence: {
                          type: 'array',
                          maxItems: 20,
                          items: {
                            $ref: '#/components/schemas/EvidenceLink',
                          },
                        },
                        doneBy: {
                          type: 'string',
                          maxLength: 300,
                          description:
                            'Ignored; who ticked a criterion is recorded by the backend (sign-off separation).',
                        },
                      },
                      required: ['criterionId', 'done', 'evidence'],
                    },
                  },
                  notes: {
                    type: 'string',
                    maxLength: 4000,
                  },
                  reason: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: ['version', 'status', 'checklist'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/stages/{stageId}/sign-off': {
      post: {
        operationId: 'SignOffStage',
        summary:
          'Sign off a passed, waived or not-applicable gate (its Accountable or a security lead).',
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
          {
            $ref: '#/components/parameters/stageId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                    description:
                      'The version the edit is based on (0 to create).',
                  },
                },
                required: ['version'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/material-changes': {
      post: {
        operationId: 'RecordMaterialChange',
        summary: 'Record a material change; it re-opens threat modeling.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  description: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  kind: {
                    type: 'string',
                    enum: [
                      'new-integration',
                      'auth-change',
                      'new-sensitive-data',
                      'other',
                    ],
                  },
                },
                required: ['description', 'kind'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Recorded; the re-opened threat-modeling stage.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/rasi/{activityId}': {
      put: {
        operationId: 'PutRasiAssignment',
        summary:
          'Assign Responsible, Accountable (exactly one), Supportive and Informed for an activity.',
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
          {
            $ref: '#/components/parameters/activityId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                    description:
                      'The version the edit is based on (0 to create).',
                  },
                  responsible: {
                    type: 'array',
                    maxItems: 20,
                    items: {
                      $ref: '#/components/schemas/EntityRefString',
                    },
                  },
                  accountable: {
                    $ref: '#/components/schemas/EntityRefString',
                  },
                  supportive: {
                    type: 'array',
                    maxItems: 20,
                    items: {
                      $ref: '#/components/schemas/EntityRefString',
                    },
                  },
                  informed: {
                    type: 'array',
                    maxItems: 20,
                    items: {
                      $ref: '#/components/schemas/EntityRefString',
                    },
                  },
                },
                required: [
                  'version',
                  'responsible',
                  'accountable',
                  'supportive',
                  'informed',
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/exceptions': {
      get: {
        operationId: 'ListExceptions',
        summary: "The entity's exceptions, newest first.",
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
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'RequestException',
        summary: 'Request an exception to a baseline control.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  controlId: {
                    type: 'string',
                    maxLength: 64,
                    pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
                  },
                  justification: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  compensatingControls: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  riskRating: {
                    type: 'string',
                    enum: ['low', 'medium', 'high', 'critical'],
                  },
                  expiresAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
                required: [
                  'controlId',
                  'justification',
                  'compensatingControls',
                  'riskRating',
                  'expiresAt',
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/exceptions/{id}/transitions': {
      post: {
        operationId: 'TransitionException',
        summary:
          'approve or reject (security leads, not the requester), revoke (security leads), close (owners or leads).',
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 2147483647,
                  },
                  action: {
                    type: 'string',
                    enum: ['approve', 'reject', 'revoke', 'close'],
                  },
                  note: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: ['version', 'action'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/worksheets': {
      get: {
        operationId: 'ListWorksheets',
        summary: "The entity's worksheets, newest first.",
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
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'StartWorksheet',
        summary:
          'Start an incident or drill worksheet; containment owners default from RASI.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  kind: {
                    type: 'string',
                    enum: ['incident', 'drill'],
                  },
                  title: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                },
                required: ['kind', 'title'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/worksheets/{id}': {
      put: {
        operationId: 'UpdateWorksheet',
        summary:
          'Update a worksheet: readiness, containment owners, timeline, actions, findings, status.',
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                    description:
                      'The version the edit is based on (0 to create).',
                  },
                  title: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  status: {
                    type: 'string',
                    enum: ['open', 'closed'],
                  },
                  containedAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                  readiness: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      baselineControlsPresent: {
                        type: 'boolean',
                      },
                      runtimeVisibility: {
                        type: 'boolean',
                      },
                      containmentPathLastTested: {
                        type: 'string',
                        format: 'date',
                      },
                    },
                    required: ['baselineControlsPresent', 'runtimeVisibility'],
                  },
                  containmentOwners: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      isolate: {
                        type: ['string', 'null'],
                        maxLength: 255,
                        pattern:
                          '^[a-zA-Z][a-zA-Z0-9]*:([a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
                      },
                      revoke: {
                        type: ['string', 'null'],
                        maxLength: 255,
                        pattern:
                          '^[a-zA-Z][a-zA-Z0-9]*:([a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
                      },
                      freeze: {
                        type: ['string', 'null'],
                        maxLength: 255,
                        pattern:
                          '^[a-zA-Z][a-zA-Z0-9]*:([a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
                      },
                      recover: {
                        type: ['string', 'null'],
                        maxLength: 255,
                        pattern:
                          '^[a-zA-Z][a-zA-Z0-9]*:([a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$',
                      },
                    },
                    required: ['isolate', 'revoke', 'freeze', 'recover'],
                  },
                  timeline: {
                    type: 'array',
                    maxItems: 500,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      properties: {
                        at: {
                          type: 'string',
                          format: 'date-time',
                        },
                        entry: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 2000,
                        },
                        by: {
                          $ref: '#/components/schemas/EntityRefString',
                        },
                      },
                      required: ['at', 'entry', 'by'],
                    },
                  },
                  actions: {
                    type: 'array',
                    maxItems: 200,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      properties: {
                        description: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 2000,
                        },
                        owner: {
                          $ref: '#/components/schemas/EntityRefString',
                        },
                        done: {
                          type: 'boolean',
                        },
                      },
                      required: ['description', 'done'],
                    },
                  },
                  findings: {
                    type: 'array',
                    maxItems: 200,
                    items: {
                      type: 'string',
                      minLength: 1,
                      maxLength: 4000,
                    },
                  },
                },
                required: [
                  'version',
                  'title',
                  'status',
                  'readiness',
                  'containmentOwners',
                  'timeline',
                  'actions',
                  'findings',
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/worksheets/{id}/lessons': {
      post: {
        operationId: 'AddLesson',
        summary:
          'Add a lesson learned; it may re-open a stage so the next planning cycle picks it up.',
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 2147483647,
                  },
                  lesson: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  reopensStageId: {
                    type: 'string',
                    maxLength: 64,
                    pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
                  },
                },
                required: ['version', 'lesson'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/decisions': {
      get: {
        operationId: 'ListDecisions',
        summary: "The entity's threat-model decisions, newest first.",
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
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'CreateDecision',
        summary: 'Log a threat-model decision.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  trigger: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  decision: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  rationale: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  ownerRef: {
                    $ref: '#/components/schemas/EntityRefString',
                  },
                  backlogUrl: {
                    type: 'string',
                    maxLength: 2000,
                    pattern: '^https?://[^\\s]+$',
                  },
                  status: {
                    type: 'string',
                    enum: ['proposed', 'accepted', 'implemented', 'superseded'],
                  },
                  reReviewAt: {
                    type: 'string',
                    format: 'date',
                  },
                  reReviewTrigger: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: [
                  'trigger',
                  'decision',
                  'rationale',
                  'ownerRef',
                  'status',
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/decisions/{id}': {
      put: {
        operationId: 'UpdateDecision',
        summary: 'Update a threat-model decision.',
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 2147483647,
                  },
                  trigger: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  decision: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  rationale: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 4000,
                  },
                  ownerRef: {
                    $ref: '#/components/schemas/EntityRefString',
                  },
                  backlogUrl: {
                    type: 'string',
                    maxLength: 2000,
                    pattern: '^https?://[^\\s]+$',
                  },
                  status: {
                    type: 'string',
                    enum: ['proposed', 'accepted', 'implemented', 'superseded'],
                  },
                  reReviewAt: {
                    type: 'string',
                    format: 'date',
                  },
                  reReviewTrigger: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: [
                  'version',
                  'trigger',
                  'decision',
                  'rationale',
                  'ownerRef',
                  'status',
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases': {
      get: {
        operationId: 'ListReleases',
        summary: "The entity's release decision records, newest first.",
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
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'CreateRelease',
        summary: 'Open a release decision record (decision pending).',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  release: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                },
                required: ['release'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases/{id}/evidence': {
      post: {
        operationId: 'PushReleaseEvidence',
        summary:
          'Add evidence to a release: the one route CI pipelines may call with service credentials.',
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  kind: {
                    type: 'string',
                    enum: [
                      'pipeline',
                      'scan',
                      'signature',
                      'provenance',
                      'other',
                    ],
                  },
                  title: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  url: {
                    type: 'string',
                    maxLength: 2000,
                    pattern: '^https?://[^\\s]+$',
                  },
                  result: {
                    type: 'string',
                    enum: ['pass', 'fail', 'info'],
                  },
                  slsaBuildLevel: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 4,
                  },
                },
                required: ['kind', 'title', 'url'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/evidence': {
      get: {
        operationId: 'ListEntityEvidence',
        summary:
          "The entity's current evidence signals from tools: the newest per source and key, with when, until when and a link.",
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
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/evidence/{format}': {
      post: {
        operationId: 'PushEntityEvidence',
        summary:
          "Push a tool's file for the entity (SARIF 2.1.0, OpenSSF Scorecard JSON, CycloneDX 1.5/1.6, in-toto SLSA provenance): validated, summarised into signals and rescored. Like release evidence, the route CI pipelines may call with service credentials. The same file again changes nothing (200).",
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
          {
            name: 'format',
            in: 'path',
            required: true,
            description: "The file's format.",
            schema: {
              type: 'string',
              enum: [
                'sarif',
                'openssf-scorecard',
                'cyclonedx',
                'slsa-provenance',
              ],
            },
          },
          {
            name: 'link',
            in: 'query',
            required: false,
            description:
              "Where to see the tool's own result, e.g. the CI run (http or https).",
            schema: {
              type: 'string',
              maxLength: 2000,
              pattern: '^https?://[^\\s]+$',
            },
          },
        ],
        requestBody: {
          required: true,
          description:
            "The tool's file, as the tool wrote it (JSON). Up to securityMaturity.evidence.maxUploadMegabytes (25 MB by default).",
          content: {
            'application/json': {
              schema: {
                type: 'object',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'This exact file was pushed before; nothing changed.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          '201': {
            description: 'Summarised into signals.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            description: 'The file is larger than the configured limit.',
          },
          '415': {
            description: 'The file was not sent as JSON.',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases/{id}/verdict': {
      get: {
        operationId: 'GetReleaseVerdict',
        summary:
          "What the component's records and its tools' current evidence recommend for a release: go, or no-go-recommended with machine-readable reasons (required gates not cleared for the tier, expired exceptions, evidence the tier's policy requires missing or failing). CI services may read it; the go / no-go decision stays with a person.",
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases/{id}/decision': {
      post: {
        operationId: 'DecideRelease',
        summary:
          'Decide go or no-go: a person (owner or security lead), never a pipeline.',
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
          {
            $ref: '#/components/parameters/recordId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 2147483647,
                  },
                  decision: {
                    type: 'string',
                    enum: ['go', 'no_go'],
                  },
                  note: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: ['version', 'decision'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/assessment/{activityId}': {
      put: {
        operationId: 'PutAssessmentAnswer',
        summary: 'Attest a SAMM self-assessment answer (0, 0.25, 0.5 or 1).',
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
          {
            $ref: '#/components/parameters/sammActivityId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                    description:
                      'The version the edit is based on (0 to create).',
                  },
                  value: {
                    type: 'number',
                    enum: [0, 0.25, 0.5, 1],
                  },
                  notes: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: ['version', 'value'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'ListHistory',
        summary: "Every change to the entity's records, newest first.",
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
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/score': {
      get: {
        operationId: 'GetEntityScore',
        summary:
          "The SAMM score with every activity's answer, source, rationale and links, and each practice's target, gap and percent to target in the tier's profile.",
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
            description: 'The score',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/score/history': {
      get: {
        operationId: 'GetEntityScoreHistory',
        summary: 'Daily score snapshots, oldest first.',
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
          {
            name: 'days',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3650,
              default: 90,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Snapshots',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/roadmap': {
      get: {
        operationId: 'GetEntityRoadmap',
        summary:
          "Whoever may read the entity. Its roadmap of planned SAMM improvements in phases, each item with its owner (set, else the RASI Responsible of the matching activity, else the component owner) and whether it is done; the projected score after each phase (OWASP SAMM toolbox formula, percent to target by the tier's profile); and the projected overall of each phase against the actual one on its due day, from the daily snapshots.",
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
            description: 'The roadmap',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/roadmap/phases/{phase}': {
      put: {
        operationId: 'PutRoadmapPhase',
        summary:
          'Owners and security leads. Creates (version 0) or replaces a phase of the roadmap; a stale version gets 409. An unknown activity, a planned answer other than 0, 0.25, 0.5 or 1, or a due day that is not a calendar date gets 400 naming the field, and nothing is written.',
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
          {
            $ref: '#/components/parameters/roadmapPhase',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                  },
                  name: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  items: {
                    type: 'array',
                    maxItems: 50,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      properties: {
                        activityId: {
                          type: 'string',
                          pattern:
                            '^[GDIVOgdivo]-[A-Za-z]{2}-([123]-[ABab]|[ABab]-[123])$',
                        },
                        plannedAnswer: {
                          type: 'number',
                          enum: [0, 0.25, 0.5, 1],
                        },
                        dueOn: {
                          type: 'string',
                          format: 'date',
                        },
                        ownerRef: {
                          $ref: '#/components/schemas/EntityRefString',
                        },
                      },
                      required: ['activityId', 'plannedAnswer', 'dueOn'],
                    },
                  },
                },
                required: ['version', 'name', 'items'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The phase as stored',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'DeleteRoadmapPhase',
        summary:
          'Owners and security leads. Removes a phase of the roadmap at the version read and answers it as it was; a stale version gets 409.',
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
          {
            $ref: '#/components/parameters/roadmapPhase',
          },
          {
            name: 'version',
            in: 'query',
            required: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 2147483647,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The phase as it was',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/samm/model': {
      get: {
        operationId: 'GetSammModel',
        summary:
          'The SAMM questionnaire: 90 activities with question and answers (our wording, or the official model when configured).',
        parameters: [],
        responses: {
          '200': {
            description: 'The questionnaire',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
    '/tasks': {
      get: {
        operationId: 'GetSecurityTasks',
        summary:
          'Users only. "My security tasks": the first page of every list of what the signed-in user owes, with each list\'s total. Approvals are for security leads and never hold their own requests.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'How many items of each list.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 50,
              default: 5,
            },
          },
        ],
        responses: {
          '200': {
            description: "Every list's first page and total",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SecurityTasks',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tasks/{list}': {
      get: {
        operationId: 'ListSecurityTasks',
        summary: 'Users only. One page of one list of "My security tasks".',
        parameters: [
          {
            name: 'list',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/TaskList',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 20,
            },
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'A page of the list and the size of the whole list',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalCount', 'limit', 'offset'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        oneOf: [
                          {
                            $ref: '#/components/schemas/ApprovalTask',
                          },
                          {
                            $ref: '#/components/schemas/SignOffTask',
                          },
                          {
                            $ref: '#/components/schemas/ExpiringExceptionTask',
                          },
                          {
                            $ref: '#/components/schemas/ContainmentTask',
                          },
                          {
                            $ref: '#/components/schemas/ComponentTask',
                          },
                        ],
                      },
                    },
                    totalCount: {
                      type: 'integer',
                      minimum: 0,
                    },
                    limit: {
                      type: 'integer',
                    },
                    offset: {
                      type: 'integer',
                    },
                  },
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/facets': {
      get: {
        operationId: 'GetOrgFacets',
        summary:
          'Security leads, or the subtrees of groups a permission policy grants (see scope). The groups (with parents), systems, domains, tiers, lifecycles and types to filter by.',
        responses: {
          '200': {
            description: 'Facets',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/overview': {
      get: {
        operationId: 'GetOrgOverview',
        summary:
          'Security leads, or a granted subtree of groups. Headline, score distribution, rollups by group (with nested groups), system and domain with the practice heatmap (scores, and targets and gaps to target), gate bottlenecks, expiring and expired exceptions and RASI coverage; with since, the progress since that day.',
        parameters: [
          {
            $ref: '#/components/parameters/orgOwner',
          },
          {
            $ref: '#/components/parameters/orgSystem',
          },
          {
            $ref: '#/components/parameters/orgDomain',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            $ref: '#/components/parameters/orgWithinDays',
          },
          {
            $ref: '#/components/parameters/orgSince',
          },
        ],
        responses: {
          '200': {
            description: 'Overview',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/components': {
      get: {
        operationId: 'ListOrgComponents',
        summary:
          'Security leads, or a granted subtree of groups. One page of scored components, filtered and sorted on the server.',
        parameters: [
          {
            $ref: '#/components/parameters/orgOwner',
          },
          {
            $ref: '#/components/parameters/orgSystem',
          },
          {
            $ref: '#/components/parameters/orgDomain',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            $ref: '#/components/parameters/orgSort',
          },
          {
            $ref: '#/components/parameters/orgOrder',
          },
          {
            $ref: '#/components/parameters/orgLimit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description:
              'A page of components and the total of the filtered set',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/trend': {
      get: {
        operationId: 'GetOrgTrend',
        summary:
          'Security leads, or a granted subtree of groups. Daily mean scores of the filtered components, from the snapshots.',
        parameters: [
          {
            $ref: '#/components/parameters/orgOwner',
          },
          {
            $ref: '#/components/parameters/orgSystem',
          },
          {
            $ref: '#/components/parameters/orgDomain',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            name: 'days',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3650,
              default: 180,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Trend points, oldest first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/metrics-pack': {
      get: {
        operationId: 'GetMetricsPack',
        summary:
          'Security leads, or a granted subtree of groups. The quarterly metrics pack of an org unit as CSV (one block per section) or XLSX (one sheet per section).',
        parameters: [
          {
            $ref: '#/components/parameters/orgOwner',
          },
          {
            $ref: '#/components/parameters/orgSystem',
          },
          {
            $ref: '#/components/parameters/orgDomain',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            name: 'quarter',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^\\d{4}-Q[1-4]$',
            },
          },
          {
            name: 'format',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['csv', 'xlsx'],
              default: 'xlsx',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The pack',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
                {
                  schema: {
                    type: 'string',
                    format: 'binary',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/staffing/capacity': {
      get: {
        operationId: 'GetStaffingCapacity',
        summary:
          "Security leads (the filtered organisation), and owners (their own components). The capacity view of the org page - each security partner's load (components they support as Supportive, org-wide; in components or hours as configured) against their capacity in the quarter, over-allocated partners flagged, and the scope's components without a partner or without an Accountable.",
        parameters: [
          {
            $ref: '#/components/parameters/orgOwner',
          },
          {
            $ref: '#/components/parameters/orgSystem',
          },
          {
            $ref: '#/components/parameters/orgDomain',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            $ref: '#/components/parameters/staffingQuarter',
          },
        ],
        responses: {
          '200': {
            description: 'The capacity view',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'PutStaffingCapacity',
        summary:
          "Security leads only. Sets one security partner's capacity in a quarter, at the version read (0 to create; a stale version gets 409). Audited.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['partnerRef', 'quarter', 'capacity', 'version'],
                properties: {
                  partnerRef: {
                    type: 'string',
                    minLength: 3,
                    maxLength: 255,
                  },
                  quarter: {
                    type: 'string',
                    pattern: '^\\d{4}-Q[1-4]$',
                  },
                  capacity: {
                    type: 'number',
                    minimum: 0,
                    maximum: 100000,
                  },
                  version: {
                    type: 'integer',
                    minimum: 0,
                    maximum: 2147483647,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: "The partner's capacity and load in the quarter",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/staffing/workbook': {
      get: {
        operationId: 'GetStaffingWorkbook',
        summary:
          "Security leads (the filtered organisation), and owners (their own components). The staffing, capacity and RASI workbook as XLSX - sheets About, RASI (component x activity, with each assignment's version), Staffing (partner, team, quarter, capacity, unit, load, utilisation, version) and Coverage (activities without an Accountable, components without a Supportive partner). Text cells are always text, never formulas. Audited.",
        parameters: [
          {
            $ref: '#/components/parameters/orgOwner',
          },
          {
            $ref: '#/components/parameters/orgSystem',
          },
          {
            $ref: '#/components/parameters/orgDomain',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            $ref: '#/components/parameters/staffingQuarter',
          },
        ],
        responses: {
          '200': {
            description: 'The workbook',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
                {
                  schema: {
                    type: 'string',
                    format: 'binary',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/staffing/workbook/preview': {
      post: {
        operationId: 'PreviewStaffingWorkbook',
        summary:
          "Security leads, and owners (their own components). A dry run of a filled workbook of the exported layout - every change per component (assignments added or changed, people added to and removed from each role; capacity changes) and every problem with its sheet, row and column (unknown user or group, two Accountables, an activity the workflow does not have, a component changed since the export, a component the caller may not change), and the capacity view before and after. Nothing is written. Only .xlsx (415 for other types, macro-enabled .xlsm and legacy .xls, judged by Content-Type and the file's bytes); 413 above the size limit; 400 naming a missing sheet or column.",
        parameters: [
          {
            $ref: '#/components/parameters/staffingWorkbookName',
          },
          {
            $ref: '#/components/parameters/staffingQuarter',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
              {
                schema: {
                  type: 'string',
                  format: 'binary',
                },
              },
          },
        },
        responses: {
          '200': {
            description: 'The preview',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '415': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/staffing/workbook/apply': {
      post: {
        operationId: 'ApplyStaffingWorkbook',
        summary:
          "Applies a filled workbook as its preview describes it - each component's changes through the records service in one transaction (all or nothing per component, each assignment at the version exported, audited, with a history row naming the workbook); components with a problem or changed since the export are not written; then the capacities (security leads only). The same refusals as the preview, which write nothing.",
        parameters: [
          {
            $ref: '#/components/parameters/staffingWorkbookName',
          },
          {
            $ref: '#/components/parameters/staffingQuarter',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
              {
                schema: {
                  type: 'string',
                  format: 'binary',
                },
              },
          },
        },
        responses: {
          '200': {
            description: 'What was written and what was refused',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '415': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/units/{kind}/{namespace}/{name}/overview': {
      get: {
        operationId: 'GetOrgUnitOverview',
        summary:
          'The team view of a group (nested groups included), a system or a domain - the Security tab of its entity page. For members of the group or of a group above it, owners of the system or domain (or members of a group above the owner), security leads, and whoever a permission policy grants the unit. Counts and scores only, as on the org page.',
        parameters: [
          {
            $ref: '#/components/parameters/orgUnitKind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/orgWithinDays',
          },
          {
            $ref: '#/components/parameters/orgSince',
          },
        ],
        responses: {
          '200': {
            description: 'Overview of the components below the unit',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/units/{kind}/{namespace}/{name}/components': {
      get: {
        operationId: 'ListOrgUnitComponents',
        summary:
          'One page of the components below a group, system or domain, for whoever may read its team view.',
        parameters: [
          {
            $ref: '#/components/parameters/orgUnitKind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/orgTier',
          },
          {
            $ref: '#/components/parameters/orgLifecycle',
          },
          {
            $ref: '#/components/parameters/orgType',
          },
          {
            $ref: '#/components/parameters/orgQ',
          },
          {
            $ref: '#/components/parameters/orgSort',
          },
          {
            $ref: '#/components/parameters/orgOrder',
          },
          {
            $ref: '#/components/parameters/orgLimit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'A page of components and the total below the unit',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/campaigns': {
      get: {
        operationId: 'ListCampaigns',
        summary:
          "Security leads, or a granted subtree of groups. The campaigns (active ones; with includeArchived, archived ones too), each with how many components of its scope meet its goal now, counted within the reader's view.",
        parameters: [
          {
            name: 'includeArchived',
            in: 'query',
            required: false,
            schema: {
              type: 'boolean',
              default: false,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The campaigns, by target date',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'CreateCampaign',
        summary:
          "Security leads (permission security-maturity.campaign.manage may narrow). A goal over a scope of components (the org page's filters) by a target date. A goal naming an unknown practice, stage or activity, an empty scope or a target date before the start gets 400 naming the field; nothing is written.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CampaignInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The campaign',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/campaigns/{campaignId}': {
      get: {
        operationId: 'GetCampaign',
        summary:
          "Security leads, or a granted subtree of groups. A campaign, how many components meet its goal now, and its burn-up per day (from the score snapshots for goals of practice scores; otherwise from the campaign's own daily counts since it exists).",
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
        ],
        responses: {
          '200': {
            description: 'The campaign, its progress and burn-up',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'UpdateCampaign',
        summary:
          'Security leads. Changes a campaign; a stale version gets 409.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CampaignUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The campaign',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/campaigns/{campaignId}/archive': {
      post: {
        operationId: 'ArchiveCampaign',
        summary:
          'Security leads. Archives a campaign; it stops reminding and leaves the Security tabs.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['version'],
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 2147483647,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The archived campaign',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/org/campaigns/{campaignId}/missing': {
      get: {
        operationId: 'ListCampaignMissing',
        summary:
          'Security leads, or a granted subtree of groups. One page of the components of the scope that do not meet the goal yet, with their owners, by owner; paged on the server.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
          {
            $ref: '#/components/parameters/orgLimit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'A page of components and the total still missing',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/campaigns': {
      get: {
        operationId: 'GetEntityCampaigns',
        summary:
          'Whoever may read the entity. The active campaigns whose scope covers it, what each asks of it and by when, and whether it meets that now.',
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
            description: 'The campaigns',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
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
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
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
