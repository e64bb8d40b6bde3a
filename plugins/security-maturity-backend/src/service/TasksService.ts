import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DAY_MS,
  normalizeEntityRef,
  Page,
  SECURITY_TASK_LISTS,
  SecurityTaskItems,
  SecurityTaskList,
  SecurityTaskPage,
  SecurityTasks,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { AccessControl } from '../access/AccessControl';
import {
  TaskPageRequest,
  TasksReadModel,
} from '../database/tasks/TasksReadModel';
import { Caller } from './Caller';

/** Approved exceptions count as expiring this many days before their expiry. */
export const EXPIRING_WITHIN_DAYS = 30;

/** The largest page of one list. */
export const MAX_TASK_PAGE = 100;

/** A page size within 1 and MAX_TASK_PAGE, whoever calls. */
const clamp = (limit: number) =>
  Math.min(MAX_TASK_PAGE, Math.max(1, Math.floor(limit)));

type Person = {
  actor: string;
  ownershipRefs: string[];
  isSecurityLead: boolean;
  /** The caller's components, normalised; read from the catalog once, when a list needs them. */
  ownedRefs: () => Promise<string[]>;
};

/**
 * "My security tasks": what the signed-in user owes, list by list, each read
 * with one statement of the tasks read model. Who the caller is comes from
 * their verified credentials: ownership refs and lead membership from the
 * user info and configuration, their components from the catalog with their
 * own credentials (so the catalog's read rules and the read permission
 * apply). Reads are not audited, like every other read of the plugin.
 */
export class TasksService {
  constructor(
    private readonly deps: {
      access: Pick<AccessControl, 'forTasks' | 'ownedComponents'>;
      readModel: TasksReadModel;
      workflow: WorkflowConfig;
      clock?: () => Date;
    },
  ) {}

  /** The first `limit` items of every list, with each list's total. */
  async summary(caller: Caller, limit: number): Promise<SecurityTasks> {
    const person = await this.person(caller);
    const page = { limit: clamp(limit), offset: 0 };
    const lists = await Promise.all(
      SECURITY_TASK_LISTS.map(list => this.read(person, list, page)),
    );
    return {
      userEntityRef: person.actor,
      isSecurityLead: person.isSecurityLead,
      expiringWithinDays: EXPIRING_WITHIN_DAYS,
      lists: Object.fromEntries(
        SECURITY_TASK_LISTS.map((list, i) => [list, lists[i]]),
      ) as SecurityTasks['lists'],
      generatedAt: this.now().toISOString(),
    };
  }

  /** One page of one list. */
  async list<L extends SecurityTaskList>(
    caller: Caller,
    list: L,
    page: TaskPageRequest,
  ): Promise<SecurityTaskPage<L>> {
    const person = await this.person(caller);
    const request = {
      limit: clamp(page.limit),
      offset: Math.max(0, page.offset),
    };
    const found = await this.read(person, list, request);
    return { ...found, ...request };
  }

  private now() {
    return (this.deps.clock ?? (() => new Date()))();
  }

  private async person(caller: Caller): Promise<Person> {
    const { access } = this.deps;
    const who = await access.forTasks(caller.credentials);
    let owned: Promise<string[]> | undefined;
    return {
      ...who,
      ownedRefs: () => {
        owned ??= access
          .ownedComponents(caller.credentials)
          .then(({ entities }) =>
            entities.map(e => normalizeEntityRef(stringifyEntityRef(e))),
          );
        return owned;
      },
    };
  }

  private read<L extends SecurityTaskList>(
    person: Person,
    list: L,
    page: TaskPageRequest,
  ): Promise<Page<SecurityTaskItems[L]>> {
    const readers: {
      [K in SecurityTaskList]: () => Promise<Page<SecurityTaskItems[K]>>;
    } = {
      approvals: () => this.approvals(person, page),
      signoffs: () => this.signOffs(person, page),
      expiring: () => this.expiring(person, page),
      containment: () => this.containment(person, page),
      components: () => this.components(person, page),
    };
    return readers[list]();
  }

  private controlTitle(id: string) {
    return (
      this.deps.workflow.baselineControls.find(c => c.id === id)?.title ?? id
    );
  }

  /**
   * For security leads only, and never their own requests: nobody approves
   * their own exception, so it is another lead's task.
   */
  private async approvals(person: Person, page: TaskPageRequest) {
    if (!person.isSecurityLead) return { items: [], totalCount: 0 };
    const { rows, totalCount } = await this.deps.readModel.approvals(
      { notRequestedBy: normalizeEntityRef(person.actor) },
      page,
    );
    return {
      totalCount,
      items: rows.map(r => ({
        ...r,
        controlTitle: this.controlTitle(r.controlId),
      })),
    };
  }

  /**
   * Gates the caller signs off as the Accountable for the stage's sign-off
   * activity, directly or through a group. RASI has no defaults: an
   * activity without a stored assignment has no Accountable, which is what
   * the tab shows ("No Accountable") and what the sign-off rule applies (then
   * only a security lead may sign off). So these tasks come from stored RASI
   * rows only; the unowned gates are the component's own next step ("name
   * who is Accountable"), not anybody's sign-off task.
   */
  private async signOffs(person: Person, page: TaskPageRequest) {
    const { workflow, readModel } = this.deps;
    const { rows, totalCount } = await readModel.signOffs(
      {
        accountableRefs: person.ownershipRefs,
        stages: workflow.stages.map(s => ({
          stageId: s.id,
          signOffActivityId: s.signOffActivityId,
          requiredForTiers: s.requiredForTiers,
        })),
      },
      page,
    );
    return {
      totalCount,
      items: rows.map(r => ({
        ...r,
        stageTitle:
          workflow.stages.find(s => s.id === r.stageId)?.title ?? r.stageId,
      })),
    };
  }

  /** On the caller's own components (owned per the catalog). */
  private async expiring(person: Person, page: TaskPageRequest) {
    const horizon = new Date(
      this.now().getTime() + EXPIRING_WITHIN_DAYS * DAY_MS,
    );
    const { rows, totalCount } = await this.deps.readModel.expiring(
      { entityRefs: await person.ownedRefs(), horizon },
      page,
    );
    return {
      totalCount,
      items: rows.map(r => ({
        ...r,
        controlTitle: this.controlTitle(r.controlId),
      })),
    };
  }

  /** Worksheets name containment owners as users or groups: any of the caller's refs. */
  private async containment(person: Person, page: TaskPageRequest) {
    const { rows, totalCount } = await this.deps.readModel.containment(
      { ownerRefs: person.ownershipRefs },
      page,
    );
    return { items: rows, totalCount };
  }

  private async components(person: Person, page: TaskPageRequest) {
    const { rows, totalCount } = await this.deps.readModel.components(
      { entityRefs: await person.ownedRefs() },
      page,
    );
    return { items: rows, totalCount };
  }
}
