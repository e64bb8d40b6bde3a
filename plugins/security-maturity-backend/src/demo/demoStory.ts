import { CampaignInput } from '@secmat/backstage-plugin-security-maturity-common';
import { DemoStep, DEMO_DAYS, LEAD, teams } from './demoCast';
import { demoEvents } from './demoEvents';
import { demoEvidence } from './demoEvidence';

/**
 * How each component's year went: its team, intake answers, the day it was
 * classified, the days its stages passed (in workflow order), and how much
 * RASI it keeps. Payments is mature, Identity fast early then flat,
 * Storefront late, Platform regressing; search-indexer is new and not
 * classified yet, so a newcomer has something to classify.
 */
const plans: Array<{
  component: string;
  team: keyof typeof teams;
  data: string;
  internet?: boolean;
  regulated?: boolean;
  intakeDay: number;
  passDays: number[];
  /** The stage after the passed ones: in progress or blocked. */
  next?: 'in_progress' | 'blocked';
  fullRasi: boolean;
}> = [
  {
    component: 'payments-api',
    team: 'payments',
    data: 'restricted',
    regulated: true,
    intakeDay: 5,
    passDays: [8, 40, 80, 130, 200, 250],
    next: 'in_progress',
    fullRasi: true,
  },
  {
    component: 'card-vault',
    team: 'payments',
    data: 'restricted',
    regulated: true,
    intakeDay: 3,
    passDays: [6, 30, 60, 100, 160, 220, 300],
    fullRasi: true,
  },
  {
    component: 'ledger-worker',
    team: 'payments',
    data: 'confidential',
    regulated: true,
    intakeDay: 20,
    passDays: [25, 90, 150, 260],
    next: 'in_progress',
    fullRasi: true,
  },
  {
    component: 'fraud-scoring',
    team: 'payments',
    data: 'confidential',
    intakeDay: 150,
    passDays: [155, 262],
    next: 'blocked',
    fullRasi: true,
  },
  {
    component: 'auth-gateway',
    team: 'identity',
    data: 'restricted',
    internet: true,
    intakeDay: 2,
    passDays: [4, 25, 50, 90],
    next: 'in_progress',
    fullRasi: true,
  },
  {
    component: 'user-directory',
    team: 'identity',
    data: 'confidential',
    intakeDay: 10,
    passDays: [14, 60, 120],
    next: 'blocked',
    fullRasi: true,
  },
  {
    component: 'mfa-library',
    team: 'identity',
    data: 'internal',
    intakeDay: 30,
    passDays: [35, 100],
    next: 'in_progress',
    fullRasi: false,
  },
  {
    component: 'session-sdk',
    team: 'identity',
    data: 'internal',
    intakeDay: 60,
    passDays: [62],
    fullRasi: false,
  },
  {
    component: 'checkout-web',
    team: 'storefront',
    data: 'confidential',
    internet: true,
    intakeDay: 200,
    passDays: [205, 300, 340],
    next: 'in_progress',
    fullRasi: false,
  },
  {
    component: 'storefront-web',
    team: 'storefront',
    data: 'internal',
    internet: true,
    intakeDay: 240,
    passDays: [245],
    next: 'blocked',
    fullRasi: false,
  },
  {
    component: 'product-catalog-api',
    team: 'storefront',
    data: 'public',
    intakeDay: 260,
    passDays: [300],
    next: 'in_progress',
    fullRasi: false,
  },
  {
    component: 'ci-runners',
    team: 'platform',
    data: 'internal',
    intakeDay: 15,
    passDays: [18, 60, 100, 140],
    next: 'in_progress',
    fullRasi: true,
  },
  {
    component: 'cluster-baseline',
    team: 'platform',
    data: 'internal',
    intakeDay: 15,
    passDays: [20, 70],
    next: 'blocked',
    fullRasi: true,
  },
];

/** The components the story needs in the catalog before it can start. */
export const DEMO_COMPONENTS = plans.map(p => p.component);

const SIGN_OFF_ACTIVITIES = [
  'intake-classification',
  'threat-modeling',
  'design-review',
  'implementation-review',
  'validation',
  'release-sign-off',
  'governance-review',
];
const CONTAINMENT_ACTIVITIES = [
  'incident-isolate',
  'incident-revoke',
  'incident-freeze',
  'incident-recover',
];

