// Races (issue #19): simultaneous creations of one thing are one 201 and
// 409s (a unique violation in the database is a conflict, never a 500), and
// simultaneous evidence pushes to one release all land, since CI cannot send
// a version.
import { people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('races on %s', databaseId => {
  it('answers ten simultaneous creations of one release with one 201 and nine 409s', async () => {
    const { as, knex } = await startBackend(databases, databaseId);
    const owner = as(people.owner);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        owner.post('/releases', { release: '3.0.0' }),
      ),
    );
    const statuses = answers.map(a => a.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const answer of answers.filter(a => a.status === 409)) {
      expect(answer.body.error.name).toBe('ConflictError');
      expect(answer.text).not.toMatch(/insert|unique|constraint|sql/i);
    }
    expect(await knex('releases').where({ release: '3.0.0' })).toHaveLength(1);
    const history = await knex('history').where({
      record_type: 'release',
      action: 'create',
    });
    expect(history).toHaveLength(1);
  });

  it('lands ten simultaneous evidence pushes to one release', async () => {
    const { as } = await startBackend(databases, databaseId);
    const created = await as(people.owner).post('/releases', {
      release: '3.1.0',
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const ci = as('service');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ci.post(`/releases/${id}/evidence`, {
          kind: 'scan',
          title: `Scan ${i}`,
          url: `https://ci.example.com/runs/${i}`,
          result: 'pass',
        }),
      ),
    );
    expect(answers.map(a => a.status)).toEqual(Array(10).fill(201));

    const release = (await as(people.owner).get('/releases')).body.items[0];
    expect(
      release.evidence.map((e: { title: string }) => e.title).sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `Scan ${i}`).sort());
    expect(release.version).toBe(11);
    const history = (await as(people.owner).get('/history?limit=50')).body
      .items;
    expect(
      history.filter((h: { action: string }) => h.action === 'evidence'),
    ).toHaveLength(10);
  });
});
