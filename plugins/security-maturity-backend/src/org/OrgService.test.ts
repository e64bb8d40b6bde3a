import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  DAY_MS,
  isoDayBefore,
} from '@secmat/backstage-plugin-security-maturity-common';
import { Request } from 'express';
import { MetricsPackData, OrgReadModel } from '../database/org/OrgReadModel';
import { Caller } from '../service/Caller';
import { OrgService } from './OrgService';
import { OrgReader } from './orgScope';
import {
  CHECKOUT,
  LEADS,
  PAYMENTS,
  slice,
  testOrg,
  workflowOf,
} from './__testUtils__/fixtures';

const LEAD = 'user:default/lena';

const emptyPack = (): MetricsPackData => ({
  totals: slice(0, 0),
  byOwner: new Map(),
  quarterStart: [],
  quarterEnd: [],
  trend: [],
  stagesCleared: new Map(),
  stageProgress: { componentsByTier: [], rows: [], stuck: [] },
  exceptionsOpened: new Map(),
  exceptionTransitions: new Map(),
  worksheets: new Map(),
  containments: [],
  rasi: { accountable: new Map(), supportive: [] },
  components: [],
});

function setUp(options: { denied?: boolean } = {}) {
  const readModel: OrgReadModel = {
    facetValues: jest.fn(async () => ({
      tiers: ['1'],
      lifecycles: ['production'],
      types: ['service'],
    })),
    components: jest.fn(async () => ({
      rows: [
        {
          entityRef: 'component:default/payments-api',
          type: 'service',
          lifecycle: 'production',
          ownerRef: PAYMENTS,
          systemRef: 'system:default/checkout',
          tier: '1',
          target: 2,
          overall: 1.5,
          percentToTarget: 75,
          functions: { G: 1, D: 2, I: 1, V: 2, O: 1.5 },
          gatesRequired: 7,
          gatesCleared: 2,
          exceptionsOpen: 1,
          exceptionsExpired: 0,
          computedAt: '2026-11-30T12:00:00.000Z',
        },
      ],
      totalCount: 12,
    })),
    sumsBy: jest.fn(async (_f, by) =>
      by === 'owner'
        ? new Map([
            [PAYMENTS, slice(1, 1)],
            [CHECKOUT, slice(3, 2)],
          ])
        : new Map([['system:default/checkout', slice(4, 1.75)]]),
    ),
    distribution: jest.fn(async () => []),
    stageProgress: jest.fn(async () => ({
      componentsByTier: [],
      rows: [],
      stuck: [],
    })),
    exceptions: jest.fn(async () => ({ expiring: 2, expired: 1, items: [] })),
    rasiAssignments: jest.fn(async () => ({
      accountable: new Map([['threat-modeling', 1]]),
      supportive: [],
    })),
    trend: jest.fn(async () => []),
    progressSums: jest.fn(async () => []),
    metricsPack: jest.fn(async () => emptyPack()),
  };
  const event = {
    success: jest.fn(async () => {}),
    fail: jest.fn(async () => {}),
  };
  const auditor = { createEvent: jest.fn(async () => event) };
  const reader: OrgReader = {
    actor: LEAD,
    isSecurityLead: true,
    ownershipRefs: new Set([LEAD, LEADS]),
    securityLeadGroups: [LEADS],
    grants: () => false,
  };
  const access = {
    reader: jest.fn(async () => {
      if (options.denied) {
        throw new NotAllowedError('Not allowed by policy');
      }
      return reader;
    }),
    unit: jest.fn(async () => {
      throw new Error('not used here');
    }),
  };
  const org = new OrgService({
    access,
    auditor,
    readModel,
    orgSource: { get: async () => testOrg() },
    workflow: workflowOf({ intake: ['1'] }, [
      { id: 'threat-modeling', title: 'Threat modeling' },
    ]),
  });
  const request = { ip: '127.0.0.1' } as Request;
  const caller: Caller = { credentials: mockCredentials.user(LEAD), request };
  return { org, readModel, auditor, event, access, caller, request };
}

