'use strict';
/**
 * Finds the Temporal CLI (which contains the dev server and the Web UI) or builds it with Go.
 * Order: $TEMPORAL_CLI_PATH, `temporal` on PATH, the LawGate cache; else `go install` into the cache.
 * Plain CommonJS with Node built-ins only, so it runs before `npm install` and from any script or test setup.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

function cacheRoot() {
  if (process.env.LAWGATE_CACHE_DIR) return process.env.LAWGATE_CACHE_DIR;
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lawgate');
}

function cachedBinaryPath() {
  return path.join(cacheRoot(), 'temporal', TEMPORAL_CLI_VERSION, 'temporal');
}

function isUsable(file) {
  if (!file || !fs.existsSync(file)) return false;
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 20000 });
  return result.status === 0 && /temporal version/i.test(result.stdout);
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function findGo() {
  const found = onPath('go');
  if (found) return found;
  for (const candidate of ['/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The CLI if one is already here, else null. */
function findTemporal() {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!isUsable(fromEnv)) {
      throw new Error(`TEMPORAL_CLI_PATH is set to ${fromEnv}, but that is not a working Temporal CLI.`);
    }
    return fromEnv;
  }
  const fromPath = onPath('temporal');
  if (fromPath && isUsable(fromPath)) return fromPath;
  const cached = cachedBinaryPath();
  if (isUsable(cached)) return cached;
  return null;
}

function buildTemporal(log) {
  const go = findGo();
  if (!go) {
    return Promise.reject(
      new Error(
        'LawGate needs the Temporal CLI (it runs the local Temporal server), and neither the CLI nor Go is installed.\n' +
          'Install one of them and run the command again:\n' +
          '  - the Temporal CLI: https://docs.temporal.io/cli (put `temporal` on PATH or set TEMPORAL_CLI_PATH), or\n' +
          `  - Go 1.25 or newer: https://go.dev/dl/ (LawGate then builds ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}).`,
      ),
    );
  }
  const target = cachedBinaryPath();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const gobin = fs.mkdtempSync(path.join(path.dirname(target), '.build-'));
  log(
    `[temporal] building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} (first time only; several minutes on 2 cores)`,
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(go, ['install', '-v', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: gobin, GOFLAGS: process.env.GOFLAGS || '-mod=mod' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let downloads = 0;
    let compiled = 0;
    let tail = '';
    const seconds = () => Math.round((Date.now() - started) / 1000);
    const ticker = setInterval(
      () =>
        log(`[temporal] still building: ${downloads} modules downloaded, ${compiled} packages compiled, ${seconds()}s`),
      15000,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        if (line.startsWith('go: downloading')) downloads += 1;
        else compiled += 1;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      clearInterval(ticker);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(ticker);
      const built = path.join(gobin, 'temporal');
      if (code !== 0 || !fs.existsSync(built)) {
        fs.rmSync(gobin, { recursive: true, force: true });
        reject(new Error(`Building the Temporal CLI failed (go install exited with ${code}). Last output:\n${tail}`));
        return;
      }
      fs.renameSync(built, target);
      fs.rmSync(gobin, { recursive: true, force: true });
      log(`[temporal] built ${target} in ${seconds()}s (${compiled} packages)`);
      resolve(target);
    });
  });
}

/** Path of a working Temporal CLI, building it into the cache if needed. */
async function findOrBuildTemporal(log = (line) => console.error(line)) {
  const found = findTemporal();
  if (found) return found;
  return buildTemporal(log);
}

module.exports = { TEMPORAL_CLI_VERSION, cachedBinaryPath, findTemporal, findOrBuildTemporal, findGo };

if (require.main === module) {
  findOrBuildTemporal()
    .then((file) => console.log(file))
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
