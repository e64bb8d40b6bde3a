import { createTestDatabases } from '../__testUtils__/databases';
import { iso } from './records/mappers';
import { fastTimestampOptions } from './timestamps';

jest.setTimeout(60_000);

describe('fastTimestampOptions', () => {
  const databases = createTestDatabases();

  it('leaves SQLite alone', async () => {
    const knex = await databases.init('SQLITE_3');
    expect(fastTimestampOptions(knex)).toEqual({});
    await knex.destroy();
  });

  it('reads PostgreSQL timestamps as the same ISO strings as before, in any session time zone', async () => {
    if (!databases.eachSupportedId().flat().includes('POSTGRES_15')) return;
    const knex = await databases.init('POSTGRES_15');
    const read = async (zone: string, literal: string) => {
      // One connection, so the session time zone applies to the read.
      return knex.transaction(async tx => {
        await tx.raw(`SET LOCAL TIME ZONE '${zone}'`);
        const row = await tx
          .select(tx.raw('?::timestamptz AS at', [literal]))
          .options(fastTimestampOptions(knex))
          .first();
        return row.at;
      });
    };
    // UTC sessions take the fast path: already an ISO string.
    expect(await read('UTC', '2026-11-24T19:02:28.123456Z')).toBe(
      '2026-11-24T19:02:28.123Z',
    );
    expect(await read('UTC', '2026-11-24T19:02:28Z')).toBe(
      '2026-11-24T19:02:28.000Z',
    );
    expect(await read('UTC', '2026-11-24T19:02:28.5Z')).toBe(
      '2026-11-24T19:02:28.500Z',
    );
    // Other zones fall back to the driver's parser; the mappers' result is
    // the same instant.
    const kolkata = await read('Asia/Kolkata', '2026-11-24T19:02:28.123Z');
    expect(kolkata).toBeInstanceOf(Date);
    expect(iso(kolkata)).toBe('2026-11-24T19:02:28.123Z');
    expect(await read('UTC', 'infinity')).toBe(Infinity);
    await knex.destroy();
  });
});