describe('OrgService', () => {
  it("checks access with the caller's credentials before reading anything", async () => {
    const { org, readModel, auditor, access, caller } = setUp({ denied: true });
    await expect(org.overview(caller, {}, 30)).rejects.toThrow(
      'Not allowed by policy',
    );
    await expect(org.facets(caller)).rejects.toThrow(NotAllowedError);
    await expect(org.metricsPack(caller, {}, '2026-Q4', 'csv')).rejects.toThrow(
      NotAllowedError,
    );
    expect(access.reader).toHaveBeenCalledWith(caller.credentials);
    expect(readModel.sumsBy).not.toHaveBeenCalled();
    expect(readModel.facetValues).not.toHaveBeenCalled();
    expect(readModel.metricsPack).not.toHaveBeenCalled();
    // As before: a refused export is not an export event.
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it('lists components with their domains, the filter resolved and paged', async () => {
    const { org, readModel, caller } = setUp();
    const page = await org.components(caller, {
      owner: ' group:default/payments-team ',
      sort: 'name',
    });
    const [filter, paging] = jest.mocked(readModel.components).mock.calls[0];
    expect(filter.owners?.sort()).toEqual([CHECKOUT, PAYMENTS].sort());
    expect(paging).toEqual({
      sort: 'name',
      order: 'asc',
      limit: 50,
      offset: 0,
    });
    expect(page).toMatchObject({ totalCount: 12, limit: 50, offset: 0 });
    expect(page.items[0].domainRef).toBe('domain:default/commerce');
    expect(Object.keys(page.items[0]).slice(0, 7)).toEqual([
      'entityRef',
      'type',
      'lifecycle',
      'ownerRef',
      'systemRef',
      'domainRef',
      'tier',
    ]);
  });

  it("builds the overview from the read model's sums and records", async () => {
    const { org, readModel, caller } = setUp();
    const before = Date.now();
    const overview = await org.overview(caller, {}, 10);
    const horizon = jest
      .mocked(readModel.exceptions)
      .mock.calls[0][1].getTime();
    expect(horizon - before).toBeGreaterThanOrEqual(10 * DAY_MS);
    expect(horizon - Date.now()).toBeLessThanOrEqual(10 * DAY_MS);
    expect(overview).toMatchObject({
      components: 4,
      overall: (1 + 6) / 4,
      exceptions: { withinDays: 10, expiring: 2, expired: 1, items: [] },
      rasi: {
        activities: [
          {
            activityId: 'threat-modeling',
            covered: 1,
            missingAccountable: 3,
          },
        ],
      },
    });
    expect(overview.groups.map(g => [g.ref, g.components])).toEqual([
      ['group:default/product-engineering', 4],
      [PAYMENTS, 4],
      [CHECKOUT, 3],
    ]);
    expect(overview.domains.map(d => d.ref)).toEqual([
      'domain:default/commerce',
    ]);
    expect(overview.bottlenecks.map(b => b.stageId)).toEqual(['intake']);
  });

  it('adds the progress since a day only when asked, and checks the day', async () => {
    const { org, readModel, caller } = setUp();
    expect((await org.overview(caller, {}, 30)).progress).toBeUndefined();
    expect(readModel.progressSums).not.toHaveBeenCalled();

    const overview = await org.overview(caller, {}, 30, '2026-07-01');
    // One read for the view, its owners and its systems.
    expect(jest.mocked(readModel.progressSums).mock.calls.map(c => c[1])).toEqual(['2026-07-01']);
    expect(overview.progress).toMatchObject({ since: '2026-07-01', components: 0 });
    expect(overview.groups[0].progress).toMatchObject({ since: '2026-07-01' });

    await expect(org.overview(caller, {}, 30, '2026-02-30')).rejects.toThrow(
      "since must be a day, YYYY-MM-DD; got '2026-02-30'",
    );
  }); // prettier-ignore

  it('reads the trend since the given number of days ago', async () => {
    const { org, readModel, caller } = setUp();
    expect(await org.trend(caller, {}, 7)).toEqual({ points: [] });
    expect(jest.mocked(readModel.trend).mock.calls[0][1]).toBe(isoDayBefore(7));
  });

  it("offers the catalog's groups, systems and domains by title", async () => {
    const { org, caller } = setUp();
    const facets = await org.facets(caller);
    expect(facets.domains).toEqual([
      { ref: 'domain:default/commerce', title: 'Commerce' },
      { ref: 'domain:default/identity', title: 'identity' },
    ]);
    expect(facets.groups[0].title).toBe('checkout-squad');
    expect(facets.tiers).toEqual(['1']);
  });

  it('exports the metrics pack, audited with the quarter, filter, format and requester', async () => {
    const { org, readModel, auditor, event, caller, request } = setUp();
    const pack = await org.metricsPack(
      caller,
      { owner: 'group:default/payments-team', tier: ' 1 ' },
      '2026-Q4',
      'csv',
    );
    expect(pack.filename).toBe('security-maturity-2026-Q4.csv');
    expect(pack.contentType).toBe('text/csv');
    expect(pack.body).toContain('Org unit,"Payments, tier 1"');
    const [, quarter] = jest.mocked(readModel.metricsPack).mock.calls[0];
    expect(quarter.startDay).toBe('2026-10-01');
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'metrics-pack-export',
      severityLevel: 'medium',
      request,
      meta: {
        actionType: 'export',
        quarter: '2026-Q4',
        filter: { owner: 'group:default/payments-team', tier: '1' },
        format: 'csv',
      },
    });
    expect(event.success).toHaveBeenCalledWith({ meta: { requestedBy: LEAD } });
    expect(event.fail).not.toHaveBeenCalled();
  });

  it('exports XLSX, and audits a failed export as failed', async () => {
    const { org, readModel, event, caller } = setUp();
    const xlsx = await org.metricsPack(caller, {}, '2026-Q1', 'xlsx');
    expect(xlsx.filename).toBe('security-maturity-2026-Q1.xlsx');
    expect(xlsx.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(Buffer.isBuffer(xlsx.body)).toBe(true);

    jest
      .mocked(readModel.metricsPack)
      .mockRejectedValueOnce(new Error('database gone'));
    await expect(org.metricsPack(caller, {}, '2026-Q1', 'csv')).rejects.toThrow(
      'database gone',
    );
    expect(event.fail).toHaveBeenCalledWith({ error: expect.any(Error) });
  });
});
