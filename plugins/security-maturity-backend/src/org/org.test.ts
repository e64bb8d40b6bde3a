import { people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { orgEntities, PE, setUp } from './__testUtils__/orgBackend';

jest.setTimeout(90_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('org views on %s', databaseId => {
  it('are for security leads only, and check their input', async () => {
    const { as } = await startBackend(databases, databaseId, [], orgEntities);
    const denied = await as(people.owner).plugin('/org/overview');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/for security leads/);
    expect((await as('none').plugin('/org/components')).status).toBe(401);
    expect((await as('service').plugin('/org/components')).status).toBe(403);
    expect(
      (await as(people.lead).plugin('/org/components?sort=bogus')).status,
    ).toBe(400);
    expect(
      (await as(people.lead).plugin('/org/components?limit=0')).status,
    ).toBe(400);
    expect(
      (await as(people.lead).plugin('/org/metrics-pack?quarter=2026-Q5'))
        .status,
    ).toBe(400);
  });

  it('filters, sorts and pages components, with totals of the filtered set', async () => {
    const { as } = await setUp(databases, databaseId);
    const lead = as(people.lead);
    const names = (body: any) =>
      body.items.map((i: any) => i.entityRef.replace(/^.*\//, ''));

    const all = await lead.plugin('/org/components?sort=name');
    expect(all.status).toBe(200);
    expect(all.body.totalCount).toBe(4);

    // A department includes its teams and their nested squads.
    const pe = await lead.plugin(
      `/org/components?owner=${encodeURIComponent(PE)}&sort=name&limit=2`,
    );
    expect(names(pe.body)).toEqual(['checkout-web', 'login-service']);
    expect(pe.body.totalCount).toBe(3);
    const next = await lead.plugin(
      `/org/components?owner=${encodeURIComponent(
        PE,
      )}&sort=name&limit=2&offset=2`,
    );
    expect(names(next.body)).toEqual(['payments-api']);
    expect(next.body.totalCount).toBe(3);

    const payments = await lead.plugin(
      '/org/components?owner=group%3Adefault%2Fpayments-team&sort=name',
    );
    expect(names(payments.body)).toEqual(['checkout-web', 'payments-api']);
    expect(payments.body.items[1]).toMatchObject({
      systemRef: 'system:default/checkout',
      domainRef: 'domain:default/commerce',
      exceptionsOpen: 1,
    });

    const byDomain = await lead.plugin(
      '/org/components?domain=domain%3Adefault%2Fidentity',
    );
    expect(names(byDomain.body)).toEqual(['login-service']);
    const websites = await lead.plugin('/org/components?type=website');
    expect(names(websites.body)).toEqual(['checkout-web']);
    const search = await lead.plugin('/org/components?q=LOGIN');
    expect(names(search.body)).toEqual(['login-service']);
    const experimental = await lead.plugin(
      '/org/components?lifecycle=experimental',
    );
    expect(experimental.body.totalCount).toBe(1);

    // Sorted by score, lowest first by default; descending on request.
    const asc = await lead.plugin('/org/components?sort=overall');
    const scores = asc.body.items.map((i: any) => i.overall);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const desc = await lead.plugin('/org/components?sort=overall&order=desc');
    expect(desc.body.items.map((i: any) => i.overall)).toEqual(
      [...scores].reverse(),
    );
  });

  it('rolls up nested groups, systems and domains, and builds the heatmap', async () => {
    const { as } = await setUp(databases, databaseId);
    const lead = as(people.lead);
    const list = (await lead.plugin('/org/components?limit=500')).body.items;
    const score = (name: string) =>
      list.find((i: any) => i.entityRef.endsWith(`/${name}`));
    const mean = (...names: string[]) =>
      names.reduce((a, n) => a + score(n).overall, 0) / names.length;

    const overview = await lead.plugin('/org/overview');
    expect(overview.status).toBe(200);
    const body = overview.body;
    expect(body.components).toBe(4);
    const groups = Object.fromEntries(body.groups.map((g: any) => [g.ref, g]));
    expect(groups[PE]).toMatchObject({ components: 3, depth: 0 });
    expect(groups[PE].overall).toBeCloseTo(
      mean('payments-api', 'checkout-web', 'login-service'),
      10,
    );
    expect(groups['group:default/payments-team']).toMatchObject({
      components: 2,
      depth: 1,
      parentRef: PE,
    });
    expect(groups['group:default/checkout-squad']).toMatchObject({
      components: 1,
      depth: 2,
    });
    expect(groups['group:default/security-leads'].components).toBe(1);
    // Tree order: a parent comes before its children.
    const order = body.groups.map((g: any) => g.ref);
    expect(order.indexOf(PE)).toBeLessThan(
      order.indexOf('group:default/payments-team'),
    );
    expect(order.indexOf('group:default/payments-team')).toBeLessThan(
      order.indexOf('group:default/checkout-squad'),
    );
    // The heatmap row of a team is the mean of its components' practices.
    expect(Object.keys(groups[PE].practices)).toHaveLength(15);

    expect(
      body.systems.find((s: any) => s.ref === 'system:default/checkout'),
    ).toMatchObject({ components: 2, parentRef: 'domain:default/commerce' });
    expect(
      body.domains.find((d: any) => d.ref === 'domain:default/commerce')
        .overall,
    ).toBeCloseTo(mean('payments-api', 'checkout-web'), 10);
    expect(
      body.distribution.reduce((a: number, b: any) => a + b.count, 0),
    ).toBe(4);

    // Filtered to a team, the rollups are that team's subtree only.
    const team = await lead.plugin(
      '/org/overview?owner=group%3Adefault%2Fpayments-team',
    );
    expect(team.body.groups.map((g: any) => [g.ref, g.depth])).toEqual([
      ['group:default/payments-team', 0],
      ['group:default/checkout-squad', 1],
    ]);
  });

  it('shows bottlenecks, expiring exceptions without their text, RASI coverage and trends', async () => {
    const { as } = await setUp(databases, databaseId);
    const lead = as(people.lead);
    const overview = await lead.plugin('/org/overview?withinDays=30');
    const body = overview.body;
    const tm = body.bottlenecks.find(
      (b: any) => b.stageId === 'threat-modeling',
    );
    expect(tm.blocked).toBe(1);
    expect(tm.medianDaysInStatus).toBeGreaterThanOrEqual(0);
    expect(tm.medianDaysInStatus).toBeLessThan(1);
    expect(body.exceptions).toMatchObject({ expiring: 1, expired: 0 });
    expect(body.exceptions.items[0]).toMatchObject({
      entityRef: 'component:default/payments-api',
      controlId: 'run-as-non-root',
      riskRating: 'high',
      status: 'approved',
    });
    expect(JSON.stringify(body)).not.toContain('SECRET-JUSTIFICATION');
    const soon = await lead.plugin('/org/overview?withinDays=5');
    expect(soon.body.exceptions.expiring).toBe(0);

    const tmRasi = body.rasi.activities.find(
      (a: any) => a.activityId === 'threat-modeling',
    );
    expect(tmRasi).toMatchObject({ covered: 1, missingAccountable: 3 });
    expect(body.rasi.partners).toEqual([
      { ref: people.lead, components: 1, assignments: 1 },
    ]);

    const trend = await lead.plugin(
      `/org/trend?owner=${encodeURIComponent(PE)}`,
    );
    expect(trend.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(trend.body.points.at(-1)).toMatchObject({
      day: today,
      components: 3,
    });
  });
});
