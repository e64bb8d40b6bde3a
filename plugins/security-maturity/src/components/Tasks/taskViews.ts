import {
  normalizeEntityRef,
  securityTabRecordAnchor,
  SecurityTaskItems,
  SecurityTaskList,
  SecurityTasks,
} from '@secmat/backstage-plugin-security-maturity-common';
import { daysUntil } from '../common';
import { shortRef } from '../OrgPage/format';
import { ACTION_LABEL } from '../Worksheets/labels';

/** One task as the page and the card show it. */
export type TaskView = {
  key: string;
  entityRef: string;
  /** Where in the entity's Security tab the task is done. */
  anchor: string;
  title: string;
  detail: string;
  /** Past its date: shown as an error, not a reminder. */
  overdue?: boolean;
};

/** What the page says about one list: its heading, and what an empty list means. */
export type ListText = {
  title: string;
  /** "2 exception requests" in the card's summary lines. */
  noun: (count: number) => string;
  subheader: (tasks: SecurityTasks) => string;
  empty: (tasks: SecurityTasks) => string;
};

const day = (iso: string) => iso.slice(0, 10);
const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
const statusLabel = (status: string) => status.replace('_', ' ');

export const LIST_TEXT: Record<SecurityTaskList, ListText> = {
  approvals: {
    title: 'Exception approvals',
    noun: n => plural(n, 'exception request'),
    subheader: () =>
      'Requests waiting for a security lead. Your own requests wait for another lead.',
    empty: t =>
      t.isSecurityLead
        ? 'No exception request is waiting for you. Requests on any component show up here until a security lead other than the requester approves or rejects them.'
        : 'Approving exceptions is for security leads, so none waits for you. Your own requests are decided by a lead.',
  },
  signoffs: {
    title: 'Sign-offs',
    noun: n => `${plural(n, 'gate')} to sign off`,
    subheader: () =>
      'Cleared gates where you, or a group of yours, are Accountable for the sign-off in RASI.',
    empty: () =>
      'No gate is waiting for your sign-off. A gate shows up here once it is passed, waived or not applicable on a component where you or one of your groups is Accountable for its sign-off.',
  },
  expiring: {
    title: 'Expiring exceptions',
    noun: n => `${plural(n, 'exception')} expiring or expired`,
    subheader: t =>
      `Approved exceptions of your components that expire within ${t.expiringWithinDays} days, and expired ones (they count against the component).`,
    empty: t =>
      `No exception of your components expires within ${t.expiringWithinDays} days, and none has expired.`,
  },
  containment: {
    title: 'Containment',
    noun: n => plural(n, 'open incident or drill', 'open incidents or drills'),
    subheader: () =>
      'Open incidents and drills where you, or a group of yours, own a containment action.',
    empty: () =>
      'No open incident or drill names you or your groups to isolate traffic, revoke access, freeze rollout or approve recovery.',
  },
  components: {
    title: 'Your components',
    noun: n => `${plural(n, 'component')} to classify or improve`,
    subheader: () =>
      "Components you own that are not classified at intake, or score below their tier's target.",
    empty: () =>
      "Every component you own is classified and scores at or above its tier's target.",
  },
};

type Views = {
  [L in SecurityTaskList]: (
    item: SecurityTaskItems[L],
    userEntityRef: string,
  ) => TaskView;
};

const VIEWS: Views = {
  approvals: x => ({
    key: x.exceptionId,
    entityRef: x.entityRef,
    anchor: securityTabRecordAnchor('exception', x.exceptionId),
    title: `${shortRef(x.entityRef)}: exception to ${x.controlTitle}`,
    detail: `${x.riskRating} risk · requested by ${shortRef(
      x.requestedBy,
    )} on ${day(x.requestedAt)} · until ${day(x.expiresAt)}`,
  }),
  signoffs: (x, me) => ({
    key: `${x.entityRef}/${x.stageId}`,
    entityRef: x.entityRef,
    anchor: securityTabRecordAnchor('stage', x.stageId),
    title: `${shortRef(x.entityRef)}: sign off ${x.stageTitle}`,
    detail: `${statusLabel(x.status)} since ${day(x.since)} · ${
      normalizeEntityRef(x.accountable) === normalizeEntityRef(me)
        ? 'you are Accountable'
        : `Accountable: ${shortRef(x.accountable)}`
    }`,
  }),
  expiring: x => {
    const days = daysUntil(x.expiresAt);
    const expired = x.status === 'expired' || days <= 0;
    return {
      key: x.exceptionId,
      entityRef: x.entityRef,
      anchor: securityTabRecordAnchor('exception', x.exceptionId),
      title: `${shortRef(x.entityRef)}: exception to ${x.controlTitle}`,
      detail: `${
        expired
          ? `expired on ${day(x.expiresAt)}`
          : `expires in ${plural(days, 'day')} (${day(x.expiresAt)})`
      } · ${x.riskRating} risk`,
      overdue: expired,
    };
  },
  containment: x => ({
    key: x.worksheetId,
    entityRef: x.entityRef,
    anchor: securityTabRecordAnchor('worksheet', x.worksheetId),
    title: `${shortRef(x.entityRef)}: ${x.title}`,
    detail: `${x.kind} started ${day(x.startedAt)}, ${
      x.containedAt ? `contained ${day(x.containedAt)}` : 'not contained yet'
    } · yours: ${x.actions.map(a => ACTION_LABEL[a]).join(', ')}`,
    overdue: !x.containedAt,
  }),
  components: x =>
    x.reason === 'no-intake'
      ? {
          key: x.entityRef,
          entityRef: x.entityRef,
          anchor: 'security-intake',
          title: `${shortRef(x.entityRef)}: classify at intake`,
          detail:
            'Not classified yet: intake decides its tier, the stages it needs and its target.',
        }
      : {
          key: x.entityRef,
          entityRef: x.entityRef,
          anchor: 'security-next-steps',
          title: `${shortRef(x.entityRef)}: below target`,
          // A target that follows from a practice profile can be 16/15.
          detail: `SAMM score ${(x.overall ?? 0).toFixed(2)} of target ${Number(
            x.target?.toFixed(2),
          )} (tier ${x.tier}${
            x.percentToTarget === null
              ? ''
              : `, ${Math.round(x.percentToTarget)} % to target`
          }); its next steps say what raises it most.`,
        },
};

/** The items of one list as views. */
export function viewsOf<L extends SecurityTaskList>(
  list: L,
  items: ReadonlyArray<SecurityTaskItems[L]>,
  userEntityRef: string,
): TaskView[] {
  const view = VIEWS[list];
  return items.map(item => view(item, userEntityRef));
}
