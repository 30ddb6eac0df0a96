#!/usr/bin/env node
/**
 * `npm start`: LawGate on this machine from a fresh checkout, with one command.
 *
 * Installs the npm dependencies if they are missing or stale, builds, finds (or builds) the Temporal CLI and starts
 * its dev server (data in .data/temporal, Web UI on 8233), starts an embedded PostgreSQL (PGlite, data in
 * .data/pglite) unless DATABASE_URL is set, migrates and seeds the demo organisation, starts the worker and the API,
 * waits until the API reports ready and prints the URLs and the demo logins. Ctrl-C stops everything, in order.
 *
 * Only Node built-ins are imported here: everything else is loaded once the dependencies are installed and built.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, '.data');
const LOGS = path.join(DATA, 'logs');
const require = createRequire(import.meta.url);
const TEMPORAL_DB = path.join(DATA, 'temporal', 'temporal.db');
/** Which dev server this script started, so that the next start can stop one left behind by a SIGKILL. */
const TEMPORAL_PID_FILE = path.join(DATA, 'temporal', 'dev-server.json');

const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const PGLITE_PORT = 54329;
const HEALTH_TIMEOUT_MS = 90000;
const APP_STOP_TIMEOUT_MS = 25000;
const PGLITE_STOP_TIMEOUT_MS = 15000;

