import {
  METRICS_PACK_SHEETS,
  SAMM_BENCHMARK,
} from '@secmat/backstage-plugin-security-maturity-common';
import { MetricsPackData } from '../database/org/OrgReadModel';
import { containmentHours, toPackSections, unitLabel } from './packLayout';
import { quarterRange } from './quarter';
import {
  CHECKOUT,
  LEADS,
  PAYMENTS,
  PE,
  slice,
  testOrg,
  workflowOf,
} from './__testUtils__/fixtures';

const org = testOrg();
const quarter = quarterRange('2026-Q4');
const now = new Date('2026-11-30T12:00:00.000Z');
const workflow = workflowOf({ intake: ['1', '2', '3'], launch: ['1'] });
const hoursAfter = (start: Date, hours: number) =>
  new Date(start.getTime() + hours * 3_600_000);
const started = new Date('2026-10-05T08:00:00.000Z');

const data = (overrides: Partial<MetricsPackData> = {}): MetricsPackData => ({
  totals: slice(4, 1.25, { belowTarget: 2 }),
  byOwner: new Map([
    [PAYMENTS, slice(1, 1)],
    [CHECKOUT, slice(2, 1.5)],
    [LEADS, slice(1, 1)],
  ]),
  quarterStart: [
    { ownerRef: CHECKOUT, components: 2, overall: 2 },
    { ownerRef: PAYMENTS, components: 1, overall: 0.5 },
  ],
  quarterEnd: [
    { ownerRef: CHECKOUT, components: 2, overall: 3 },
    { ownerRef: PAYMENTS, components: 1, overall: 1 },
    { ownerRef: LEADS, components: 1, overall: 1 },
  ],
  trend: [
    {
      day: '2026-10-01',
      components: 4,
      overall: 1.23456,
      functions: { G: 1, D: 1.111, I: 1, V: 1, O: 2 },
    },
    {
      day: '2027-01-01',
      components: 4,
      overall: 2,
      functions: { G: 2, D: 2, I: 2, V: 2, O: 2 },
    },
  ],
  stagesCleared: new Map([['intake', 2]]),
  stageProgress: {
    componentsByTier: [{ tier: '1', count: 1 }],
    rows: [{ stageId: 'intake', tier: '1', status: 'blocked', count: 1 }],
    stuck: [{ stageId: 'intake', statusSince: hoursAfter(now, -36) }],
  },
  exceptionsOpened: new Map([
    ['high', 1],
    ['low', 2],
  ]),
  exceptionTransitions: new Map([
    ['request', 3],
    ['approve', 1],
  ]),
  worksheets: new Map([['incident', { started: 3, contained: 2, closed: 1 }]]),
  containments: [
    {
      kind: 'incident',
      startedAt: started,
      containedAt: hoursAfter(started, 2),
    },
    {
      kind: 'incident',
      startedAt: started,
      containedAt: hoursAfter(started, 5),
    },
  ],
  rasi: {
    accountable: new Map([['threat-modeling', 1]]),
    supportive: [
      { entityRef: 'component:default/a', refs: ['user:default/Lena'] },
    ],
  },
  components: [
    {
      entityRef: 'component:default/a',
      ownerRef: PAYMENTS,
      systemRef: null,
      tier: '1',
      overall: 0.123456,
      target: 2,
      percentToTarget: 6.1728,
      gatesRequired: 7,
      gatesCleared: 1,
      exceptionsOpen: 1,
      exceptionsExpired: 0,
    },
  ],
  ...overrides,
});

const sections = (d = data(), owners?: string[]) =>
  Object.fromEntries(
    toPackSections(d, workflow, org, {
      quarter,
      unitLabel: 'Payments',
      owners,
      now,
    }).map(s => [s.name, s]),
  );

