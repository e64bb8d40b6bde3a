import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@secmat/backstage-plugin-security-maturity-backend',
  'migrations',
);

/** The header row of one entity's security-maturity record. */
export interface EntityRecordHeader {
  entityRef: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Knex store of the plugin. Entity refs are keyed lower-cased, because the
 * catalog compares refs case-insensitively.
 */
export class SecurityMaturityStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<SecurityMaturityStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new SecurityMaturityStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async getRecordHeader(
    entityRef: string,
  ): Promise<EntityRecordHeader | undefined> {
    const row = await this.db('entity_records')
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      version: Number(row.version),
      updatedAt: new Date(row.updated_at).toISOString(),
      updatedBy: row.updated_by,
    };
  }
}