const startedAt = Date.now();
const log = (line) => console.log(`[lawgate] ${line}`);
const fail = (line) => console.error(`[lawgate] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Children this script started and stops: name -> { child, exited, logFile, logOffset }. */
const procs = new Map();
let devServer = null;
let stopping = null;

class StartError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// child processes

/**
 * Starts a child and tracks it until it exits. `detached` puts it in its own process group, so a Ctrl-C in the
 * terminal reaches only this script, which then stops the children in order.
 */
function startChild(name, command, args, options = {}) {
  if (stopping) throw new StartError('stopping');
  const child = spawn(command, args, { cwd: ROOT, ...options });
  const entry = { name, child, logFile: options.logFile, logOffset: options.logOffset ?? 0 };
  entry.exited = new Promise((resolve) => {
    child.once('error', (err) => resolve({ code: null, signal: null, error: err }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  entry.exited.then(() => procs.delete(name));
  procs.set(name, entry);
  return entry;
}

function exitDescription(child) {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;
}

function running(entry) {
  return entry && entry.child.exitCode === null && entry.child.signalCode === null;
}

function signal(entry, sig, group) {
  try {
    if (group && entry.child.pid) process.kill(-entry.child.pid, sig);
    else entry.child.kill(sig);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL (to its whole process group) if it has not exited within `timeoutMs`. */
async function stopChild(name, timeoutMs) {
  const entry = procs.get(name);
  if (!running(entry)) return;
  signal(entry, 'SIGTERM', false);
  const timer = sleep(timeoutMs).then(() => 'timeout');
  if ((await Promise.race([entry.exited, timer])) === 'timeout') {
    fail(`${name} did not stop within ${timeoutMs / 1000}s; killing it`);
    signal(entry, 'SIGKILL', entry.group);
    await entry.exited;
  }
}

/** Runs a command to completion; resolves with its exit code and its output. */
async function runToEnd(name, command, args, env = process.env) {
  const entry = startChild(name, command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  entry.child.stdout.on('data', (chunk) => (output += chunk));
  entry.child.stderr.on('data', (chunk) => (output += chunk));
  const { code, signal: sig, error } = await entry.exited;
  if (error) throw new StartError(`could not run ${command}: ${error.message}`);
  return { code: code ?? sig, output };
}

function logTail(file, offset, lines = 30) {
  try {
    const text = fs.readFileSync(file).subarray(offset).toString('utf8');
    const tail = text.split('\n').filter(Boolean).slice(-lines);
    return tail.length > 0 ? tail.join('\n') : '(no output)';
  } catch {
    return '(no log)';
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Child processes of this process that are still there (Linux; elsewhere none are found). */
function strayChildren() {
  const pids = [];
  try {
    for (const task of fs.readdirSync('/proc/self/task')) {
      const text = fs.readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      if (text) pids.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // no /proc
  }
  return pids.filter((pid) => {
    try {
      return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').match(/^\d+ \(.*\) Z/);
    } catch {
      return false;
    }
  });
}

function kill(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function portFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The API, the worker and PGlite stop by themselves when this script is killed outright (SIGKILL); the Temporal dev
 * server cannot. If an earlier run died that way, its dev server is still running on our database: stop it.
 */
async function stopLeftoverDevServer() {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(TEMPORAL_PID_FILE, 'utf8'));
  } catch {
    return;
  }
  const { pid, startedBy } = recorded;
  if (alive(startedBy)) return; // that npm start is still running: leave its server alone
  const command = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout || '';
  if (alive(pid) && command.includes('start-dev') && command.includes(TEMPORAL_DB)) {
    log(`stopping the Temporal dev server (pid ${pid}) left running by an earlier npm start that was killed`);
    kill(pid, 'SIGTERM');
    for (let waited = 0; waited < 10000 && alive(pid); waited += 200) await sleep(200);
    if (alive(pid)) kill(pid, 'SIGKILL');
    for (let waited = 0; waited < 2000 && alive(pid); waited += 100) await sleep(100);
  }
  fs.rmSync(TEMPORAL_PID_FILE, { force: true });
}

/** Stops early, with what to do, if a port LawGate needs is taken (before building, so nothing is half-started). */
async function preflight(apiPort) {
  if (!process.env.TEMPORAL_ADDRESS) {
    // Without the Temporal CLI and without Go to build it, say what to install now rather than after the build.
    const { findTemporal, findGo, findOrBuildTemporal } = require('./lib/temporal-cli.cjs');
    try {
      if (!findTemporal() && !findGo()) await findOrBuildTemporal();
    } catch (err) {
      throw new StartError(err.message);
    }
    await stopLeftoverDevServer();
  }
  const wanted = [[apiPort, 'LawGate API', `choose another port for the API: API_PORT=${apiPort + 1} npm start`]];
  if (!process.env.TEMPORAL_ADDRESS) {
    const advice = `use a running Temporal server instead: TEMPORAL_ADDRESS=127.0.0.1:${TEMPORAL_PORT} npm start`;
    wanted.push([TEMPORAL_PORT, 'Temporal gRPC', advice], [TEMPORAL_UI_PORT, 'Temporal Web UI', advice]);
  }
  if (!process.env.DATABASE_URL) {
    const advice = 'use a PostgreSQL server instead: DATABASE_URL=postgres://… npm start';
    wanted.push([PGLITE_PORT, 'embedded PostgreSQL', advice]);
  }
  const busy = [];
  for (const entry of wanted) if (!(await portFree(entry[0]))) busy.push(entry);
  if (busy.length === 0) return;
  const advice = [...new Set(busy.map((entry) => entry[2]))];
  throw new StartError(
    `${busy.length > 1 ? 'these ports are' : 'this port is'} already in use: ` +
      `${busy.map(([port, what]) => `${port} (${what})`).join(', ')}.\n` +
      'Is LawGate already running (another npm start)? Stop it first. Otherwise:\n' +
      advice.map((line) => `  - ${line}`).join('\n'),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// stopping

async function stopAll() {
  const apps = ['api', 'worker', 'build', 'migrate'].filter((name) => running(procs.get(name)));
  if (apps.length > 0) {
    log(`stopping ${apps.join(' and ')}`);
    await Promise.all(apps.map((name) => stopChild(name, APP_STOP_TIMEOUT_MS)));
  }
  if (devServer) {
    log('stopping the Temporal dev server');
    await devServer.stop();
    devServer = null;
    fs.rmSync(TEMPORAL_PID_FILE, { force: true });
  }
  if (running(procs.get('pglite'))) {
    log('stopping PostgreSQL (PGlite)');
    await stopChild('pglite', PGLITE_STOP_TIMEOUT_MS);
  }
  // Anything still running was being started when we were asked to stop (a Go build, a dev server coming up).
  const strays = strayChildren();
  if (strays.length > 0) log(`stopping ${strays.length} process(es) that were still starting`);
  for (const pid of strays) kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10000 && strayChildren().length > 0; waited += 200) await sleep(200);
  for (const pid of strayChildren()) kill(pid, 'SIGKILL');
}

/** Stops everything, once. */
function shutdown(reason, exitCode) {
  if (stopping) return stopping;
  if (reason === 'SIGINT') log('stopping (press Ctrl-C again to force)');
  else if (reason.startsWith('SIG')) log(`${reason}: stopping`);
  stopping = stopAll().then(
    () => {
      log('stopped');
      process.exit(exitCode);
    },
    (err) => {
      fail(`error while stopping: ${err.stack || err}`);
      forceStop();
    },
  );
  return stopping;
}

function forceStop() {
  fail('forced stop: killing the API, the worker and Temporal');
  for (const entry of procs.values()) {
    // PGlite gets SIGTERM even now: it closes its database in a moment, also once this process has gone.
    if (running(entry)) signal(entry, entry.name === 'pglite' ? 'SIGTERM' : 'SIGKILL', entry.group);
  }
  devServer?.process.kill('SIGKILL');
  const pglite = procs.get('pglite')?.child.pid;
  for (const pid of strayChildren()) if (pid !== pglite) kill(pid, 'SIGKILL');
  process.exit(130);
}

// The first signal stops everything in order; a second one (a second Ctrl-C) kills what is left at once.
let signals = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    signals += 1;
    if (signals > 1) forceStop();
    else void shutdown(sig, 0);
  });
}
// A closed terminal or pipe must not cut the shutdown short.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
// Last resort (an uncaught error): never leave the children behind.
process.on('exit', () => {
  for (const entry of procs.values()) if (running(entry)) signal(entry, 'SIGTERM', false);
  if (devServer && devServer.process.exitCode === null) devServer.process.kill('SIGTERM');
});

// ---------------------------------------------------------------------------------------------------------------
// the steps

function ensureDependencies() {
  const { ensureDeps } = require('./lib/ensure-deps.cjs');
  ensureDeps(ROOT, log);
}

async function build() {
  log('building (npm run build: TypeScript and the workflow bundle)');
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { code, output } = await runToEnd('build', npm, ['run', '--silent', 'build']);
  if (stopping) return;
  if (code !== 0) {
    process.stderr.write(output);
    throw new StartError(`the build failed (exit ${code}); fix the errors above and run npm start again`);
  }
  log(`built in ${seconds(started)}`);
}

async function startTemporal() {
  if (process.env.TEMPORAL_ADDRESS) {
    log(`Temporal: using ${process.env.TEMPORAL_ADDRESS} (TEMPORAL_ADDRESS is set; no local dev server)`);
    return { address: process.env.TEMPORAL_ADDRESS, uiUrl: process.env.TEMPORAL_UI_URL || null };
  }
  const { findOrBuildTemporal } = require('./lib/temporal-cli.cjs');
  const { startDevServer } = require('./lib/dev-server.cjs');
  const { searchAttributeCliArgs } = require(path.join(ROOT, 'dist/libs/domain/src/search-attributes.js'));
  let binary;
  try {
    binary = await findOrBuildTemporal((line) => log(line));
  } catch (err) {
    throw new StartError(err.message);
  }
  if (stopping) return null;
  const dbFilename = TEMPORAL_DB;
  fs.mkdirSync(path.dirname(dbFilename), { recursive: true });
  const logFile = path.join(LOGS, 'temporal.log');
  const fresh = !fs.existsSync(dbFilename);
  log(`starting the Temporal dev server (${binary}${fresh ? '' : ', reusing .data/temporal'})`);
  const started = Date.now();
  const logOffset = fileSize(logFile);
  try {
    devServer = await startDevServer({
      binary,
      port: TEMPORAL_PORT,
      uiPort: TEMPORAL_UI_PORT,
      dbFilename,
      searchAttributeArgs: searchAttributeCliArgs(),
      logFile,
    });
  } catch (err) {
    if (stopping) return null;
    throw new StartError(`${err.message}\n${logTail(logFile, logOffset)}`);
  }
  log(`Temporal is up at ${devServer.address} in ${seconds(started)}`);
  fs.writeFileSync(TEMPORAL_PID_FILE, JSON.stringify({ pid: devServer.process.pid, startedBy: process.pid }));
  devServer.process.once('exit', (code, sig) => {
    // A Ctrl-C in the terminal reaches the dev server too (it shares our process group): let our handler see it first.
    setTimeout(() => {
      if (stopping) return;
      devServer = null;
      fail(`the Temporal dev server exited unexpectedly (code ${code}, signal ${sig}); last lines of ${logFile}:`);
      console.error(logTail(logFile, logOffset));
      void shutdown('temporal exited', 1);
    }, 500);
  });
  return { address: devServer.address, uiUrl: `http://127.0.0.1:${TEMPORAL_UI_PORT}` };
}

