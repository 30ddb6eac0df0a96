// `npm test`: installs what the suite needs, then runs lint and the type checks side by side, then every Jest tier
// (unit, lint, workflow, replay, integration, e2e, browser) in three lanes side by side, against a real Temporal dev
// server, a real PostgreSQL and Debian's Chromium. Extra arguments go to Jest (one run, as given).
// The checks include `prettier --check .` (`LAWGATE_PRETTIER_CHECK=0` leaves it out).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.error(`[test] ${line}`);
// Kept between runs, to share the test files out between the Jest lanes (see `shareOut`).
const TIMINGS = join(root, '.cache', 'test-timings.json');
// Each file's seconds in a full run on a clean clone of this kind of machine, kept in the repository, for a file the
// machine has not timed yet (a fresh clone, as CI runs): `npm run test:timings` writes it from the last run.
const KNOWN_TIMINGS = join(root, 'test', 'timings.json');
// Before any run was timed: a file's seconds by its tier (a quiet 2-core machine's order of magnitude).
const GUESS_SECONDS = { unit: 2, lint: 40, workflow: 10, replay: 20, integration: 8, e2e: 15, browser: 30 };
// Three lanes on two cores: a lane runs one file at a time, and most of a file's time is spent waiting on the
// processes it drives and on the workflows' timers, not computing (about three quarters of the CPU stays idle with
// two lanes). Four saturated the cores (docs/testing.md). `LAWGATE_TEST_LANES` sets another count.
const JEST_LANES = Number.parseInt(process.env.LAWGATE_TEST_LANES ?? '3', 10);
if (!Number.isInteger(JEST_LANES) || JEST_LANES < 1 || JEST_LANES > 8) {
  console.error(`[test] LAWGATE_TEST_LANES must be a whole number from 1 to 8, not ${process.env.LAWGATE_TEST_LANES}`);
  process.exit(1);
}

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

// Jest in lanes side by side (three unless `LAWGATE_TEST_LANES` says otherwise), one file at a time each, one Jest
// run per lane. Every tier's files are shared out between the lanes by the last run's durations, so that they end
// about together (see `shareOut`): the tiers that
// share no data (unit, lint, workflow, replay) and those that write a run's database (integration, e2e, browser: one
// file at a time per database, test/setup/one-file-at-a-time.ts) alike. Each lane's run has its own database,
// Temporal dev server and shared processes, set up once for the lane by the tiers its files are in. Extra arguments
// make it one Jest run.
const jest = (...args) => [bin('jest', 'bin/jest.js'), '--ci', ...args];
// The shared API and worker stacks that most e2e and browser files of every lane use (their `useStack` extra
// environments): a lane with such files starts them in its set-up, side by side (test/setup/run-resources.ts), so
// that no file's recorded seconds include them (they used to land on whichever file of the lane asked first, some
// 20 s each on a busy machine, and mislead the next run's sharing out).
const STACKS_AHEAD = [{}, { PROCEDURE_PERIODS: 'demo' }];
const extra = process.argv.slice(2);
if (extra.length > 0) {
  run('jest', process.execPath, jest(...extra), env);
} else {
  const { projects } = require('../jest.config.js');
  const timings = readTimings();
  const shares = shareOut(tiersOf(listTests(projects.map((p) => p.displayName)), projects), timings, JEST_LANES);
  const lanes = shares
    .filter((files) => files.length > 0)
    .map((files) => {
      const tiers = projects.map((p) => p.displayName).filter((tier) => files.some((f) => f.tier === tier));
      return [
        {
          label: `jest lane: ${files.length} files of ${tiers.join(', ')}`,
          env: { LAWGATE_TEST_STACKS_AHEAD: JSON.stringify(STACKS_AHEAD) },
          key: `lane of ${tiers.join(',')}`,
          args: jest('--maxWorkers=1', '--runTestsByPath', ...files.map((f) => f.path), '--selectProjects', ...tiers),
        },
      ];
    });
  await jestLanes(lanes, timings);
}

/**
 * Each test file with its tier: the project whose `testMatch` takes it and whose `testPathIgnorePatterns` do not,
 * matched as Jest matches them (jest-util's `globsToMatcher`, through the Jest configuration's own dependency).
 */
function tiersOf(files, projects) {
  const { globsToMatcher } = createRequire(require.resolve('jest-config'))('jest-util');
  const rooted = (pattern) => pattern.replaceAll('<rootDir>', root);
  const matchers = projects.map((p) => ({
    project: p,
    takes: globsToMatcher(p.testMatch.map(rooted)),
    ignores: (p.testPathIgnorePatterns ?? []).map((pattern) => new RegExp(rooted(pattern))),
  }));
  return files.map((path) => {
    const project = matchers.find((m) => m.takes(path) && !m.ignores.some((re) => re.test(path)))?.project;
    if (!project) {
      log(`no Jest project takes ${path}`);
      process.exit(1);
    }
    return { path, tier: project.displayName };
  });
}

