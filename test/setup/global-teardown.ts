import { Client } from 'pg';

/** Stops the run's Temporal dev server and drops the run's database. */
export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__LAWGATE_TEST_RUN__;
  if (!run) return;
  await run.stopTemporal();
  const admin = new Client({ connectionString: run.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${run.database}" WITH (FORCE)`);
  await admin.end();
}