async function startPostgres() {
  if (process.env.DATABASE_URL) {
    log('PostgreSQL: using DATABASE_URL');
    return { url: process.env.DATABASE_URL, embedded: false };
  }
  const dataDir = path.join(DATA, 'pglite');
  const logFile = path.join(LOGS, 'pglite.log');
  log(`starting the embedded PostgreSQL (PGlite, ${fs.existsSync(dataDir) ? 'reusing' : 'creating'} .data/pglite)`);
  const started = Date.now();
  const script = path.join(ROOT, 'scripts/lib/pglite-server.mjs');
  const args = [script, '--data-dir', dataDir, '--port', String(PGLITE_PORT), '--max-connections', '10'];
  // PGlite watches its IPC channel itself: it closes its database cleanly should this process die.
  const entry = startLogged('pglite', args, { preload: false });
  let url = null;
  while (!stopping && running(entry) && Date.now() - started < 120000) {
    url = /^pglite ready (\S+)$/m.exec(logTail(logFile, entry.logOffset, 1000))?.[1] ?? null;
    if (url) break;
    await sleep(100);
  }
  if (stopping) return null;
  if (!url) {
    throw new StartError(
      `the embedded PostgreSQL did not start; last lines of ${logFile}:\n${logTail(logFile, entry.logOffset)}`,
    );
  }
  log(`PostgreSQL (PGlite) is up at 127.0.0.1:${PGLITE_PORT} in ${seconds(started)}`);
  return { url, embedded: true, entry };
}