/**
 * Where the durations of the last runs are kept (`.cache/test-timings.json`): each test file's seconds, and
 * each Jest run's wall clock, from Jest's `--json` results. Only used to share files out between the lanes.
 */
function readTimings() {
  try {
    const read = JSON.parse(readFileSync(TIMINGS, 'utf8'));
    return { files: read.files ?? {}, runs: read.runs ?? {} };
  } catch {
    return { files: {}, runs: {} };
  }
}

/** The test files of these Jest projects (paths as Jest lists them). */
function listTests(selected) {
  const listed = spawnSync(process.execPath, jest('--listTests', '--json', '--selectProjects', ...selected), {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (listed.status !== 0) {
    log(`jest --listTests failed:\n${listed.stderr}`);
    process.exit(1);
  }
  return JSON.parse(listed.stdout);
}

/**
 * Shares every test file out between the lanes: longest first, each to the lane that ends soonest, by the last run's
 * durations on this machine, else those kept in the repository (`test/timings.json`), else its tier's guess. A lane's Jest run first sets up what its tiers need,
 * which is about the same in each lane.
 */
function shareOut(files, timings, laneCount) {
  let known = {};
  try {
    known = JSON.parse(readFileSync(KNOWN_TIMINGS, 'utf8')).files ?? {};
  } catch {
    // none kept: the tiers' guesses
  }
  const seconds = (file) => {
    const path = relative(root, file.path);
    return timings.files[path] ?? known[path] ?? GUESS_SECONDS[file.tier] ?? 10;
  };
  const lanes = Array.from({ length: laneCount }, () => ({ files: [], load: 0 }));
  for (const file of [...files].sort((a, b) => seconds(b) - seconds(a) || a.path.localeCompare(b.path))) {
    const lane = lanes.reduce((soonest, l) => (l.load < soonest.load ? l : soonest));
    lane.files.push(file);
    lane.load += seconds(file);
  }
  log(
    `test files shared out: ${lanes
      .map((l, i) => `${l.files.length} in lane ${i + 1} (about ${Math.round(l.load)}s)`)
      .join(', ')}`,
  );
  return lanes.map((lane) => lane.files.sort((a, b) => a.path.localeCompare(b.path)));
}

/**
 * Runs the lanes side by side, each a sequence of Jest runs, and stops if any failed (a lane goes on after a failed
 * run, so that every test runs). The last lane prints as it goes; the others print each run's output when it ends.
 * Afterwards the durations are kept for the next run's sharing out.
 */
async function jestLanes(lanes, timings) {
  const started = Date.now();
  log(
    `${lanes
      .flat()
      .map((r) => r.label)
      .join(', ')} ...`,
  );
  mkdirSync(dirname(TIMINGS), { recursive: true });
  const runOne = (entry, shown, index) =>
    new Promise((resolve) => {
      const begun = Date.now();
      const results = join(dirname(TIMINGS), `jest-results-${process.pid}-${index}.json`);
      const child = spawn(process.execPath, [...entry.args, '--json', `--outputFile=${results}`], {
        cwd: root,
        env: { ...env, ...entry.env },
        stdio: ['ignore', shown ? 'inherit' : 'pipe', shown ? 'inherit' : 'pipe'],
      });
      const output = [];
      child.stdout?.on('data', (chunk) => output.push(chunk));
      child.stderr?.on('data', (chunk) => output.push(chunk));
      child.on('close', (code) => {
        if (!shown) process.stderr.write(Buffer.concat(output));
        const seconds = (Date.now() - begun) / 1000;
        log(`${entry.label} ${code === 0 ? 'passed' : 'failed'} in ${seconds.toFixed(1)}s`);
        timings.runs[entry.key] = seconds;
        try {
          for (const file of JSON.parse(readFileSync(results, 'utf8')).testResults) {
            timings.files[relative(root, file.name)] = (file.endTime - file.startTime) / 1000;
          }
        } catch {
          // no results (the run did not start): nothing to keep
        }
        rmSync(results, { force: true });
        resolve(code === 0);
      });
    });
  let index = 0;
  const outcomes = await Promise.all(
    lanes.map(async (lane, laneIndex) => {
      let passed = true;
      for (const entry of lane) passed = (await runOne(entry, laneIndex === lanes.length - 1, index++)) && passed;
      return passed;
    }),
  );
  writeFileSync(TIMINGS, JSON.stringify(timings, null, 2));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcomes.includes(false)) {
    log(`jest failed after ${seconds}s`);
    process.exit(1);
  }
  log(`jest passed in ${seconds}s`);
}
