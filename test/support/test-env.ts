import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@lawgate/persistence';

export interface TestEnv {
  databaseUrl: string;
  temporalAddress: string;
  workflowBundlePath: string;
  /** The bundle of the shared steps' test workflow (test/workflow/steps). */
  stepTestBundlePath: string;
}

/**
 * Which variable holds each resource, and which tiers' global set-up (`test/setup/<tier>.setup.ts`) prepares it. The
 * set-up lists what it prepared in `LAWGATE_TEST_PREPARED`, so that a `DATABASE_URL` of the shell is never taken for
 * the run's own database.
 */
const RESOURCES: Record<keyof TestEnv, { variable: string; tiers: string }> = {
  databaseUrl: { variable: 'DATABASE_URL', tiers: 'integration, e2e and browser' },
  temporalAddress: { variable: 'TEMPORAL_ADDRESS', tiers: 'workflow, e2e and browser' },
  workflowBundlePath: { variable: 'WORKFLOW_BUNDLE_PATH', tiers: 'workflow, replay, e2e and browser' },
  stepTestBundlePath: { variable: 'STEP_TEST_BUNDLE_PATH', tiers: 'workflow' },
};

/** Whether the run's global set-up prepared this variable. */
export function prepared(variable: string): boolean {
  return (process.env.LAWGATE_TEST_PREPARED ?? '').split(',').includes(variable);
}

/**
 * What the global set-up of this test's tier prepared for the run. Each tier prepares only what it needs (the unit
 * tier nothing), so each field is read when used, and reading one the tier did not prepare says so.
 */
export function testEnv(): TestEnv {
  const env = {} as TestEnv;
  for (const [field, { variable, tiers }] of Object.entries(RESOURCES) as [
    keyof TestEnv,
    (typeof RESOURCES)[keyof TestEnv],
  ][]) {
    Object.defineProperty(env, field, {
      enumerable: true,
      get: () => {
        const value = process.env[variable];
        if (!value || !prepared(variable)) {
          throw new Error(
            `${variable} was not prepared for this test: run it through jest, in a tier whose global set-up ` +
              `prepares it (${tiers})`,
          );
        }
        return value;
      },
    });
  }
  return env;
}

export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: testEnv().databaseUrl, DATABASE_POOL_SIZE: 4, DATABASE_SSL: false }),
    logging: ['error'],
  });
  return dataSource.initialize();
}

/** A unique suffix for business keys, so tests never collide on shared tables. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
