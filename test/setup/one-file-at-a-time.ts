import { Client } from 'pg';
import { testEnv } from '../support/test-env';

/**
 * For the tiers that write the run's database (integration, e2e, browser): one test file at a time holds the run's
 * database, whatever else runs beside it. Their tests check that a refused request changed nothing by counting the
 * rows of whole tables (`test/support/records.ts`), which holds only while no other file writes. The lock is a
 * PostgreSQL advisory lock on the run's own database, so PostgreSQL releases it if a test process dies. When the
 * file ends, the workflows it left running on the shared processes are ended too (`StackBroker.quiesce`), and the
 * accounts it made are deactivated: routing picks among active advisers, and a later file that finds its review's
 * holder among the demo accounts must not meet an adviser another file made (and whose password it cannot know).
 */
const LOCK_KEY = 0x1a3a7e; // any number; the database is the run's own
const WAIT_MS = 30 * 60 * 1000;

let holder: Client | undefined;
let fileStartedAt: Date | undefined;

beforeAll(async () => {
  const client = new Client({ connectionString: testEnv().databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  holder = client;
  fileStartedAt = (await client.query<{ now: Date }>('SELECT now() AS now')).rows[0].now;
}, WAIT_MS);

afterAll(async () => {
  try {
    const broker = process.env.LAWGATE_TEST_STACKS;
    if (broker) {
      const res = await fetch(`${broker}/quiesce`, { method: 'POST' });
      if (!res.ok) throw new Error(`ending the file's workflows failed: ${await res.text()}`);
    }
    if (holder && fileStartedAt) {
      await holder.query('UPDATE app_user SET active = false WHERE created_at >= $1 AND active', [fileStartedAt]);
    }
  } finally {
    await holder?.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    await holder?.end();
    holder = undefined;
  }
}, 60000);
