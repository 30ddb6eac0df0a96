import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@lawgate/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one set of TypeORM options LawGate uses: the CLI (`npm run migration:*`), the API, the worker and the tests.
 * Schema changes go through migrations only; `synchronize` is never on.
 */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATABASE_SSL'>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    ssl: config.DATABASE_SSL ? { rejectUnauthorized: true } : false,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'migration'],
    extra: { max: config.DATABASE_POOL_SIZE, application_name: 'lawgate' },
  };
}
