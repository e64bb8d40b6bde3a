// The actions take the REST API's input rules (issue #19): hostile text,
// impossible dates and out-of-range numbers are refused before any service
// runs, and nothing is written.
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { inDays, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const entityRef = 'component:default/payments-api';

describe.each(databases.eachSupportedId())(
  'action input hygiene on %s',
  databaseId => {
    it('refuses control characters and impossible dates, and writes nothing', async () => {
      let registry: ReturnType<typeof actionsRegistryServiceMock> | undefined;
      const { knex } = await startBackend(databases, databaseId, [
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: { logger: coreServices.logger },
          factory: ({ logger }) => {
            registry = actionsRegistryServiceMock({ logger });
            return registry;
          },
        }),
      ]);
      const invoke = (name: string, input: object) =>
        registry!.invoke({
          id: `test:${name}`,
          input: input as any,
          credentials: mockCredentials.user(people.owner),
        });
      const exception = {
        entityRef,
        controlId: 'run-as-non-root',
        justification: 'Binds port 443',
        compensatingControls: 'Dedicated node pool',
        riskRating: 'medium',
        expiresAt: inDays(30),
      };

      for (const input of [
        { ...exception, justification: 'a\u0000b' },
        { ...exception, compensatingControls: 'esc\u001b[2J' },
        { ...exception, expiresAt: '2027-02-30T00:00:00Z' },
        { ...exception, expiresAt: '2026-12-22T25:00:00Z' },
        { ...exception, expiresAt: '2026-12-31T23:59:60Z' },
      ]) {
        await expect(invoke('request-exception', input)).rejects.toThrow();
      }
      await expect(
        invoke('request-exception', { ...exception, justification: 'x\u0000' }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'justification must not contain control characters',
      });
      expect(await knex('exceptions')).toHaveLength(0);
      expect(await knex('history')).toHaveLength(0);

      // Line breaks in multi-line text are fine.
      await invoke('request-exception', {
        ...exception,
        justification: 'Binds port 443.\nThe agent is being rebuilt.',
      });
      expect(await knex('exceptions')).toHaveLength(1);
    });
  },
);
