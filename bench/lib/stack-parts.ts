import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  CalendarRepository,
  packagedCalendar,
  seedDemoOrganisation,
} from '@lawgate/persistence';
import { generatePayloadKey } from '@lawgate/temporal';
import { writeTestSigningKey } from '../../test/support/secrets';

/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS helpers shared with npm start and the tests */
export const { findOrBuildTemporal } = require('../../scripts/lib/temporal-cli.cjs') as {
  findOrBuildTemporal: (log?: (line: string) => void) => Promise<string>;
};
export const { startDevServer, freePort } = require('../../scripts/lib/dev-server.cjs') as {
  startDevServer: (o: Record<string, unknown>) => Promise<{ address: string; stop: () => Promise<void> }>;
  freePort: () => Promise<number>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, '..', '..');

/** Migrates a benchmark's own database and seeds the demo organisation and the packaged working-day calendar. */
export async function migrateAndSeed(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2, DATABASE_SSL: false }),
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoOrganisation(dataSource);
    const calendar = packagedCalendar();
    await new CalendarRepository(dataSource).loadYearsIfAbsent(calendar.years, calendar.source);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The environment of a benchmark's API and worker processes (built apps in `dist/`, demonstration periods, keys of
 * their own under `dir`). Every API process given the same environment signs and accepts the same tokens.
 */
export function appEnvironment(o: {
  name: string;
  dir: string;
  databaseUrl: string;
  poolSize: string;
  temporalAddress: string;
  taskQueue: string;
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: o.databaseUrl,
    DATABASE_POOL_SIZE: o.poolSize,
    TEMPORAL_ADDRESS: o.temporalAddress,
    TEMPORAL_TASK_QUEUE: o.taskQueue,
    WORKFLOW_BUNDLE_PATH: join(ROOT, 'dist', 'workflow-bundle.js'),
    TEMPORAL_PAYLOAD_KEYS: generatePayloadKey(o.name),
    LAWGATE_SIGNING_KEY_FILE: writeTestSigningKey(join(o.dir, 'keys')),
    PROCEDURE_DEMO_POLICY_ALLOWED: 'true',
    PROCEDURE_PERIODS: 'demo',
    JWT_SECRET: `${o.name}-${Date.now()}-${Math.random().toString(36).slice(2)}-secret`,
    LOG_LEVEL: 'warn',
  };
}
