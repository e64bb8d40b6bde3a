import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ROADMAP_LIMITS,
  SAMM_ANSWER_VALUES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { RecordsService } from '../service/RecordsService';
import { CHANGES, entityInput, entityPathOf, READS } from './entityInput';

type Deps = {
  actionsRegistry: ActionsRegistryService;
  records: RecordsService;
};

/**
 * A component's roadmap as actions, through the records service with the
 * caller's credentials: read it with its projections and progress, and
 * create or replace a phase (owners and security leads, versioned).
 */
export function registerRoadmapActions({ actionsRegistry, records }: Deps) {
  actionsRegistry.register({
    name: 'get-roadmap',
    title: "Read a component's SAMM roadmap",
    description:
      "The component's planned SAMM improvements in phases: each item's activity, planned answer, due day, owner (set, else the RASI Responsible, else the component owner) and whether it is done; the projected overall score and percent to target after each phase (OWASP SAMM toolbox formula); and whether the actual score on each phase's due day met the plan (met, missed, upcoming).",
    attributes: READS,
    schema: {
      input: z => entityInput(z, {}),
      output: z =>
        z.object({
          currentOverall: z.number(),
          target: z.number().nullable(),
          canEdit: z.boolean(),
          phases: z.array(
            z.object({
              phase: z.number(),
              name: z.string(),
              version: z.number(),
              dueOn: z.string().nullable(),
              projectedOverall: z.number(),
              percentToTarget: z.number().nullable(),
              actualOverall: z.number().nullable(),
              status: z.string(),
              items: z.array(
                z.object({
                  activityId: z.string(),
                  plannedAnswer: z.number(),
                  dueOn: z.string(),
                  owner: z.string().nullable(),
                  ownerSource: z.string(),
                  done: z.boolean(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const roadmap = await records.getRoadmap(
        { credentials },
        entityPathOf(input.entityRef),
      );
      return {
        output: {
          currentOverall: roadmap.current.overall,
          target: roadmap.target,
          canEdit: roadmap.canEdit,
          phases: roadmap.phases.map(p => ({
            phase: p.phase,
            name: p.name,
            version: p.version,
            dueOn: p.progress.dueOn,
            projectedOverall: p.projected.overall,
            percentToTarget: p.projected.percentToTarget,
            actualOverall: p.progress.actualOverall,
            status: p.progress.status,
            items: p.items.map(i => ({
              activityId: i.activityId,
              plannedAnswer: i.plannedAnswer,
              dueOn: i.dueOn,
              owner: i.owner,
              ownerSource: i.ownerSource,
              done: i.done,
            })),
          })),
        },
      };
    },
  });

  const [a0, a1, a2, a3] = SAMM_ANSWER_VALUES;
  actionsRegistry.register({
    name: 'set-roadmap-phase',
    title: "Plan a phase of a component's SAMM roadmap",
    description:
      "Creates (version 0) or replaces one phase of the component's roadmap (its owners or a security lead): a name and items, each a SAMM activity ID (e.g. D-TA-2-A), the planned answer (0, 0.25, 0.5 or 1), the due day (YYYY-MM-DD) and optionally an owner (user or group ref). Pass the phase's version from get-roadmap; a stale version is refused with who changed it since.",
    attributes: CHANGES,
    schema: {
      input: z =>
        entityInput(z, {
          phase: z.number().int().min(1).max(ROADMAP_LIMITS.phases),
          version: z
            .number()
            .int()
            .min(0)
            .describe('The phase version as read (0 to create it)'),
          name: z.string().min(1).max(200),
          items: z
            .array(
              z.object({
                activityId: z
                  .string()
                  .max(16)
                  .describe('A SAMM activity ID such as D-TA-2-A'),
                plannedAnswer: z.union([
                  z.literal(a0),
                  z.literal(a1),
                  z.literal(a2),
                  z.literal(a3),
                ]),
                dueOn: z.string().max(10).describe('YYYY-MM-DD'),
                ownerRef: z.string().max(255).optional(),
              }),
            )
            .max(ROADMAP_LIMITS.items),
        }),
      output: z =>
        z.object({
          phase: z.number(),
          name: z.string(),
          version: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, phase, ...body } = input;
      const saved = await records.putRoadmapPhase(
        { credentials },
        entityPathOf(entityRef),
        phase,
        body,
      );
      return {
        output: {
          phase: saved.phase,
          name: saved.name,
          version: saved.version,
        },
      };
    },
  });
}
