import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { searchAttributeCliArgs } from '@lawgate/domain';
import {
  buildDataSourceOptions,
  CalendarRepository,
  packagedCalendar,
  seedDemoOrganisation,
} from '@lawgate/persistence';
import { generatePayloadKey } from '@lawgate/temporal';
import { scratchTemplateName } from '../support/scratch-db';
import { writeTestSigningKey } from '../support/secrets';
import { StackBroker } from './stack-broker';

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
const run$ = promisify(execFile);

/**
 * What one `jest` run has set up, each at most once however many tiers ask for it. Jest runs each selected tier's
 * global set-up in its parent process, one after the other, and the variables they set reach the test workers.
 */
interface RunResources {
  database?: Promise<{ adminUrl: string; database: string }>;
  temporal?: Promise<{ address: string; stop: () => Promise<void> }>;
  workflowBundle?: Promise<string>;
  stepTestBundle?: Promise<string>;
  apps?: Promise<void>;
  web?: Promise<void>;
  stacks?: Promise<StackBroker>;
  secrets?: true;
}

declare global {
  var __LAWGATE_TEST_RUN__: RunResources | undefined;
}

function resources(): RunResources {
  return (globalThis.__LAWGATE_TEST_RUN__ ??= {});
}

function log(line: string): void {
  process.stderr.write(`[test setup] ${line}\n`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  log(`${label} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result;
}

function markPrepared(variable: string, value: string): void {
  process.env[variable] = value;
  const list = new Set((process.env.LAWGATE_TEST_PREPARED ?? '').split(',').filter(Boolean));
  list.add(variable);
  process.env.LAWGATE_TEST_PREPARED = [...list].join(',');
}

/** A PostgreSQL database of the run's own on `DATABASE_URL`'s server: created, migrated, seeded; dropped at the end. */
export function database(): Promise<void> {
  const r = resources();
  r.database ??= timed('database created, migrated and seeded', async () => {
    const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const name = `lawgate_test_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const testUrl = new URL(base.toString());
    testUrl.pathname = `/${name}`;
    const dataSource = new DataSource({
      ...buildDataSourceOptions({ DATABASE_URL: testUrl.toString(), DATABASE_POOL_SIZE: 2, DATABASE_SSL: false }),
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
    markPrepared('DATABASE_URL', testUrl.toString());
    return { adminUrl: base.toString(), database: name };
  });
  return r.database.then(() => undefined);
}

/** One Temporal dev server for the run (in memory, with LawGate's search attributes). */
export function temporal(): Promise<void> {
  const r = resources();
  r.temporal ??= timed('Temporal dev server started', async () => {
    const binary = await findOrBuildTemporal(log);
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    const server = await startDevServer({
      binary,
      port: await freePort(),
      uiPort: null,
      dbFilename: null,
      searchAttributeArgs: searchAttributeCliArgs(),
      logFile: join(ROOT, '.cache', 'temporal-test.log'),
    });
    process.env.TEMPORAL_CLI_PATH = binary;
    markPrepared('TEMPORAL_ADDRESS', server.address);
    return server;
  });
  return r.temporal.then(() => undefined);
}

/** A hash of the contents of these files and folders (relative paths and bytes), to tell when a build is stale. */
function contentHash(paths: string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  paths.forEach(visit);
  return hash.digest('hex');
}

/**
 * Runs a build unless its outputs exist and the contents of its sources are those it was last built from: a hash of
 * them is kept in `stamp`, beside the outputs, so that deleting the outputs also forgets the stamp.
 */
async function buildUnlessUnchanged(
  label: string,
  sources: string[],
  outputs: string[],
  stamp: string,
  build: () => Promise<unknown>,
): Promise<void> {
  await withBuildLock(stamp, async () => {
    const hash = contentHash(sources.map((p) => join(ROOT, p)));
    const fresh = [...outputs, stamp].every((file) => existsSync(file)) && readFileSync(stamp, 'utf8') === hash;
    if (fresh) {
      log(`${label}: sources unchanged, the last build reused`);
      return;
    }
    rmSync(stamp, { force: true });
    await timed(`${label} built`, build);
    writeFileSync(stamp, hash);
  });
}

/**
 * One build of an output at a time across the Jest runs of this checkout (`npm test` runs several side by side): the
 * others wait, then find it fresh. The lock is a file holding its holder's process id; a holder that died leaves a
 * lock the next one takes over.
 */
async function withBuildLock<T>(output: string, work: () => Promise<T>): Promise<T> {
  const lock = `${output}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lock, 'utf8') || 0);
      if (holder && holder !== process.pid && !alive(holder)) rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The prebuilt workflow bundle (`dist/workflow-bundle.js`, as production runs it), rebuilt only when the workflow
 * code, the libraries it imports or the lock file changed since the last build.
 */
export function workflowBundle(): Promise<void> {
  const r = resources();
  r.workflowBundle ??= (async () => {
    const bundle = join(ROOT, 'dist', 'workflow-bundle.js');
    await buildUnlessUnchanged(
      'workflow bundle',
      ['workflows', 'libs', 'package-lock.json', 'scripts/build-workflow-bundle.mjs'],
      [bundle],
      `${bundle}.sources-sha256`,
      // Built aside and renamed into place: another Jest run (npm test runs two) may be reading or building it.
      async () => {
        const aside = `${bundle}.${process.pid}.tmp`;
        await run$(process.execPath, [join(ROOT, 'scripts', 'build-workflow-bundle.mjs'), aside], { cwd: ROOT });
        renameSync(aside, bundle);
      },
    );
    markPrepared('WORKFLOW_BUNDLE_PATH', bundle);
    return bundle;
  })();
  return r.workflowBundle.then(() => undefined);
}

/**
 * The bundle of the shared steps' test workflow (`test/workflow/steps/step-test.workflow.ts`), for the workflow tier:
 * built once and kept like the product's bundle, not by webpack in the test file on every run.
 */
export function stepTestBundle(): Promise<void> {
  const r = resources();
  r.stepTestBundle ??= (async () => {
    const bundle = join(ROOT, 'dist', 'step-test-workflow-bundle.js');
    const workflows = join('test', 'workflow', 'steps');
    await buildUnlessUnchanged(
      'step-test workflow bundle',
      ['workflows', 'libs', workflows, 'package-lock.json', 'scripts/build-workflow-bundle.mjs'],
      [bundle],
      `${bundle}.sources-sha256`,
      async () => {
        const aside = `${bundle}.${process.pid}.tmp`;
        const entry = join(ROOT, workflows, 'step-test.workflow.ts');
        await run$(process.execPath, [join(ROOT, 'scripts', 'build-workflow-bundle.mjs'), aside, entry], { cwd: ROOT });
        renameSync(aside, bundle);
      },
    );
    markPrepared('STEP_TEST_BUNDLE_PATH', bundle);
    return bundle;
  })();
  return r.stepTestBundle.then(() => undefined);
}

/**
 * The API and the worker compiled to `dist/` (`npm run build:server`: tsc, then tsc-alias), which the e2e and browser
 * tiers run as processes, as production does; skipped when no source of the build changed (even an incremental `tsc` parses
 * every file first: half a minute on a busy machine).
 */
export function apps(): Promise<void> {
  const r = resources();
  r.apps ??= (async () => {
    const outputs = ['api', 'worker'].map((app) => join(ROOT, 'dist', 'apps', app, 'src', 'main.js'));
    // An incremental build does not notice deleted outputs: without them, build from scratch.
    if (!outputs.every((file) => existsSync(file))) {
      rmSync(join(ROOT, '.cache', 'tsbuildinfo', 'build.tsbuildinfo'), { force: true });
    }
    await buildUnlessUnchanged(
      'apps (tsc)',
      ['apps/api/src', 'apps/worker/src', 'workflows', 'activities', 'libs', 'scripts'].concat([
        'tsconfig.json',
        'tsconfig.build.json',
        'package-lock.json',
      ]),
      outputs,
      join(ROOT, 'dist', 'apps.sources-sha256'),
      // As `npm run build:server`: compile, then rewrite the `@lawgate/<lib>` aliases to relative paths (tsc-alias).
      async () => {
        for (const [name, bin] of [
          ['tsc', join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')],
          ['tsc-alias', join(ROOT, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js')],
        ]) {
          await run$(process.execPath, [bin, '-p', 'tsconfig.build.json'], { cwd: ROOT }).catch(
            (err: { stdout?: string; stderr?: string; message: string }) => {
              throw new Error(
                `${name} -p tsconfig.build.json failed:\n${err.stdout ?? ''}${err.stderr ?? err.message}`,
              );
            },
          );
        }
      },
    );
  })();
  return r.apps;
}

/** The built web app (`dist/web`), which the API serves and the browser tier drives; rebuilt when its sources changed. */
export function webApp(): Promise<void> {
  const r = resources();
  r.web ??= withBuildLock(join(ROOT, 'dist', 'web'), async () => {
    if (!webBuildIsStale()) {
      log('web app up to date');
      return;
    }
    await timed('web app built', () =>
      run$(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--config',
          join(ROOT, 'apps', 'web', 'vite.config.ts'),
        ],
        // Jest sets NODE_ENV=test, which Vite would keep: the browser tier drives the production build users get
        // (React's production mode: no StrictMode double mounts, no development checks).
        { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
      ),
    );
  });
  return r.web;
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

/**
 * The run's shared API and worker processes (`test/setup/stack-broker.ts`), started when a test file first asks for
 * them through `useStack()`. Needs the database, Temporal, the bundle and the compiled apps.
 */
export function sharedStacks(): Promise<void> {
  const r = resources();
  r.stacks ??= (async () => {
    await Promise.all([database(), temporal(), workflowBundle(), apps()]);
    const broker = await StackBroker.start();
    process.env.LAWGATE_TEST_STACKS = broker.url;
    // `npm test` names the stacks most of a lane's files share (`LAWGATE_TEST_STACKS_AHEAD`, a JSON list of their
    // extra environments): started here, side by side, they are the lane's set-up rather than part of the time of
    // whichever file asked first, which varies from run to run and misleads the next run's sharing out.
    const ahead = JSON.parse(process.env.LAWGATE_TEST_STACKS_AHEAD ?? '[]') as Record<string, string>[];
    if (ahead.length > 0) {
      // An API decides when it starts whether it serves the web app (dist/web): a stack started before the web app
      // is built serves no pages to the browser files that use it later (`npm test` gives every lane browser files).
      await webApp();
      await timed(`${ahead.length} shared stacks started ahead`, () =>
        broker.startAhead(ahead.map((extraEnv) => ({ extraEnv, withWorker: true }))),
      );
    }
    return broker;
  })();
  return r.stacks.then(() => undefined);
}

/**
 * This run's own secrets, for every tier that sets anything up: the key that seals Temporal payloads and the Ed25519
 * key that signs checkpoints.
 */
function secrets(): void {
  const r = resources();
  if (r.secrets) return;
  process.env.TEMPORAL_PAYLOAD_KEYS = generatePayloadKey('test');
  process.env.LAWGATE_SIGNING_KEY_FILE = writeTestSigningKey(join(ROOT, '.cache'));
  r.secrets = true;
}

/** Runs a tier's set-up; if it fails, stops what was started, since Jest then runs no teardown. */
export async function setUp(tier: string, steps: Array<() => Promise<void>>): Promise<void> {
  const started = Date.now();
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  secrets();
  try {
    await Promise.all(steps.map((step) => step()));
  } catch (err) {
    await tearDown().catch(() => undefined);
    throw err;
  }
  log(`${tier} tier ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** Stops the shared processes and Temporal, and drops the run's database (and its scratch databases' template). */
export async function tearDown(): Promise<void> {
  const r = globalThis.__LAWGATE_TEST_RUN__;
  if (!r) return;
  const started = Date.now();
  globalThis.__LAWGATE_TEST_RUN__ = undefined;
  const settled = <T>(p: Promise<T> | undefined) => (p ?? Promise.resolve(undefined)).catch(() => undefined);
  const broker = await settled(r.stacks);
  await broker?.stop();
  const [server, db] = await Promise.all([settled(r.temporal), settled(r.database)]);
  await server?.stop();
  if (db) {
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${db.database}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${scratchTemplateName(db.database)}" WITH (FORCE)`);
    await admin.end();
  }
  log(`torn down in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
