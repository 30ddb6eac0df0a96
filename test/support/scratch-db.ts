import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@lawgate/persistence';
import { testEnv, uniqueSuffix } from './test-env';

/**
 * A database of its own for tests that must do what would disturb others (revert migrations, tamper with the
 * ledger as a superuser). Created migrated, dropped afterwards.
 */
export async function withScratchDatabase<T>(fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const base = new URL(testEnv().databaseUrl);
  const name = `lawgate_scratch_${uniqueSuffix().replace(/-/g, '_')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 2, DATABASE_SSL: false }),
    // Some tests provoke refused statements on purpose; the assertions report failures.
    logging: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return await fn(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
