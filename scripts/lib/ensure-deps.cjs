'use strict';
/**
 * Installs the npm dependencies when they are missing or older than package-lock.json (`npm ci`), else does nothing.
 * Plain CommonJS with Node built-ins only: it runs before anything is installed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * @param {string} root repository root (where package-lock.json is)
 * @param {(line: string) => void} [log]
 * @returns {boolean} whether it ran `npm ci`
 */
function ensureDeps(root, log = (line) => console.log(line)) {
  const lock = mtime(path.join(root, 'package-lock.json'));
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (installed !== null && (lock === null || installed >= lock)) return false;
  log(
    installed === null
      ? '[lawgate] installing dependencies (npm ci)'
      : '[lawgate] package-lock.json changed since the last install; reinstalling dependencies (npm ci)',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const started = Date.now();
  const result = spawnSync(npm, ['ci'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw new Error(`could not run npm ci: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`npm ci failed (exit ${result.status ?? result.signal})`);
  log(`[lawgate] dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return true;
}

module.exports = { ensureDeps };

if (require.main === module) {
  try {
    ensureDeps(path.join(__dirname, '..', '..'));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
