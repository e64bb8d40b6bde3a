import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The engines every database test runs on: SQLite always, PostgreSQL 15 when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING names a server (the test
 * command sets it, and under CI=true refuses to run without one).
 */
export function createTestDatabases() {
  return TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
}
