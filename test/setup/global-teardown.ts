import { tearDown } from './run-resources';

/**
 * Every tier that sets something up names this teardown, which Jest runs once per run (once per module path): it
 * stops the shared processes and Temporal and drops the run's database, whichever tiers ran.
 */
export default async function globalTeardown(): Promise<void> {
  await tearDown();
}
