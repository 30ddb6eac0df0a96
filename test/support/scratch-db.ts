import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, APPLICATION_ROLE } from '@lawgate/persistence';
import { testEnv, uniqueSuffix } from './test-env';

/** The migrated, empty database the run's scratch databases are copied from (dropped with the run's database). */
export function scratchTemplateName(runDatabase: string): string {
  return `${runDatabase}_scratch`;
}

/**
 * A database of its own for tests that must do what would disturb others (revert migrations, tamper with the
 * ledger as a superuser). Created migrated, dropped afterwards.
 *
 * The first one of a run is migrated into a template database; every scratch database is then a copy of it
 * (`CREATE DATABASE … TEMPLATE`, a file copy), instead of running every migration again for each one.
 */
export async function withScratchDatabase<T>(fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const base = new URL(testEnv().databaseUrl);
  const name = `lawgate_scratch_${uniqueSuffix().replace(/-/g, '_')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  let dataSource: DataSource | undefined;
  try {
    await createFromTemplate(admin, base, name);
    dataSource = new DataSource({
      ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 2, DATABASE_SSL: false }),
      // Some tests provoke refused statements on purpose; the assertions report failures.
      logging: false,
    });
    await dataSource.initialize();
    // The template is migrated: nothing runs here, and a migration added since would still run.
    await dataSource.runMigrations({ transaction: 'each' });
    return await fn(dataSource);
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Creates `name` as a copy of the run's migrated template, migrating the template first if it is not there yet. */
async function createFromTemplate(admin: Client, runUrl: URL, name: string): Promise<void> {
  const template = scratchTemplateName(runUrl.pathname.slice(1));
  // One creator at a time (the lock lives in the run's database, so it is the run's own).
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const url = new URL(runUrl.toString());
      url.pathname = `/${template}`;
      const migrating = new DataSource({
        ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 1, DATABASE_SSL: false }),
        logging: false,
      });
      await migrating.initialize();
      try {
        await migrating.runMigrations({ transaction: 'each' });
      } catch (err) {
        await migrating.destroy();
        await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
        throw err;
      }
      await migrating.destroy();
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // A copy takes the template's contents, not its database-level grants: the one a migration gives, given again.
    await admin.query(
      `DO $$ BEGIN
         IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
           GRANT CONNECT ON DATABASE "${name}" TO ${APPLICATION_ROLE};
         END IF;
       END $$`,
    );
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  }
}
