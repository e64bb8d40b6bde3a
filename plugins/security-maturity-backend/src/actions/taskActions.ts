import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  SECURITY_TASK_LISTS,
  SecurityTaskItems,
  SecurityTaskList,
} from '@secmat/backstage-plugin-security-maturity-common';
import { EXPIRING_WITHIN_DAYS, TasksService } from '../service/TasksService';
import { READS, Zod } from './entityInput';

/** What each list holds, for the model to explain it and to page the right one. */
const LIST_DESCRIPTIONS: Record<SecurityTaskList, string> = {
  approvals:
    'exception requests waiting for a security lead (only for leads, never their own requests)',
  signoffs:
    'cleared stage gates waiting for the sign-off of their Accountable in RASI: the caller or one of their groups',
  expiring: `approved exceptions of the caller's components expiring within ${EXPIRING_WITHIN_DAYS} days, and expired ones`,
  containment:
    'open incident or drill worksheets whose containment (isolate, revoke, freeze, recover) names the caller or one of their groups',
  components:
    "the caller's components never classified at intake, or scored below their tier's target",
};

/** One task as the action tells it: the same shape for every list. */
type TaskLine = {
  entityRef: string;
  title: string;
  detail: string;
  recordId?: string;
};

type ListOutput = { totalCount: number; items: TaskLine[] };

const day = (iso: string) => iso.slice(0, 10);

/** Each list's items as lines a model reads alike. */
const LINES: {
  [L in SecurityTaskList]: (item: SecurityTaskItems[L]) => TaskLine;
} = {
  approvals: i => ({
    entityRef: i.entityRef,
    title: `Exception to ${i.controlTitle}`,
    detail: `${i.riskRating} risk, requested by ${i.requestedBy} on ${day(
      i.requestedAt,
    )}, would last until ${day(i.expiresAt)}`,
    recordId: i.exceptionId,
  }),
  signoffs: i => ({
    entityRef: i.entityRef,
    title: `Sign off ${i.stageTitle}`,
    detail: `${i.status.replace('_', ' ')} since ${day(i.since)}; ${
      i.accountable
    } is Accountable`,
    recordId: i.stageId,
  }),
  expiring: i => ({
    entityRef: i.entityRef,
    title: `Exception to ${i.controlTitle}`,
    detail: `${i.status === 'expired' ? 'expired' : 'expires'} on ${day(
      i.expiresAt,
    )} (${i.riskRating} risk)`,
    recordId: i.exceptionId,
  }),
  containment: i => ({
    entityRef: i.entityRef,
    title: i.title,
    detail: `${i.kind} started ${day(i.startedAt)}, ${
      i.containedAt ? `contained ${day(i.containedAt)}` : 'not contained yet'
    }; the caller owns ${i.actions.join(', ')}`,
    recordId: i.worksheetId,
  }),
  components: i => ({
    entityRef: i.entityRef,
    title: i.entityRef,
    detail:
      i.reason === 'no-intake'
        ? 'not classified at intake, so it has no tier and no target'
        : `score ${(i.overall ?? 0).toFixed(2)} of 3, below tier ${
            i.tier
          }'s target ${i.target}`,
  }),
};

const linesOf = <L extends SecurityTaskList>(
  list: L,
  page: { totalCount: number; items: Array<SecurityTaskItems[L]> },
): ListOutput => ({
  totalCount: page.totalCount,
  items: page.items.map(LINES[list]),
});

const listSchema = (z: Zod, list: SecurityTaskList) =>
  z
    .object({
      totalCount: z.number().describe('How many items the whole list has'),
      items: z.array(
        z.object({
          entityRef: z.string(),
          title: z.string(),
          detail: z
            .string()
            .describe('Why it is the caller’s task, and by when'),
          recordId: z
            .string()
            .optional()
            .describe('The exception, stage or worksheet in the Security tab'),
        }),
      ),
    })
    .optional()
    .describe(LIST_DESCRIPTIONS[list]);

/** "My security tasks" for assistants: the same service as the tasks page. */
export function registerTaskActions(deps: {
  actionsRegistry: ActionsRegistryService;
  tasks: TasksService;
}) {
  deps.actionsRegistry.register({
    name: 'get-my-security-tasks',
    title: 'My security tasks',
    description: `What the signed-in person owes on security, list by list: ${SECURITY_TASK_LISTS.map(
      l => `${l}: ${LIST_DESCRIPTIONS[l]}`,
    ).join(
      '; ',
    )}. Without a list: the first items of every list with each list's total; with a list: one page of it. Use it for "what do I need to do?" or "what is waiting for my approval or sign-off?". For people, not services.`,
    attributes: READS,
    schema: {
      input: z =>
        z.object({
          list: z
            .enum(SECURITY_TASK_LISTS)
            .optional()
            .describe('One list to page through; every list when left out'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(50)
            .optional()
            .describe('Items per list (default 5)'),
          offset: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Items of the list to skip (with `list` only)'),
        }),
      output: z =>
        z.object({
          isSecurityLead: z
            .boolean()
            .optional()
            .describe('Only security leads have approvals'),
          lists: z.object({
            approvals: listSchema(z, 'approvals'),
            signoffs: listSchema(z, 'signoffs'),
            expiring: listSchema(z, 'expiring'),
            containment: listSchema(z, 'containment'),
            components: listSchema(z, 'components'),
          }),
        }),
    },
    action: async ({ input, credentials }) => {
      const caller = { credentials };
      const limit = input.limit ?? 5;
      if (input.list) {
        const page = await deps.tasks.list(caller, input.list, {
          limit,
          offset: input.offset ?? 0,
        });
        return {
          output: { lists: { [input.list]: linesOf(input.list, page) } },
        };
      }
      const all = await deps.tasks.summary(caller, limit);
      const lists: Partial<Record<SecurityTaskList, ListOutput>> = {};
      for (const list of SECURITY_TASK_LISTS) {
        lists[list] = linesOf(list, all.lists[list]);
      }
      return { output: { isSecurityLead: all.isSecurityLead, lists } };
    },
  });
}
