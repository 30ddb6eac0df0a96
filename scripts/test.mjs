// `npm test`: installs what the suite needs, then runs lint and the type checks side by side, then every Jest tier
// (unit, lint, workflow, replay, integration, e2e, browser) in two lanes side by side, against a real Temporal dev
// server, a real PostgreSQL and Debian's Chromium. Extra arguments go to Jest (one run, as given).
// The checks include `prettier --check .` (`LAWGATE_PRETTIER_CHECK=0` leaves it out).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.error(`[test] ${line}`);

function run(label, command, args, env = process.env) {
  const started = Date.now();
  log(`${label} ...`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    log(`${label} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  log(`${label} passed in ${seconds}s`);
}

const { ensureDeps } = require('./lib/ensure-deps.cjs');
try {
  ensureDeps(root, log);
} catch (err) {
  log(err.message);
  process.exit(1);
}

const { findOrBuildTemporal } = require('./lib/temporal-cli.cjs');
let temporal;
try {
  temporal = await findOrBuildTemporal(log);
} catch (err) {
  log(err.message);
  process.exit(1);
}
// The browser tier drives Debian's Chromium (the browser builds Playwright downloads cannot be fetched here), with
// Debian's CJK fonts so that the pages (and the screenshots the tests take) show Chinese text.
const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
function which(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}
if (!existsSync(CHROMIUM) || !existsSync(CJK_FONT)) {
  if (which('apt-get') && typeof process.getuid === 'function' && process.getuid() === 0) {
    log('Chromium or its CJK fonts are missing: installing them from Debian (apt-get install chromium fonts-noto-cjk)');
    run('apt-get update', 'apt-get', ['update'], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
    run('apt-get install chromium fonts-noto-cjk', 'apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], {
      ...process.env,
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } else {
    log(
      `the browser tests need Chromium at ${CHROMIUM} and CJK fonts: install the Debian packages as root ` +
        '(apt-get update && apt-get install -y chromium fonts-noto-cjk), then run npm test again',
    );
    process.exit(1);
  }
}

const env = { ...process.env, TEMPORAL_CLI_PATH: temporal };
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

/**
 * Runs commands side by side and stops if any failed. The `live` one prints as it goes; each other prints its output
 * in one block when it ends.
 */
async function sideBySide(title, list, live) {
  const started = Date.now();
  log(`${list.map(([label]) => label).join(', ')} ...`);
  const results = await Promise.all(
    list.map(
      ([label, args]) =>
        new Promise((resolve) => {
          const begun = Date.now();
          const shown = label === live;
          const child = spawn(process.execPath, args, {
            cwd: root,
            env,
            stdio: ['ignore', shown ? 'inherit' : 'pipe', shown ? 'inherit' : 'pipe'],
          });
          const output = [];
          child.stdout?.on('data', (chunk) => output.push(chunk));
          child.stderr?.on('data', (chunk) => output.push(chunk));
          child.on('close', (code) => {
            if (!shown) process.stderr.write(Buffer.concat(output));
            const seconds = ((Date.now() - begun) / 1000).toFixed(1);
            log(`${label} ${code === 0 ? 'passed' : 'failed'} in ${seconds}s`);
            resolve(code === 0);
          });
        }),
    ),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (results.includes(false)) {
    log(`${title} failed after ${seconds}s`);
    process.exit(1);
  }
  log(`${title} passed in ${seconds}s`);
}

const staticChecks = [
  ['lint', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
  ['typecheck', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck web', [bin('typescript', 'bin/tsc'), '-p', 'apps/web/tsconfig.json', '--noEmit']],
];
// Formatting is checked with the other static checks (`LAWGATE_PRETTIER_CHECK=0` leaves it out while formatting).
if (process.env.LAWGATE_PRETTIER_CHECK !== '0') {
  staticChecks.push(['prettier', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']]);
}
await sideBySide('checks', staticChecks);

// Jest in two lanes, side by side, one file at a time each: the tiers that write the run's database (which run one
// file at a time in any case: test/setup/one-file-at-a-time.ts), and the tiers that share no data. Each lane is a
// Jest run of its own, with its own database and Temporal dev server. Extra arguments make it one Jest run.
const jest = (...args) => [bin('jest', 'bin/jest.js'), '--ci', ...args];
const extra = process.argv.slice(2);
if (extra.length > 0) {
  run('jest', process.execPath, jest(...extra), env);
} else {
  const { projects } = require('../jest.config.js');
  const writesDatabase = (p) => (p.setupFilesAfterEnv ?? []).some((file) => file.endsWith('one-file-at-a-time.ts'));
  const lane = (list) => list.map((p) => p.displayName);
  const [database, other] = [lane(projects.filter(writesDatabase)), lane(projects.filter((p) => !writesDatabase(p)))];
  const databaseLane = `jest ${database.join(', ')}`;
  await sideBySide(
    'jest',
    [
      [databaseLane, jest('--maxWorkers=1', '--selectProjects', ...database)],
      [`jest ${other.join(', ')}`, jest('--maxWorkers=1', '--selectProjects', ...other)],
    ],
    databaseLane,
  );
}
