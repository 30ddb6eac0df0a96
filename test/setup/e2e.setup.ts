import { setUp, sharedStacks } from './run-resources';

/**
 * E2e tier: the database, Temporal, the workflow bundle and the compiled apps, and the broker that starts the API and
 * worker processes the test files share.
 */
export default async function e2eSetup(): Promise<void> {
  await setUp('e2e', [sharedStacks]);
}
