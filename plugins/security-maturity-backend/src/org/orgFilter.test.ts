import { readFilter, resolveFilter, toPage } from './orgFilter';
import {
  CHECKOUT,
  IDENTITY,
  PAYMENTS,
  PE,
  testOrg,
} from './__testUtils__/fixtures';

const org = testOrg();

describe('readFilter', () => {
  it('keeps the filter fields, trimmed, in the shared key order', () => {
    const filter = readFilter({
      q: ' pay ',
      tier: '1',
      owner: 'group:default/payments-team',
    });
    expect(filter).toEqual({
      owner: 'group:default/payments-team',
      tier: '1',
      q: 'pay',
    });
    expect(Object.keys(filter)).toEqual(['owner', 'tier', 'q']);
  });

  it('leaves out blank values, non-strings and other parameters', () => {
    const query: Record<string, unknown> = {
      owner: '   ',
      system: ['a', 'b'],
      domain: 3,
      sort: 'name',
      limit: 10,
    };
    expect(readFilter(query)).toEqual({});
  });
});

describe('resolveFilter', () => {
  it('resolves an owner group to itself and every group nested below it', () => {
    const { owners } = resolveFilter(
      { owner: 'Group:Default/Product-Engineering' },
      org,
    );
    expect([...(owners ?? [])].sort()).toEqual(
      [PE, PAYMENTS, CHECKOUT, IDENTITY].sort(),
    );
    expect(resolveFilter({ owner: PAYMENTS }, org).owners?.sort()).toEqual(
      [CHECKOUT, PAYMENTS].sort(),
    );
  });

  it('keeps a user owner, and an unknown group, as they are (lower-cased)', () => {
    expect(resolveFilter({ owner: 'user:default/Olivia' }, org).owners).toEqual(
      ['user:default/olivia'],
    );
    expect(resolveFilter({ owner: 'group:default/gone' }, org).owners).toEqual([
      'group:default/gone',
    ]);
  });

  it('resolves a domain to its systems, and an unknown one to none', () => {
    expect(
      resolveFilter({ domain: 'domain:default/Commerce' }, org).systems,
    ).toEqual(['system:default/checkout']);
    expect(
      resolveFilter({ domain: 'domain:default/none' }, org).systems,
    ).toEqual([]);
  });

  it('matches a system outside the chosen domain to nothing', () => {
    expect(
      resolveFilter(
        {
          system: 'system:default/Checkout',
          domain: 'domain:default/commerce',
        },
        org,
      ).systems,
    ).toEqual(['system:default/checkout']);
    expect(
      resolveFilter(
        {
          system: 'system:default/accounts',
          domain: 'domain:default/commerce',
        },
        org,
      ).systems,
    ).toEqual([]);
  });

  it('passes tier, lifecycle and type on, and lower-cases the search', () => {
    expect(
      resolveFilter(
        { tier: '1', lifecycle: 'production', type: 'Service', q: 'PAY' },
        org,
      ),
    ).toEqual({
      tier: '1',
      lifecycle: 'production',
      type: 'Service',
      q: 'pay',
    });
    expect(resolveFilter({}, org)).toEqual({});
  });
});

describe('toPage', () => {
  it('defaults to the lowest scores first, 50 from the start', () => {
    expect(toPage({})).toEqual({
      sort: 'overall',
      order: 'asc',
      limit: 50,
      offset: 0,
    });
  });

  it('takes the sort, order and paging given', () => {
    expect(
      toPage({ sort: 'openGates', order: 'desc', limit: 500, offset: 1000 }),
    ).toEqual({ sort: 'openGates', order: 'desc', limit: 500, offset: 1000 });
    expect(toPage({ order: 'asc', sort: 'name' })).toMatchObject({
      sort: 'name',
      order: 'asc',
    });
  });
});
