import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { searchAttributeCliArgs } from '../../libs/domain/src/search-attributes';
import { buildDataSourceOptions } from '../../libs/persistence/src/data-source.options';
import { CalendarRepository } from '../../libs/persistence/src/calendar/calendar.repository';
import { packagedCalendar } from '../../libs/persistence/src/calendar/calendar-package';
import { seedDemoOrganisation } from '../../libs/persistence/src/seed/demo-organisation';
import { generatePayloadKey } from '../../libs/temporal/src/codec/keys';
import { writeTestSigningKey } from '../support/secrets';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helpers shared with npm start
const { findOrBuildTemporal } = require('../../scripts/lib/temporal-cli.cjs') as {
  findOrBuildTemporal: (log?: (line: string) => void) => Promise<string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helpers shared with npm start
const { startDevServer, freePort } = require('../../scripts/lib/dev-server.cjs') as {
  startDevServer: (opts: Record<string, unknown>) => Promise<{ address: string; stop: () => Promise<void> }>;
  freePort: () => Promise<number>;
};

const ROOT = join(__dirname, '..', '..');

export interface TestRun {
  adminUrl: string;
  database: string;
  stopTemporal: () => Promise<void>;
}

declare global {
  var __LAWGATE_TEST_RUN__: TestRun | undefined;
}

/**
 * Once per `jest` run: a PostgreSQL database of its own (created here, migrated, seeded; dropped in teardown), one
 * Temporal dev server (in memory, with LawGate's search attributes), and the compiled apps plus the prebuilt
 * workflow bundle that the end-to-end tests run as real processes.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `lawgate_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const testUrl = new URL(base.toString());
  testUrl.pathname = `/${database}`;
  process.env.DATABASE_URL = testUrl.toString();

  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: testUrl.toString(), DATABASE_POOL_SIZE: 2, DATABASE_SSL: false }),
    logging: ['error'],
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoOrganisation(dataSource);
  const calendar = packagedCalendar();
  await new CalendarRepository(dataSource).loadYearsIfAbsent(calendar.years, calendar.source);
  await dataSource.destroy();

  const binary = await findOrBuildTemporal((line) => process.stderr.write(`${line}\n`));
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const port = await freePort();
  const server = await startDevServer({
    binary,
    port,
    uiPort: null,
    dbFilename: null,
    searchAttributeArgs: searchAttributeCliArgs(),
    logFile: join(ROOT, '.cache', 'temporal-test.log'),
  });
  process.env.TEMPORAL_ADDRESS = server.address;
  process.env.TEMPORAL_CLI_PATH = binary;

  // The e2e tier runs the API and the worker as processes from the compiled output, as production does.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-workflow-bundle.mjs')], { cwd: ROOT, stdio: 'ignore' });
  // The API serves the built web app (dist/web), which the browser tier drives; rebuilt only when its sources changed.
  if (webBuildIsStale()) {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        join(ROOT, 'apps', 'web', 'vite.config.ts'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  process.env.WORKFLOW_BUNDLE_PATH = join(ROOT, 'dist', 'workflow-bundle.js');
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  // This run's own secrets: the key that seals Temporal payloads and the Ed25519 key that signs checkpoints.
  process.env.TEMPORAL_PAYLOAD_KEYS = generatePayloadKey('test');
  process.env.LAWGATE_SIGNING_KEY_FILE = writeTestSigningKey(join(ROOT, '.cache'));

  globalThis.__LAWGATE_TEST_RUN__ = { adminUrl: base.toString(), database, stopTemporal: server.stop };
  process.stderr.write(
    `\n[test setup] database ${database}, Temporal ${server.address}, ready in ${Math.round((Date.now() - started) / 1000)}s\n`,
  );
}

/** Whether dist/web is missing or older than a source of the web app (its own files, libs/domain, the lock file). */
function webBuildIsStale(): boolean {
  const built = join(ROOT, 'dist', 'web', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (path: string): number => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
  };
  const sources = [join(ROOT, 'apps', 'web'), join(ROOT, 'libs', 'domain', 'src'), join(ROOT, 'package-lock.json')];
  return sources.some((source) => newest(source) > builtAt);
}
