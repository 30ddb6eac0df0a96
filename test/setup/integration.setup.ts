import { database, setUp } from './run-resources';

/** Integration tier: the run's PostgreSQL database, migrated and seeded. */
export default async function integrationSetup(): Promise<void> {
  await setUp('integration', [database]);
}