function progress(plan: (typeof plans)[number]): DemoStep[] {
  const team = teams[plan.team];
  const [engineer, second] = team.people;
  // Sign-off separation: nobody appoints themself Accountable for a sign-off
  // or signs off criteria they ticked. A one-person team (platform) has its
  // Accountable appointed, and its gates signed off, by the security lead.
  const solo = engineer === second;
  const step = (day: number, as: string, act: DemoStep['act']): DemoStep => ({
    day,
    component: plan.component,
    as,
    act,
  });
  const steps: DemoStep[] = [
    step(plan.intakeDay, engineer, s =>
      s.intake({
        dataClassification: plan.data,
        newIntegrations: false,
        authFlowChanges: false,
        internetExposure: Boolean(plan.internet),
        regulatoryObligations: plan.regulated ? ['PCI DSS'] : [],
      }),
    ),
    step(plan.intakeDay + 1, solo ? LEAD : engineer, s =>
      s.rasi(
        plan.fullRasi
          ? [...SIGN_OFF_ACTIVITIES, ...CONTAINMENT_ACTIVITIES]
          : ['threat-modeling'],
        { accountable: second, responsible: [team.group] },
      ),
    ),
  ];
  plan.passDays.forEach((day, index) => {
    steps.push(
      step(Math.max(day - 3, plan.intakeDay), engineer, s =>
        s.stage(index, 'in_progress'),
      ),
    );
    steps.push(step(day, engineer, s => s.stage(index, 'passed')));
    // Sign-off by the Accountable where RASI names one, else a lead.
    const signer = !solo && (plan.fullRasi || index === 1) ? second : LEAD;
    steps.push(step(day + 1, signer, s => s.signOff(index)));
  });
  if (plan.next) {
    const index = plan.passDays.length;
    const last = plan.passDays[index - 1] ?? plan.intakeDay;
    steps.push(step(last + 7, engineer, s => s.stage(index, plan.next!)));
  }
  return steps;
}

/** The whole year, in the order it happened. */
export function demoStory(): DemoStep[] {
  return [
    ...plans.flatMap(progress),
    ...demoEvents(),
    ...demoEvidence(),
    ...campaignWork(),
    ...roadmapWork(),
  ]
    .filter(s => s.day >= 0 && s.day < DEMO_DAYS)
    .sort((a, b) => a.day - b.day);
}

/**
 * Payments' answer to the campaign below: in its second month, two of its
 * four components answer the one Threat Assessment question their records
 * do not (level 3, stream A: the threat model's quality is reviewed), which
 * brings them from 2 to 2.5, so the burn-up climbs and two components are
 * left for the e2e and the reminders.
 */
function campaignWork(): DemoStep[] {
  const [sam] = teams.payments.people;
  const attest = (day: number, component: string): DemoStep[] =>
    ['D-TA-3-A'].map(id => ({
      day,
      component,
      as: sam,
      act: s => s.attest(id, 1),
    }));
  return [
    ...attest(DEMO_DAYS - 40, 'payments-api'),
    ...attest(DEMO_DAYS - 15, 'ledger-worker'),
  ];
}

/**
 * Payments' roadmap for payments-api, planned four months ago in three
 * phases: threat modeling (due a month ago, done by the campaign's
 * attestations), build and deployment (due next month, half done), and
 * testing (due in four months). Owners default from RASI except one.
 */
function roadmapWork(): DemoStep[] {
  const [sam, alex] = teams.payments.people;
  const on = (day: number, act: DemoStep['act']): DemoStep => ({
    day,
    component: 'payments-api',
    as: sam,
    act,
  });
  const planned = DEMO_DAYS - 120;
  return [
    on(planned, (s, now) =>
      s.roadmapPhase(1, 'Threat model every change', now, [
        { activityId: 'D-TA-1-A', plannedAnswer: 1, dueInDays: 90 },
        { activityId: 'D-TA-1-B', plannedAnswer: 1, dueInDays: 90 },
      ]),
    ),
    on(planned, (s, now) =>
      s.roadmapPhase(2, 'Harden build and deployment', now, [
        { activityId: 'I-SB-2-A', plannedAnswer: 1, dueInDays: 140 },
        { activityId: 'I-SD-2-A', plannedAnswer: 0.5, dueInDays: 150 },
        { activityId: 'I-DM-2-B', plannedAnswer: 0.5, dueInDays: 150 },
      ]),
    ),
    on(planned, (s, now) =>
      s.roadmapPhase(3, 'Test what we require', now, [
        { activityId: 'V-RT-1-A', plannedAnswer: 0.5, dueInDays: 200 },
        {
          activityId: 'V-ST-2-A',
          plannedAnswer: 1,
          dueInDays: 240,
          ownerRef: alex,
        },
      ]),
    ),
    on(DEMO_DAYS - 10, s => s.attest('I-SB-2-A', 1)),
  ];
}

/**
 * The demo's campaign: Payments asked to bring Threat Assessment to 2.5 on
 * every component by the end of the quarter, started two months ago, so
 * its burn-up has history from the snapshots and some components still
 * miss it. Run by the security lead, reminding weekly.
 */
export function demoCampaigns(now: Date): CampaignInput[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const quarterEnd = new Date(
    Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 0),
  );
  return [
    {
      title: 'Threat Assessment \u2265 2.5 for Payments',
      scope: { owner: teams.payments.group },
      goal: { all: [{ kind: 'practice', practiceId: 'D-TA', atLeast: 2.5 }] },
      startDay: day(new Date(now.getTime() - 60 * 86_400_000)),
      targetDay: day(quarterEnd),
      ownerRef: LEAD,
      reminderCadenceDays: 7,
    },
  ];
} // prettier-ignore
