import {
  METRICS_PACK_SHEETS,
  MetricsPackSheet,
  normalizeEntityRef,
  OrgFilter,
  SAMM_BENCHMARK,
  SAMM_FUNCTION_IDS,
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { MetricsPackData } from '../database/org/OrgReadModel';
import { bottlenecks } from './bottlenecks';
import { OrgStructure } from './OrgStructure';
import { QuarterRange } from './quarter';
import { rasiCoverage } from './rasiCoverage';
import { groupRollups, meanOf, snapshotTotals } from './rollups';
import { median } from './sums';

type Cell = string | number | null;

/** A campaign's line in the pack, counted within the pack's unit. */
export type PackCampaignRow = {
  title: string;
  goal: string;
  scope: string;
  ownerRef: string;
  startDay: string;
  targetDay: string;
  meeting: number;
  total: number;
};

/** One section of the pack: a sheet in XLSX, a block in CSV. */
export type PackSection = {
  name: MetricsPackSheet;
  columns: string[];
  rows: Cell[][];
};

const HOUR_MS = 3_600_000;

const round = (v: number | null, digits = 2) =>
  v === null || Number.isNaN(v) ? null : Number(v.toFixed(digits));

/** A difference of two means; null when either is missing. */
const change = (from: number | null, to: number | null) =>
  from === null || to === null ? null : to - from;

/**
 * How the pack names its org unit: the owner group's title (or the owner as
 * given), then every other filter, e.g. `Payments, tier 1`.
 */
export function unitLabel(
  filter: OrgFilter,
  org: OrgStructure,
  grantedTops?: string[],
): string {
  const titleOf = (ref: string) =>
    org.groups.get(normalizeEntityRef(ref))?.title ?? ref;
  // Without an owner filter, the unit is what the reader's view covers.
  let unit = 'Whole organisation';
  if (filter.owner) unit = titleOf(filter.owner);
  else if (grantedTops) unit = grantedTops.map(titleOf).join(' and ');
  return Object.entries(filter)
    .filter(([k]) => k !== 'owner')
    .reduce((label, [k, v]) => `${label}, ${k} ${v}`, unit);
}

/** Median hours from start to containment per worksheet kind. */
export function containmentHours(
  containments: MetricsPackData['containments'],
): Map<string, number | null> {
  const hours = new Map<string, number[]>();
  for (const w of containments) {
    const list = hours.get(w.kind) ?? [];
    list.push((w.containedAt.getTime() - w.startedAt.getTime()) / HOUR_MS);
    hours.set(w.kind, list);
  }
  return new Map([...hours].map(([kind, list]) => [kind, median(list)]));
}

/**
 * The quarterly metrics pack of one org unit, laid out from what the read
 * model returned: scores and trend, gate throughput, exceptions, worksheets
 * and RASI coverage, in the sheets' shared order. Counts and scores only.
 */
export function toPackSections(
  data: MetricsPackData,
  workflow: WorkflowConfig,
  org: OrgStructure,
  options: {
    quarter: QuarterRange;
    unitLabel: string;
    /** The owner filter resolved to a group and its nested groups. */
    owners?: string[];
    now: Date;
    /** The active campaigns, each counted within this unit. */
    campaigns?: PackCampaignRow[];
  },
): PackSection[] {
  const { quarter, now } = options;
  const total = data.totals?.components ?? 0;
  const groups = groupRollups(data.byOwner, org, options.owners);
  const start = snapshotTotals(data.quarterStart, org);
  const end = snapshotTotals(data.quarterEnd, org);
  const stages = bottlenecks(workflow, data.stageProgress, now);
  const rasi = rasiCoverage(workflow, data.rasi, total);
  const hours = containmentHours(data.containments);
  const transitions = (action: string) =>
    data.exceptionTransitions.get(action) ?? 0;

  const sheets: Record<MetricsPackSheet, Omit<PackSection, 'name'>> = {
    Summary: {
      columns: ['Metric', 'Value'],
      rows: [
        ['Quarter', quarter.label],
        ['Org unit', options.unitLabel],
        ['Generated at', now.toISOString()],
        ['Components', total],
        ['Mean SAMM score at quarter start', round(meanOf(start.all))],
        ['Mean SAMM score at quarter end', round(meanOf(end.all))],
        [
          'Change in the quarter',
          round(change(meanOf(start.all), meanOf(end.all))),
        ],
        [
          'Mean SAMM score now',
          round(data.totals && total ? data.totals.overall / total : null),
        ],
        ['Components below target now', data.totals?.belowTarget ?? 0],
        [`${SAMM_BENCHMARK.source}: overall`, SAMM_BENCHMARK.overall],
      ],
    },
    'Scores by group': {
      columns: [
        'Group',
        'Parent group',
        'Components',
        'Mean at quarter start',
        'Mean at quarter end',
        'Change',
        'Below target now',
        'Governance',
        'Design',
        'Implementation',
        'Verification',
        'Operations',
      ],
      rows: groups.map(g => {
        const from = meanOf(start.byGroup.get(g.ref));
        const to = meanOf(end.byGroup.get(g.ref));
        return [
          g.ref,
          g.parentRef,
          g.components,
          round(from),
          round(to),
          round(change(from, to)),
          g.belowTarget,
          ...SAMM_FUNCTION_IDS.map(f => round(g.functions[f])),
        ];
      }),
    },
    'Practices by group': {
      columns: ['Group', ...SAMM_PRACTICES.map(p => `${p.id} ${p.name}`)],
      rows: groups.map(g => [
        g.ref,
        ...SAMM_PRACTICES.map(p => round(g.practices[p.id])),
      ]),
    },
    Trend: {
      columns: ['Day', 'Components', 'Mean SAMM score', ...SAMM_FUNCTION_IDS],
      rows: data.trend
        .filter(p => p.day < quarter.endDay)
        .map(p => [
          p.day,
          p.components,
          round(p.overall),
          ...SAMM_FUNCTION_IDS.map(f => round(p.functions[f])),
        ]),
    },
    'Gate throughput': {
      columns: [
        'Stage',
        'Cleared in quarter',
        'In progress now',
        'Blocked now',
        'Not started now',
        'Median days in status (stuck)',
      ],
      rows: workflow.stages.map(stage => {
        const b = stages.find(x => x.stageId === stage.id);
        return [
          stage.title,
          data.stagesCleared.get(stage.id) ?? 0,
          b?.inProgress ?? 0,
          b?.blocked ?? 0,
          b?.notStarted ?? 0,
          round(b?.medianDaysInStatus ?? null, 1),
        ];
      }),
    },
    Exceptions: {
      columns: ['Metric', 'Count'],
      rows: [
        ['Opened', transitions('request')],
        ...(['low', 'medium', 'high', 'critical'] as const).map(r => [
          `Opened, ${r} risk`,
          data.exceptionsOpened.get(r) ?? 0,
        ]),
        ['Approved', transitions('approve')],
        ['Rejected', transitions('reject')],
        ['Expired', transitions('expire')],
        ['Revoked', transitions('revoke')],
        ['Closed', transitions('close')],
      ],
    },
    Worksheets: {
      columns: [
        'Kind',
        'Started in quarter',
        'Contained',
        'Closed',
        'Median hours to containment',
      ],
      rows: ['incident', 'drill'].map(kind => {
        const w = data.worksheets.get(kind);
        return [
          kind,
          w?.started ?? 0,
          w?.contained ?? 0,
          w?.closed ?? 0,
          round(hours.get(kind) ?? null, 1),
        ];
      }),
    },
    'RASI coverage': {
      columns: ['Activity', 'Components with an Accountable', 'Without one'],
      rows: rasi.activities.map(a => [
        a.title,
        a.covered,
        a.missingAccountable,
      ]),
    },
    'Security partners': {
      columns: ['Supportive', 'Components supported', 'Assignments'],
      rows: rasi.partners.map(p => [p.ref, p.components, p.assignments]),
    },
    Components: {
      columns: [
        'Component',
        'Owner',
        'System',
        'Tier',
        'SAMM score',
        'Target',
        'Percent to target',
        'Gates cleared',
        'Gates required',
        'Open exceptions',
        'Expired exceptions',
      ],
      rows: data.components.map(c => [
        c.entityRef,
        c.ownerRef,
        c.systemRef,
        c.tier,
        round(c.overall),
        c.target,
        c.percentToTarget === null ? null : round(c.percentToTarget, 1),
        c.gatesCleared,
        c.gatesRequired,
        c.exceptionsOpen,
        c.exceptionsExpired,
      ]),
    },
    Campaigns: {
      columns: [
        'Campaign',
        'Goal',
        'Scope',
        'Owner',
        'Start',
        'Target date',
        'Components meeting the goal',
        'Components in scope',
        'Percent meeting',
      ],
      rows: (options.campaigns ?? []).map(c => [
        c.title,
        c.goal,
        c.scope,
        c.ownerRef,
        c.startDay,
        c.targetDay,
        c.meeting,
        c.total,
        c.total === 0 ? null : round((100 * c.meeting) / c.total, 1),
      ]),
    },
  };
  return METRICS_PACK_SHEETS.map(name => ({ name, ...sheets[name] }));
}
