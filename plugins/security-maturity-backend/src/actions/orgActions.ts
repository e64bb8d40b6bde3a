import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { OrgService } from '../org/OrgService';

/** The org rollup for security leads (the org views' own access check). */
export function registerOrgActions(deps: {
  actionsRegistry: ActionsRegistryService;
  org: OrgService;
}) {
  deps.actionsRegistry.register({
    name: 'get-org-rollup',
    title: 'Security maturity of a group or the whole organisation',
    description:
      "For security leads: the mean OWASP SAMM score (0–3) and percent to target of a group's components (nested groups included) or of the whole organisation, how many are below target, each group's figures, and the exceptions expired or expiring within 30 days.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          group: z
            .string()
            .optional()
            .describe(
              'A group entity ref such as group:default/payments-team; the whole organisation when left out',
            ),
        }),
      output: z =>
        z.object({
          components: z.number(),
          overall: z.number(),
          percentToTarget: z.number().nullable(),
          belowTarget: z.number(),
          groups: z.array(
            z.object({
              ref: z.string(),
              title: z.string(),
              components: z.number(),
              overall: z.number(),
              percentToTarget: z.number().nullable(),
              belowTarget: z.number(),
            }),
          ),
          exceptionsExpired: z.number(),
          exceptionsExpiring: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const overview = await deps.org.overview(
        { credentials },
        input.group ? { owner: input.group } : {},
        30,
      );
      return {
        output: {
          components: overview.components,
          overall: overview.overall,
          percentToTarget: overview.percentToTarget,
          belowTarget: overview.belowTarget,
          groups: overview.groups.map(g => ({
            ref: g.ref,
            title: g.title,
            components: g.components,
            overall: g.overall,
            percentToTarget: g.percentToTarget,
            belowTarget: g.belowTarget,
          })),
          exceptionsExpired: overview.exceptions.expired,
          exceptionsExpiring: overview.exceptions.expiring,
        },
      };
    },
  });

  deps.actionsRegistry.register({
    name: 'get-metrics-pack-summary',
    title: 'Quarterly security metrics of a group or the organisation',
    description:
      "For security leads: the summary of the quarterly metrics pack for a quarter (such as 2026-Q4) and optionally a group: components, mean OWASP SAMM score at the quarter's start and end and the change, the mean now, components below target, and the OWASP SAMM benchmark. The full pack (ten sheets) is the org page's export.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          quarter: z
            .string()
            .regex(/^\d{4}-Q[1-4]$/)
            .describe('The quarter, such as 2026-Q4'),
          group: z
            .string()
            .optional()
            .describe(
              'A group entity ref; the whole organisation when left out',
            ),
        }),
      output: z =>
        z.object({
          summary: z.array(
            z.object({ metric: z.string(), value: z.string().nullable() }),
          ),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        summary: await deps.org.metricsPackSummary(
          { credentials },
          input.group ? { owner: input.group } : {},
          input.quarter,
        ),
      },
    }),
  });
}
