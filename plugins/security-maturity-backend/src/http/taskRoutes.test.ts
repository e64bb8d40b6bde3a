import { inDays, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('GET /tasks on %s', databaseId => {
  it('serves each person their own tasks, a page at a time', async () => {
    const { as } = await startBackend(databases, databaseId);
    const requested = await as(people.owner).post('/exceptions', {
      controlId: 'run-as-non-root',
      justification: 'Legacy agent',
      compensatingControls: 'Isolated node pool',
      riskRating: 'high',
      expiresAt: inDays(20),
    });
    expect(requested.status).toBe(201);

    const owner = await as(people.owner).plugin('/tasks');
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({
      userEntityRef: people.owner,
      isSecurityLead: false,
      lists: {
        approvals: { items: [], totalCount: 0 },
        components: {
          totalCount: 1,
          items: [
            {
              entityRef: 'component:default/payments-api',
              reason: 'no-intake',
            },
          ],
        },
      },
    });

    const lead = await as(people.lead).plugin('/tasks/approvals?limit=1');
    expect(lead.status).toBe(200);
    expect(lead.body).toEqual({
      items: [
        expect.objectContaining({
          exceptionId: requested.body.id,
          controlTitle: 'Containers run as non-root',
          requestedBy: people.owner,
        }),
      ],
      totalCount: 1,
      limit: 1,
      offset: 0,
    });
  });

  it('refuses services and anonymous callers, and bad paging or list names', async () => {
    const { as } = await startBackend(databases, databaseId);
    const service = await as('service').plugin('/tasks');
    expect(service.status).toBe(403);
    expect(service.body.error.message).toBe(
      "This operation does not allow 'service' credentials",
    );
    expect((await as('none').plugin('/tasks')).status).toBe(401);
    for (const path of [
      '/tasks/everything',
      '/tasks?limit=0',
      '/tasks?limit=51',
      '/tasks/approvals?limit=101',
      '/tasks/approvals?offset=-1',
    ]) {
      const res = await as(people.owner).plugin(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
  });
});
