'use strict';
/** Starts `temporal server start-dev` and waits until its frontend answers a health check. */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(binary, address) {
  const result = spawnSync(binary, ['operator', 'cluster', 'health', '--address', address], {
    encoding: 'utf8',
    timeout: 5000,
  });
  return result.status === 0 && /SERVING/.test(result.stdout);
}

/**
 * @param {object} opts
 * @param {string} opts.binary Temporal CLI path
 * @param {number} opts.port frontend gRPC port
 * @param {number|null} opts.uiPort Web UI port, or null for headless
 * @param {string|null} opts.dbFilename SQLite file for persistence, or null for in-memory
 * @param {string[]} opts.searchAttributeArgs `--search-attribute Name=Type` pairs
 * @param {string} [opts.namespace]
 * @param {string} [opts.logFile] where the server's output goes (default: discarded)
 * @param {number} [opts.timeoutMs]
 */
async function startDevServer(opts) {
  const address = `127.0.0.1:${opts.port}`;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--namespace',
    opts.namespace || 'default',
    '--log-format',
    'json',
    '--log-level',
    'warn',
    ...(opts.dbFilename ? ['--db-filename', opts.dbFilename] : []),
    ...(opts.uiPort ? ['--ui-ip', '127.0.0.1', '--ui-port', String(opts.uiPort)] : ['--headless']),
    ...opts.searchAttributeArgs,
  ];
  const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'ignore';
  const child = spawn(opts.binary, args, { stdio: ['ignore', out, out], detached: false });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const deadline = Date.now() + (opts.timeoutMs || 120000);
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(
        `The Temporal dev server exited during start-up (code ${exited.code}, signal ${exited.signal})` +
          (opts.logFile ? `; see ${opts.logFile}` : ''),
      );
    }
    if (healthy(opts.binary, address)) {
      return {
        address,
        process: child,
        stop: () =>
          new Promise((resolve) => {
            if (exited) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10000).unref();
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`The Temporal dev server did not become healthy at ${address} in time`);
}

module.exports = { startDevServer, freePort };