async function migrate(env) {
  log('migrating the database and seeding the demo organisation');
  const started = Date.now();
  const script = path.join(ROOT, 'dist/scripts/migrate.js');
  const { code, output } = await runToEnd('migrate', process.execPath, [script, '--seed'], env);
  if (stopping) return;
  if (code !== 0) throw new StartError(`migrating failed (exit ${code}):\n${output.trim()}`);
  let applied = [];
  let seed = null;
  for (const line of output.split('\n')) {
    try {
      const parsed = JSON.parse(line);
      if (parsed.migrationsApplied) applied = parsed.migrationsApplied;
      if (parsed.seed) seed = parsed.seed;
    } catch {
      // not a summary line
    }
  }
  const migrations = applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema up to date';
  const demo =
    seed && seed.unitsAdded + seed.usersAdded > 0
      ? `seeded ${seed.unitsAdded} units and ${seed.usersAdded} users`
      : 'demo organisation already there';
  log(`database ready in ${seconds(started)}: ${migrations}, ${demo}`);
}

/**
 * Preloaded into the API and the worker: if this script dies without stopping them (SIGKILL), their IPC channel
 * closes and they stop themselves the usual way, instead of living on as orphans.
 */
const STOP_WITH_PARENT =
  'data:text/javascript,if(process.channel){process.channel.unref();' +
  'process.once("disconnect",()=>process.kill(process.pid,"SIGTERM"))}';

/**
 * Starts a Node process in its own process group with its output appended to .data/logs/<name>.log, and an IPC
 * channel that tells it when this process is gone.
 */
