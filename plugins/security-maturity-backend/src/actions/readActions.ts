import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import {
  nextSteps,
  normalizeSammActivityId,
  SAMM_QUESTIONS,
  scoreGain,
  summarizeRecords,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { RecordsService } from '../service/RecordsService';
import { entityInput, entityPathOf, READS, Zod } from './entityInput';

type Deps = {
  actionsRegistry: ActionsRegistryService;
  records: RecordsService;
  workflow: WorkflowConfig;
};

/**
 * Read actions on one component: each goes through the records service with
 * the caller's own credentials, so it sees exactly what the Security tab
 * shows that person.
 */
export function registerReadActions({
  actionsRegistry,
  records,
  workflow,
}: Deps) {
  const load = async (
    credentials: Parameters<typeof records.getEntityRecord>[0]['credentials'],
    entityRef: string,
  ) => {
    const caller = { credentials };
    const path = entityPathOf(entityRef);
    const [record, score] = await Promise.all([
      records.getEntityRecord(caller, path),
      records.getEntityScore(caller, path),
    ]);
    return { record, score };
  };

  const stepSchema = (z: Zod) =>
    z.object({
      kind: z.enum(['blocker', 'score']),
      title: z.string(),
      detail: z.string().optional(),
      section: z.string(),
      gainOverall: z
        .number()
        .optional()
        .describe('What the step adds to the overall score (0–3 scale)'),
      gainFunction: z
        .string()
        .optional()
        .describe('The business function the gain falls in, with its gain'),
    });
  const toStep = (s: ReturnType<typeof nextSteps>[number]) => ({
    kind: s.kind,
    title: s.title,
    detail: s.detail,
    section: s.section,
    gainOverall: s.gain?.overall,
    gainFunction: s.gain
      ? `${s.gain.functionName} +${s.gain.function.toFixed(2)}`
      : undefined,
  });

  actionsRegistry.register({
    name: 'get-security-summary',
    title: 'Security summary of a component',
    description:
      "Where a catalog component stands on security: its risk tier, OWASP SAMM score (0–3) against the tier's target, stage gates cleared, open and expired exceptions, open incident worksheets, and its three most important next steps. Use it first when asked how secure or how mature a service is.",
    attributes: READS,
    schema: {
      input: z => entityInput(z, {}),
      output: z =>
        z.object({
          entityRef: z.string(),
          version: z
            .number()
            .describe(
              'The version of all the records together (it increases with every change); the change actions take the version of the record they change, such as intakeVersion or a rasi version',
            ),
          tier: z.string().nullable(),
          intakeVersion: z
            .number()
            .describe(
              "The intake's version (0 when not classified); pass it to set-intake",
            ),
          rasi: z
            .array(
              z.object({
                activityId: z.string(),
                accountable: z.string(),
                responsible: z.array(z.string()),
                supportive: z.array(z.string()),
                informed: z.array(z.string()),
                version: z
                  .number()
                  .describe('Pass it to set-rasi-assignment to change it'),
              }),
            )
            .describe(
              'Who is Responsible, Accountable, Supportive and Informed, per security activity assigned',
            ),
          overall: z.number(),
          target: z.number().nullable(),
          percentToTarget: z.number().nullable(),
          gatesCleared: z.number(),
          gatesRequired: z.number(),
          openExceptions: z.number(),
          expiredExceptions: z.number(),
          openWorksheets: z.number(),
          nextSteps: z.array(stepSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const { record, score } = await load(credentials, input.entityRef);
      const summary = summarizeRecords(record);
      return {
        output: {
          entityRef: record.entityRef,
          version: record.version,
          tier: record.intake?.tier ?? null,
          intakeVersion: record.intake?.version ?? 0,
          rasi: record.rasi.map(r => ({
            activityId: r.activityId,
            accountable: r.accountable,
            responsible: r.responsible,
            supportive: r.supportive,
            informed: r.informed,
            version: r.version,
          })),
          overall: score.overall,
          target: score.target,
          percentToTarget: score.percentToTarget,
          gatesCleared: summary.clearedGates,
          gatesRequired: summary.requiredGates,
          openExceptions: summary.openExceptions,
          expiredExceptions: summary.expiredExceptions,
          openWorksheets: summary.openWorksheets,
          nextSteps: nextSteps({ record, score, config: workflow })
            .slice(0, 3)
            .map(toStep),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-next-steps',
    title: 'Next steps for a component',
    description:
      "What to do next on a catalog component to move it toward its tier's target: blockers first (intake missing, nobody Accountable for a sign-off, exceptions expiring or expired, stages re-opened), then the OWASP SAMM activities whose answer would add most to the score, each with the gain the SAMM toolbox formula gives it.",
    attributes: READS,
    schema: {
      input: z =>
        entityInput(z, {
          limit: z
            .number()
            .int()
            .min(0)
            .max(20)
            .optional()
            .describe('How many score steps at most (default 5)'),
        }),
      output: z => z.object({ steps: z.array(stepSchema(z)) }),
    },
    action: async ({ input, credentials }) => {
      const { record, score } = await load(credentials, input.entityRef);
      return {
        output: {
          steps: nextSteps({
            record,
            score,
            config: workflow,
            limit: input.limit,
          }).map(toStep),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'explain-samm-activity',
    title: 'Explain one OWASP SAMM answer of a component',
    description:
      "Why a component has its answer to one OWASP SAMM activity (for example D-TA-1-A, Threat Assessment level 1 stream A): the value (0, 0.25, 0.5 or 1), where it came from (evidence in its records, an owner's attestation, or none), the rationale with links, the question, and what raising it to 1 would add to the score.",
    attributes: READS,
    schema: {
      input: z =>
        entityInput(z, {
          activityId: z
            .string()
            .describe(
              'A SAMM activity ID such as D-TA-1-A (D-TA-A-1 works too)',
            ),
        }),
      output: z =>
        z.object({
          activityId: z.string(),
          value: z.number(),
          source: z.enum(['evidence', 'attested', 'none']),
          rationale: z.string(),
          links: z.array(z.object({ title: z.string(), url: z.string() })),
          question: z.string().optional(),
          gainIfAnswered: z
            .number()
            .describe('What an answer of 1 would add to the overall score'),
        }),
    },
    action: async ({ input, credentials }) => {
      const id = normalizeSammActivityId(input.activityId);
      const { score } = await load(credentials, input.entityRef);
      const activity = score.activities.find(a => a.id === id);
      if (!id || !activity) {
        throw new NotFoundError(`No SAMM activity '${input.activityId}'`);
      }
      return {
        output: {
          activityId: id,
          value: activity.value,
          source: activity.source,
          rationale: activity.rationale,
          links: activity.links,
          question: SAMM_QUESTIONS[id],
          gainIfAnswered: scoreGain(score.activities, id, 1).overall,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-my-expiring-exceptions',
    title: 'Exceptions of my components that expire soon or have expired',
    description:
      "The baseline exceptions of the caller's own components (owned by them or their groups) that have expired or expire within the given number of days, soonest first, with the control, risk rating and expiry. Use it for questions like 'which of my services have exceptions expiring this month?'.",
    attributes: READS,
    schema: {
      input: z =>
        z.object({
          withinDays: z
            .number()
            .int()
            .min(0)
            .max(365)
            .optional()
            .describe('Days ahead to look (default 30)'),
        }),
      output: z =>
        z.object({
          exceptions: z.array(
            z.object({
              entityRef: z.string(),
              id: z.string(),
              controlId: z.string(),
              status: z.string(),
              riskRating: z.string(),
              expiresAt: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const found = await records.listMyExpiringExceptions(
        { credentials },
        input.withinDays ?? 30,
      );
      return {
        output: {
          exceptions: found.map(e => ({
            entityRef: e.entityRef,
            id: e.id,
            controlId: e.controlId,
            status: e.status,
            riskRating: e.riskRating,
            expiresAt: e.expiresAt,
          })),
        },
      };
    },
  });
}
