import { ORG_SORTS } from '@secmat/backstage-plugin-security-maturity-common';
import knexFactory from 'knex';
import { applyFilter, applySort, SORT_COLUMNS } from './scoreQueries';

// SQL text only: the client never connects.
const db = knexFactory({ client: 'pg' });
const sql = (q: { toSQL(): { sql: string; bindings: readonly unknown[] } }) =>
  q.toSQL();

describe('applySort', () => {
  it('has columns for every sort the API offers', () => {
    expect(Object.keys(SORT_COLUMNS).sort()).toEqual([...ORG_SORTS].sort());
  });

  it('orders by the sort, nulls last for the percent only, then by ref', () => {
    expect(
      sql(
        applySort(
          db('entity_scores as e').select('*'),
          'percentToTarget',
          'desc',
        ),
      ).sql,
    ).toBe(
      'select * from "entity_scores" as "e" order by e.percent_to_target desc NULLS LAST, "e"."entity_ref" asc',
    );
    expect(
      sql(applySort(db('entity_scores as e').select('*'), 'exceptions', 'asc'))
        .sql,
    ).toBe(
      'select * from "entity_scores" as "e" order by e.exceptions_expired asc, e.exceptions_open asc, "e"."entity_ref" asc',
    );
  });

  it('qualifies every column of an expression with the alias', () => {
    expect(
      sql(applySort(db.select('*').from('u'), 'openGates', 'desc', 'u')).sql,
    ).toBe(
      'select * from "u" order by (u.gates_required - u.gates_cleared) desc, "u"."entity_ref" asc',
    );
  });
});

describe('applyFilter', () => {
  it('keeps to components, and matches the search text literally', () => {
    const q = sql(
      applyFilter(db('entity_scores as e').select('e.entity_ref'), {
        owners: ['group:default/a', 'group:default/b'],
        tier: '1',
        q: '50%_off\\',
      }),
    );
    expect(q.sql).toBe(
      `select "e"."entity_ref" from "entity_scores" as "e" where "e"."kind" = ? and "e"."owner_ref" in (?, ?) and "e"."tier" = ? and "e"."entity_ref" LIKE ? ESCAPE '\\'`,
    );
    expect(q.bindings).toEqual([
      'component',
      'group:default/a',
      'group:default/b',
      '1',
      '%50\\%\\_off\\\\%',
    ]);
  });

  it('matches nothing for an empty list of systems (an unknown domain)', () => {
    const q = sql(
      applyFilter(db('entity_scores as e').select('*'), { systems: [] }),
    );
    expect(q.sql).toMatch(/and 1 = \?$/);
    expect(q.bindings.at(-1)).toBe(0);
  });
});