function startLogged(name, args, { env = process.env, preload = true } = {}) {
  const logFile = path.join(LOGS, `${name}.log`);
  const logOffset = fileSize(logFile);
  const fd = fs.openSync(logFile, 'a');
  try {
    const entry = startChild(name, process.execPath, [...(preload ? ['--import', STOP_WITH_PARENT] : []), ...args], {
      env,
      stdio: ['ignore', fd, fd, 'ipc'],
      detached: true,
      logFile,
      logOffset,
    });
    entry.group = true;
    return entry;
  } finally {
    fs.closeSync(fd);
  }
}

async function waitUntilReady(api, worker, baseUrl) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let healthy = false;
  let polling = false;
  while (Date.now() < deadline && !stopping) {
    for (const entry of [api, worker]) {
      if (!running(entry)) {
        throw new StartError(
          `the ${entry.name} exited during start-up (${exitDescription(entry.child)}); ` +
            `last lines of ${entry.logFile}:\n${logTail(entry.logFile, entry.logOffset)}`,
        );
      }
    }
    if (!healthy) {
      try {
        healthy = (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) })).status === 200;
      } catch {
        // not listening yet
      }
    }
    polling ||= logTail(worker.logFile, worker.logOffset, 1000).includes('worker polling task queue');
    if (healthy && polling) return;
    await sleep(500);
  }
  if (stopping) return;
  const waitingFor = healthy ? worker : api;
  throw new StartError(
    `${healthy ? 'the worker did not start polling' : `${baseUrl}/api/health did not report ready`} within ` +
      `${HEALTH_TIMEOUT_MS / 1000}s; last lines of ${waitingFor.logFile}:\n` +
      logTail(waitingFor.logFile, waitingFor.logOffset),
  );
}

/** Once everything is up, any child that exits on its own stops the rest. */
function watchChildren(entries) {
  for (const entry of entries) {
    void entry.exited.then(({ code, signal: sig }) => {
      if (stopping) return;
      fail(`the ${entry.name} exited unexpectedly (code ${code}, signal ${sig}); last lines of ${entry.logFile}:`);
      console.error(logTail(entry.logFile, entry.logOffset));
      void shutdown(`${entry.name} exited`, 1);
    });
  }
}