describe('toPackSections', () => {
  it('has the shared sheets, in order', () => {
    const names = toPackSections(data(), workflow, org, {
      quarter,
      unitLabel: 'x',
      now,
    }).map(s => s.name);
    expect(names).toEqual([...METRICS_PACK_SHEETS]);
  });

  it('sums up the quarter: means at its edges, the change, and now', () => {
    expect(sections().Summary.rows).toEqual([
      ['Quarter', '2026-Q4'],
      ['Org unit', 'Payments'],
      ['Generated at', '2026-11-30T12:00:00.000Z'],
      ['Components', 4],
      ['Mean SAMM score at quarter start', 0.83],
      ['Mean SAMM score at quarter end', 1.25],
      ['Change in the quarter', 0.42],
      ['Mean SAMM score now', 1.25],
      ['Components below target now', 2],
      [`${SAMM_BENCHMARK.source}: overall`, SAMM_BENCHMARK.overall],
    ]);
  });

  it('has no means and no change without scores or snapshots', () => {
    const rows = sections(
      data({ totals: undefined, quarterStart: [], quarterEnd: [] }),
    ).Summary.rows;
    expect(rows.slice(3, 9).map(r => r[1])).toEqual([
      0,
      null,
      null,
      null,
      null,
      0,
    ]);
  });

  it('scores groups with their nested groups at both edges of the quarter', () => {
    const { rows } = sections()['Scores by group'];
    expect(rows.map(r => r.slice(0, 7))).toEqual([
      // Product Engineering has the squad's and Payments' components.
      [PE, null, 3, 0.83, 1.33, 0.5, 0],
      [PAYMENTS, PE, 3, 0.83, 1.33, 0.5, 0],
      [CHECKOUT, PAYMENTS, 2, 1, 1.5, 0.5, 0],
      // No snapshot at the quarter's start: no change either.
      [LEADS, null, 1, null, 1, null, 0],
    ]);
    // Governance … Operations: the function means.
    expect(rows[2].slice(7)).toEqual([1.5, 1.5, 1.5, 1.5, 1.5]);
  });

  it('shows only the filtered subtree', () => {
    const owners = org.descendantsOrSelf(PAYMENTS);
    const scoped = data({
      byOwner: new Map([
        [PAYMENTS, slice(1, 1)],
        [CHECKOUT, slice(2, 1.5)],
      ]),
    });
    const rows = sections(scoped, owners)['Scores by group'].rows;
    expect(rows.map(r => [r[0], r[1]])).toEqual([
      [PAYMENTS, null],
      [CHECKOUT, PAYMENTS],
    ]);
    expect(sections(scoped, owners)['Practices by group'].rows[0]).toHaveLength(
      16,
    );
  });

  it('keeps the trend to the days of the quarter, rounded', () => {
    expect(sections().Trend.rows).toEqual([
      ['2026-10-01', 4, 1.23, 1, 1.11, 1, 1, 2],
    ]);
    expect(sections().Trend.columns.slice(3)).toEqual([
      'G',
      'D',
      'I',
      'V',
      'O',
    ]);
  });

  it('shows gate throughput per configured stage', () => {
    expect(sections()['Gate throughput'].rows).toEqual([
      ['Stage intake', 2, 0, 1, 0, 1.5],
      ['Stage launch', 0, 0, 0, 1, null],
    ]);
  });

  it('counts exceptions by transition and opened ones by risk', () => {
    expect(sections().Exceptions.rows).toEqual([
      ['Opened', 3],
      ['Opened, low risk', 2],
      ['Opened, medium risk', 0],
      ['Opened, high risk', 1],
      ['Opened, critical risk', 0],
      ['Approved', 1],
      ['Rejected', 0],
      ['Expired', 0],
      ['Revoked', 0],
      ['Closed', 0],
    ]);
  });

  it('counts worksheets per kind with the median hours to containment', () => {
    expect(sections().Worksheets.rows).toEqual([
      ['incident', 3, 2, 1, 3.5],
      ['drill', 0, 0, 0, null],
    ]);
  });

  it('shows RASI coverage and partners, and each component rounded', () => {
    const s = sections();
    expect(s['RASI coverage'].rows[1]).toEqual(['Threat modeling', 1, 3]);
    expect(s['Security partners'].rows).toEqual([['user:default/lena', 1, 1]]);
    expect(s.Components.rows).toEqual([
      ['component:default/a', PAYMENTS, null, '1', 0.12, 2, 6.2, 1, 7, 1, 0],
    ]);
  });
});

describe('containmentHours', () => {
  it('gives the median hours per kind', () => {
    const hours = containmentHours([
      {
        kind: 'drill',
        startedAt: started,
        containedAt: hoursAfter(started, 1),
      },
      {
        kind: 'drill',
        startedAt: started,
        containedAt: hoursAfter(started, 3),
      },
      {
        kind: 'drill',
        startedAt: started,
        containedAt: hoursAfter(started, 8),
      },
      {
        kind: 'incident',
        startedAt: started,
        containedAt: hoursAfter(started, 0.5),
      },
    ]);
    expect(hours).toEqual(
      new Map([
        ['drill', 3],
        ['incident', 0.5],
      ]),
    );
  });
});

describe('unitLabel', () => {
  it('names the owner group by its title, then the other filters', () => {
    expect(
      unitLabel(
        { owner: 'group:default/Payments-Team', tier: '1', q: 'pay' },
        org,
      ),
    ).toBe('Payments, tier 1, q pay');
  });

  it('names an owner outside the catalog as given, and no owner as the whole organisation', () => {
    expect(unitLabel({ owner: 'user:default/olivia' }, org)).toBe(
      'user:default/olivia',
    );
    expect(unitLabel({ domain: 'domain:default/commerce' }, org)).toBe(
      'Whole organisation, domain domain:default/commerce',
    );
  });
});
