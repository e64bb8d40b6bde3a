import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { findStage } from '../domain/stageRules';
import { toHttpError } from '../service/OperationRunner';
import { RecordsService } from '../service/RecordsService';
import { CHANGES, entityInput, entityPathOf } from './entityInput';

type Deps = {
  actionsRegistry: ActionsRegistryService;
  records: RecordsService;
  workflow: WorkflowConfig;
};

const VERSION_DESCRIPTION =
  'The version of the record as read (0 to create it); a stale version is refused with who changed it since';

/**
 * Changes through the records service, as the caller: the same ownership
 * checks, segregation of duties, versions, history and audit as the REST API.
 */
export function registerChangeActions({
  actionsRegistry,
  records,
  workflow,
}: Deps) {
  const as = (credentials: BackstageCredentials) => ({ credentials });

  actionsRegistry.register({
    name: 'set-intake',
    title: "Record a component's intake classification",
    description:
      "Classifies a component (its owners or a security lead): data classification, new integrations, auth-flow changes, internet exposure and regulatory obligations. The answers decide the risk tier, which decides the stage gates it needs and its target score. Pass get-security-summary's intakeVersion (0 when not classified yet); a material change re-opens threat modeling.",
    attributes: CHANGES,
    schema: {
      input: z =>
        entityInput(z, {
          version: z.number().int().min(0).describe(VERSION_DESCRIPTION),
          dataClassification: z
            .string()
            .describe(`One of ${workflow.dataClassifications.join(', ')}`),
          newIntegrations: z.boolean(),
          authFlowChanges: z.boolean(),
          internetExposure: z.boolean(),
          regulatoryObligations: z.array(z.string().max(100)).max(20),
          notes: z.string().max(2000).optional(),
        }),
      output: z =>
        z.object({
          tier: z.string(),
          tierReason: z.string(),
          version: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, ...answers } = input;
      const intake = await records.putIntake(
        as(credentials),
        entityPathOf(entityRef),
        answers,
      );
      return {
        output: {
          tier: intake.tier,
          tierReason: intake.tierReason,
          version: intake.version,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'set-exit-criterion',
    title: "Tick or untick a stage gate's exit criterion",
    description:
      "Marks one exit criterion of a secure-SDLC stage (for example threat-modeling / risks-documented) done or not done, optionally with an evidence link. A stage not started moves to in progress. Pass the stage's version as read (0 if the stage has no record yet).",
    attributes: CHANGES,
    schema: {
      input: z =>
        entityInput(z, {
          stageId: z
            .string()
            .describe(`One of ${workflow.stages.map(s => s.id).join(', ')}`),
          criterionId: z.string(),
          done: z.boolean(),
          evidence: z
            .object({ title: z.string().max(200), url: z.string().url() })
            .optional(),
          version: z.number().int().min(0).describe(VERSION_DESCRIPTION),
        }),
      output: z =>
        z.object({
          stageId: z.string(),
          status: z.string(),
          version: z.number(),
          criteriaDone: z.number(),
          criteria: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const caller = as(credentials);
      const path = entityPathOf(input.entityRef);
      const stage = wrap(() => findStage(workflow, input.stageId));
      if (!stage.exitCriteria.some(c => c.id === input.criterionId)) {
        throw new InputError(
          `Stage '${stage.id}' has no exit criterion '${input.criterionId}'`,
        );
      }
      const current = (await records.getEntityRecord(caller, path)).stages.find(
        s => s.stageId === stage.id,
      );
      const checklist = stage.exitCriteria.map(c => {
        const stored = current?.checklist.find(i => i.criterionId === c.id);
        if (c.id !== input.criterionId) {
          return stored ?? { criterionId: c.id, done: false, evidence: [] };
        }
        const evidence = [...(stored?.evidence ?? [])];
        if (input.evidence) evidence.push(input.evidence);
        return { criterionId: c.id, done: input.done, evidence };
      });
      const status =
        !current || current.status === 'not_started'
          ? 'in_progress'
          : current.status;
      const saved = await records.putStage(caller, path, stage.id, {
        version: input.version,
        status,
        checklist,
        notes: current?.notes,
        reason: current?.reason,
      });
      return {
        output: {
          stageId: saved.stageId,
          status: saved.status,
          version: saved.version,
          criteriaDone: saved.checklist.filter(c => c.done).length,
          criteria: saved.checklist.length,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'set-rasi-assignment',
    title: 'Assign who is Responsible, Accountable, Supportive and Informed',
    description: `Sets the RASI of one security activity of a component (its owners or a security lead): exactly one Accountable (who signs off the activity's stage gate and is asked first), and lists of Responsible, Supportive (for example a security champion) and Informed. Each is a catalog user or group ref such as group:default/payments-team. Replaces the whole assignment of that activity: lists left out become empty, so pass the current ones (get-security-summary's rasi) to change only the Accountable. Activities: ${workflow.rasiActivities
      .map(a => a.id)
      .join(', ')}.`,
    attributes: CHANGES,
    schema: {
      input: z => {
        const people = (role: string) =>
          z
            .array(z.string())
            .max(50)
            .default([])
            .describe(`${role}: user or group refs (empty when left out)`);
        return entityInput(z, {
          activityId: z
            .string()
            .describe(
              `One of ${workflow.rasiActivities.map(a => a.id).join(', ')}`,
            ),
          accountable: z
            .string()
            .describe(
              'Exactly one user or group ref, e.g. user:default/alex.rivera',
            ),
          responsible: people('Responsible'),
          supportive: people('Supportive'),
          informed: people('Informed'),
          version: z
            .number()
            .int()
            .min(0)
            .describe(
              "The activity's RASI version as read (0 to create it); a stale version is refused with who changed it since",
            ),
        });
      },
      output: z =>
        z.object({
          activityId: z.string(),
          accountable: z.string(),
          responsible: z.array(z.string()),
          supportive: z.array(z.string()),
          informed: z.array(z.string()),
          version: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, activityId, ...assignment } = input;
      const saved = await records.putRasiAssignment(
        as(credentials),
        entityPathOf(entityRef),
        activityId,
        assignment,
      );
      return {
        output: {
          activityId: saved.activityId,
          accountable: saved.accountable,
          responsible: saved.responsible,
          supportive: saved.supportive,
          informed: saved.informed,
          version: saved.version,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'attest-samm-answer',
    title: 'Attest an OWASP SAMM self-assessment answer',
    description:
      "An owner's answer to one SAMM activity where no evidence answers it: 0 (no), 0.25 (for some), 0.5 (for at least half) or 1 (for most or all). Evidence answers always take precedence; attested answers go stale after a configured age.",
    attributes: CHANGES,
    schema: {
      input: z =>
        entityInput(z, {
          activityId: z
            .string()
            .describe('A SAMM activity ID such as G-EG-1-A'),
          value: z.union([
            z.literal(0),
            z.literal(0.25),
            z.literal(0.5),
            z.literal(1),
          ]),
          notes: z.string().max(2000).optional(),
          version: z.number().int().min(0).describe(VERSION_DESCRIPTION),
        }),
      output: z =>
        z.object({
          activityId: z.string(),
          value: z.number(),
          version: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, activityId, ...answer } = input;
      const saved = await records.putAssessmentAnswer(
        as(credentials),
        entityPathOf(entityRef),
        activityId,
        answer,
      );
      return {
        output: {
          activityId: saved.activityId,
          value: saved.value,
          version: saved.version,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'request-exception',
    title: 'Request an exception to a platform baseline control',
    description: `Asks a security lead to accept a deviation from a baseline control (${workflow.baselineControls
      .map(c => c.id)
      .join(
        ', ',
      )}) until an expiry date, with justification, compensating controls and a risk rating. Creates a new request each time; nobody may approve their own.`,
    attributes: CHANGES,
    schema: {
      input: z =>
        entityInput(z, {
          controlId: z.string(),
          justification: z.string().min(1).max(4000),
          compensatingControls: z.string().min(1).max(4000),
          riskRating: z.enum(['low', 'medium', 'high', 'critical']),
          expiresAt: z
            .string()
            .datetime()
            .describe('ISO 8601, within the configured maximum'),
        }),
      output: z =>
        z.object({ id: z.string(), status: z.string(), expiresAt: z.string() }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, ...request } = input;
      const created = await records.requestException(
        as(credentials),
        entityPathOf(entityRef),
        request,
      );
      return {
        output: {
          id: created.id,
          status: created.status,
          expiresAt: created.expiresAt,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'record-material-change',
    title: 'Record a material change of a component',
    description:
      'Records a material change (a new integration, an authentication or authorization change, new sensitive data) and re-opens threat modeling, clearing its sign-off. Use it when a change makes the threat model out of date.',
    attributes: { destructive: true, idempotent: false },
    schema: {
      input: z =>
        entityInput(z, {
          kind: z.enum([
            'new-integration',
            'auth-change',
            'new-sensitive-data',
            'other',
          ]),
          description: z.string().min(1).max(2000),
        }),
      output: z =>
        z.object({
          stageId: z.string(),
          status: z.string(),
          reopenedReason: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, ...change } = input;
      const stage = await records.recordMaterialChange(
        as(credentials),
        entityPathOf(entityRef),
        change,
      );
      return {
        output: {
          stageId: stage.stageId,
          status: stage.status,
          reopenedReason: stage.reopenedReason,
        },
      };
    },
  });
}

/** A domain rule's refusal as the error the REST API would answer. */
function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toHttpError(error);
  }
}