/** DATABASE_URL without its credentials. */
function describeDatabase(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname} (DATABASE_URL)`;
  } catch {
    return 'DATABASE_URL';
  }
}

function banner({ baseUrl, temporal, postgres }) {
  const { DEMO_USERS, DEMO_PASSWORD } = require(path.join(ROOT, 'dist/libs/persistence/src/seed/demo-organisation.js'));
  const rel = (p) => path.relative(process.cwd(), p) || '.';
  const temporalData = rel(path.join(DATA, 'temporal'));
  const database = postgres.embedded
    ? `embedded PGlite, data in ${rel(path.join(DATA, 'pglite'))}`
    : describeDatabase(postgres.url);
  const logFiles = [
    'api.log',
    'worker.log',
    ...(devServer ? ['temporal.log'] : []),
    ...(postgres.embedded ? ['pglite.log'] : []),
  ];
  const rows = [['username', 'role', 'password'], ...DEMO_USERS.map((u) => [u.username, u.what, DEMO_PASSWORD])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `  ${row.map((cell, i) => cell.padEnd(widths[i])).join('   ')}`.trimEnd();
  const lines = [
    '',
    `LawGate is running (ready in ${seconds(startedAt)})`,
    '',
    `  API             ${baseUrl}/api`,
    `  API docs        ${baseUrl}/api/docs`,
    `  Health          ${baseUrl}/api/health`,
    `  Metrics         ${baseUrl}/metrics`,
    temporal.uiUrl ? `  Temporal UI     ${temporal.uiUrl}` : null,
    `  Temporal        ${temporal.address}${devServer ? ` (local dev server, data in ${temporalData})` : ''}`,
    `  PostgreSQL      ${database}`,
    `  Logs            ${rel(LOGS)}/ (${logFiles.join(', ')})`,
    '',
    'Demo logins:',
    line(rows[0]),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
    '',
    `Try: curl -s -XPOST ${baseUrl}/api/auth/login -H 'content-type: application/json' \\`,
    `       -d '{"username":"drafter.edu","password":"${DEMO_PASSWORD}"}'`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.filter((l) => l !== null).join('\n'));
}

/**
 * This installation's own secrets under .data/keys (created once, readable by this user only): the AES key that seals
 * Temporal payloads and the Ed25519 key that signs ledger checkpoints and archive manifests. Variables already set in
 * the environment win. A Temporal database from before payloads were sealed gets the plaintext migration window.
 */
function installationSecrets() {
  const dir = path.join(DATA, 'keys');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keysFile = path.join(dir, 'temporal-payload-keys');
  const acceptFile = path.join(dir, 'accept-plaintext');
  if (!fs.existsSync(keysFile)) {
    if (fs.existsSync(TEMPORAL_DB)) {
      fs.writeFileSync(acceptFile, 'procedures started before payloads were sealed\n', { mode: 0o600 });
      log('existing Temporal data: plaintext payloads stay accepted (remove .data/keys/accept-plaintext to end that)');
    }
    const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
    fs.writeFileSync(keysFile, `${id}:${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const signingFile = path.join(dir, 'signing-key.pem');
  if (!fs.existsSync(signingFile)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    fs.writeFileSync(signingFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return {
    TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS || fs.readFileSync(keysFile, 'utf8').trim(),
    ...(fs.existsSync(acceptFile) && !process.env.TEMPORAL_PAYLOAD_PLAINTEXT
      ? { TEMPORAL_PAYLOAD_PLAINTEXT: 'accept' }
      : {}),
    LAWGATE_SIGNING_KEY_FILE: process.env.LAWGATE_SIGNING_KEY_FILE || signingFile,
  };
}

async function main() {
  log(`starting LawGate in ${ROOT}`);
  ensureDependencies();
  if (stopping) return;
  const apiPort = process.env.API_PORT || '3000';
  const apiHost = process.env.API_HOST || '127.0.0.1';
  await preflight(Number(apiPort));
  await build();
  if (stopping) return;
  fs.mkdirSync(LOGS, { recursive: true });

  const secrets = installationSecrets();
  const temporal = await startTemporal();
  if (stopping || !temporal) return;
  const postgres = await startPostgres();
  if (stopping || !postgres) return;

  const { installationSecret } = require('./lib/installation-secret.cjs');
  const signing = installationSecret(DATA);
  if (signing.source === 'created') log('created a signing secret for this installation in .data/jwt-secret');
  const env = {
    ...process.env,
    ...secrets,
    NODE_ENV: 'development',
    JWT_SECRET: signing.secret,
    DATABASE_URL: postgres.url,
    ...(postgres.embedded ? { DATABASE_POOL_SIZE: '2' } : {}),
    TEMPORAL_ADDRESS: temporal.address,
    WORKFLOW_BUNDLE_PATH: path.join(ROOT, 'dist/workflow-bundle.js'),
    API_PORT: apiPort,
    API_HOST: apiHost,
    ...(devServer ? { TEMPORAL_UI_URL: temporal.uiUrl } : {}),
  };
  await migrate(env);
  if (stopping) return;

  log('starting the worker and the API');
  const started = Date.now();
  const { workerRuntimeEnv } = require('./lib/worker-runtime.cjs');
  const worker = startLogged('worker', [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
    env: { ...env, ...workerRuntimeEnv(env) },
  });
  const api = startLogged('api', [path.join(ROOT, 'dist/apps/api/src/main.js')], { env });
  const shownHost = ['0.0.0.0', '::', '[::]'].includes(apiHost) ? '127.0.0.1' : apiHost;
  const baseUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${apiPort}`;
  await waitUntilReady(api, worker, baseUrl);
  if (stopping) return;
  log(`API and worker ready in ${seconds(started)}`);
  watchChildren([api, worker, ...(postgres.entry ? [postgres.entry] : [])]);
  banner({ baseUrl, temporal, postgres });
}

main().catch((err) => {
  if (stopping) return;
  fail(err instanceof StartError ? err.message : err.stack || String(err));
  void shutdown('error', 1);
});
