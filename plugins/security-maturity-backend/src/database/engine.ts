import { Knex } from 'knex';

/** Whether the client talks to PostgreSQL, where the fast paths apply. */
export const isPostgres = (db: Knex): boolean =>
  (db.client as { dialect?: string }).dialect === 'postgresql';
