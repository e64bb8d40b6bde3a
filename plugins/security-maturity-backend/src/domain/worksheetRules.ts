import {
  ContainmentAction,
  WorksheetContent,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';

/** Containment owners default from the Accountable of these RASI activities. */
export const CONTAINMENT_ACTIVITIES: Record<ContainmentAction, string> = {
  isolate: 'incident-isolate',
  revoke: 'incident-revoke',
  freeze: 'incident-freeze',
  recover: 'incident-recover',
};

/** A new worksheet: containment owners from RASI, the start in the timeline. */
export function newWorksheetContent(options: {
  kind: 'incident' | 'drill';
  accountableFor: (activityId: string) => string | null;
  actor: string;
  now: Date;
}): WorksheetContent {
  const { kind, accountableFor, actor, now } = options;
  const owner = (action: ContainmentAction) =>
    accountableFor(CONTAINMENT_ACTIVITIES[action]);
  return {
    readiness: { baselineControlsPresent: false, runtimeVisibility: false },
    containmentOwners: {
      isolate: owner('isolate'),
      revoke: owner('revoke'),
      freeze: owner('freeze'),
      recover: owner('recover'),
    },
    timeline: [
      {
        at: now.toISOString(),
        entry: `${kind === 'drill' ? 'Drill' : 'Incident'} started`,
        by: actor,
      },
    ],
    actions: [],
    findings: [],
    lessons: [],
  };
}

type TimelineEntry = WorksheetRecord['timeline'][number];

/**
 * New timeline entries are the caller's: who wrote one comes from the
 * credentials, never from the request; entries already stored stay as they are.
 */
export function stampTimeline(
  stored: TimelineEntry[],
  given: TimelineEntry[],
  actor: string,
): TimelineEntry[] {
  const key = (t: TimelineEntry) => `${t.at}|${t.entry}|${t.by}`;
  const known = new Set(stored.map(key));
  return given.map(t => (known.has(key(t)) ? t : { ...t, by: actor }));
}

/**
 * When a worksheet counts as closed: closing sets the time, re-opening
 * clears it, and a worksheet that stays closed keeps its first close time.
 */
export function closedAt(
  before: Pick<WorksheetRecord, 'status' | 'closedAt'>,
  status: 'open' | 'closed',
  now: Date,
): Date | null {
  if (status !== 'closed') return null;
  const closing = before.status !== 'closed';
  return closing || !before.closedAt ? now : new Date(before.closedAt);
}

/** The content fields of a worksheet, as stored in its body. */
export const contentOf = (w: WorksheetRecord): WorksheetContent => ({
  readiness: w.readiness,
  containmentOwners: w.containmentOwners,
  timeline: w.timeline,
  actions: w.actions,
  findings: w.findings,
  lessons: w.lessons,
});
