/**
 * Embedded PostgreSQL for `npm start`: PGlite (PostgreSQL compiled to WebAssembly) keeps its data in a directory and
 * pglite-socket serves it on a TCP port, so the migration runner, the API and the worker connect with plain `pg`.
 *
 *   node scripts/lib/pglite-server.mjs --data-dir .data/pglite [--host 127.0.0.1] [--port 54329] [--max-connections 10]
 *
 * Prints `pglite ready <DATABASE_URL>` once it accepts connections. PGlite accepts any user, password and database
 * name; every connection lands in database `postgres` as user `postgres`. SIGINT or SIGTERM (or, when it was started
 * with an IPC channel, its parent going away) closes the server and then the database cleanly, so the next start
 * reuses the data.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const log = (line) => console.log(`[pglite] ${line}`);

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I': ReadyForQuery status outside a transaction block
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/** A simple-protocol Query message. */
function queryMessage(sql) {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/**
 * Shares PGlite's one PostgreSQL session between several client connections.
 *
 * pglite-socket's own queue hands the session to another connection between any two protocol messages unless an
 * explicit transaction is open, so one connection's Parse can replace another's unnamed statement between that
 * one's Parse and Bind (electric-sql/pglite#1046, #977), and one failed message stops its queue for good. This queue
 * gives the session to one connection at a time and takes it back only when PostgreSQL has said ReadyForQuery with
 * status Idle: after a Sync or a simple Query outside a transaction block. A connection that goes away while it
 * holds the session has its extended-protocol batch closed and its transaction rolled back.
 *
 * It has the interface pglite-socket's handlers call: enqueue, clearQueueForHandler, clearTransactionIfNeeded and
 * getQueueLength.
 */
export class SessionQueue {
  constructor(db, { warnAfterMs = 30000 } = {}) {
    this.db = db;
    this.queue = [];
    /** Connection that holds the session, or null when it is idle. */
    this.owner = null;
    this.running = false;
    /** Connection whose message is being run, if any. */
    this.current = undefined;
    this.closed = false;
    this.idleWaiters = [];
    this.warnAfterMs = warnAfterMs;
    this.holdTimer = null;
  }

  getQueueLength() {
    return this.queue.length;
  }

  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('PGlite is shutting down'));
        return;
      }
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  clearQueueForHandler(handlerId) {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId || item.reset) return true;
      item.reject(new Error('Connection closed'));
      return false;
    });
  }

  /** Called when a connection goes away: if it holds the session, end what it left open. */
  clearTransactionIfNeeded(handlerId) {
    if (this.closed || (this.owner !== handlerId && this.current !== handlerId)) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.unshift({ handlerId, reset: true, resolve, reject: resolve });
      void this.pump();
    });
  }

  /** Refuses new messages, fails the queued ones and resolves once the message being run (if any) is done. */
  close() {
    this.closed = true;
    for (const item of this.queue.splice(0)) item.reject(new Error('PGlite is shutting down'));
    this.clearHoldTimer();
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  next() {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item && !this.closed; item = this.next()) {
        this.clearHoldTimer();
        this.current = item.handlerId;
        await (item.reset ? this.reset(item) : this.run(item));
        this.current = undefined;
      }
      if (!this.closed && this.owner !== null && this.queue.length > 0) this.startHoldTimer();
    } finally {
      this.running = false;
      this.current = undefined;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  async run(item) {
    let tail = Buffer.alloc(0);
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            const chunk = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
            tail = chunk.length >= 6 ? Buffer.from(chunk.subarray(-6)) : Buffer.concat([tail, chunk]).subarray(-6);
            item.onData(data);
          },
        }),
      );
    } catch (err) {
      // The session's state is unknown; the connection keeps it until it goes away (its handler closes it now).
      this.owner = item.handlerId;
      item.reject(err);
      return;
    }
    const idle = tail.length === 6 && tail[0] === READY_FOR_QUERY && tail.readInt32BE(1) === 5 && tail[5] === IDLE;
    this.owner = idle ? null : item.handlerId;
    item.resolve(bytes);
  }

  async reset(item) {
    try {
      await this.db.runExclusive(async () => {
        await this.db.execProtocolRaw(SYNC);
        if (this.db.isInTransaction()) await this.db.execProtocolRaw(queryMessage('ROLLBACK'));
      });
    } catch (err) {
      log(`could not reset the session after connection #${item.handlerId} closed: ${err.message}`);
    }
    this.owner = null;
    item.resolve();
  }

  startHoldTimer() {
    if (this.holdTimer || this.warnAfterMs <= 0) return;
    const owner = this.owner;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = null;
      if (this.owner !== owner || this.queue.length === 0) return;
      log(
        `connection #${owner} has held the session (an open transaction) for ${this.warnAfterMs / 1000}s while ` +
          `${this.queue.length} messages of other connections wait; PGlite runs one session at a time`,
      );
    }, this.warnAfterMs);
    this.holdTimer.unref();
  }

  clearHoldTimer() {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
  }
}

function portFree(host, port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function main() {
  // Output goes to a pipe read by `npm start`; if that process is gone, losing log lines must not stop a clean close.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '54329' },
      'max-connections': { type: 'string', default: '10' },
    },
  });
  if (!values['data-dir']) throw new Error('--data-dir is required');
  const dataDir = path.resolve(values['data-dir']);
  const host = values.host;
  const port = Number(values.port);
  const maxConnections = Number(values['max-connections']);

  // The port doubles as the lock on the data directory: two PGlite instances on one directory would corrupt it.
  if (!(await portFree(host, port))) {
    throw new Error(`port ${host}:${port} is already in use (is another LawGate or PGlite running?)`);
  }

  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  fs.mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const db = await PGlite.create({ dataDir });
  log(`${fresh ? 'created' : 'opened'} ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  let queue = null;
  if (server.queryQueue && typeof server.queryQueue.enqueue === 'function') {
    queue = new SessionQueue(db);
    server.queryQueue = queue;
  } else {
    log('warning: this pglite-socket version has no replaceable query queue; using its own (see SessionQueue)');
  }
  await server.start();

  let stopping = null;
  const stop = (reason) => {
    if (stopping) return;
    log(`stopping (${reason})`);
    setTimeout(() => {
      console.error('[pglite] did not stop within 15s; exiting');
      process.exit(1);
    }, 15000).unref();
    stopping = (async () => {
      if (queue) await queue.close();
      await server.stop();
      if (db.isInTransaction()) await db.exec('ROLLBACK');
      await db.close();
    })().then(
      () => {
        log('stopped');
        process.exit(0);
      },
      (err) => {
        console.error(`[pglite] error while stopping: ${err.stack || err}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (process.channel) {
    // Started by `npm start` with an IPC channel: if that process dies without stopping us, stop by ourselves.
    process.on('disconnect', () => stop('parent exited'));
    process.channel.unref();
  }

  console.log(`pglite ready postgres://postgres:postgres@${host}:${port}/postgres`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`[pglite] ${err.message}`);
    process.exit(1);
  });
}
