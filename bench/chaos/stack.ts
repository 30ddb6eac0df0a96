/**
 * The chaos run's own LawGate: a PostgreSQL cluster in a temporary directory on a free port, a Temporal dev server
 * with a file database, two workers on one task queue and two API replicas, all from the compiled apps — and the
 * faults it injects into them (kill -9, restarts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchAttributeCliArgs } from '@lawgate/domain';
import { AppProcess } from '../../test/support/processes';
import { workerRuntimeEnv } from '../lib/processes';
import { appEnvironment, findOrBuildTemporal, freePort, migrateAndSeed, startDevServer } from '../lib/stack-parts';

const ROOT = join(__dirname, '..', '..');
const PG_BIN = process.env.CHAOS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type FaultKind = 'worker-kill' | 'temporal-restart' | 'postgres-restart' | 'api-kill';
export const FAULT_KINDS: FaultKind[] = ['worker-kill', 'temporal-restart', 'postgres-restart', 'api-kill'];

/** initdb refuses to run as root: the cluster then belongs to the `postgres` user. */
function pgUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

function pg(args: string[], dir: string): void {
  const [cmd, ...rest] = args;
  const result = spawnSync(join(PG_BIN, cmd), rest, { encoding: 'utf8', cwd: dir, ...pgUser() });
  if (result.status !== 0) throw new Error(`${cmd} ${rest.join(' ')}: ${result.stderr}${result.stdout}`);
}

export class ChaosStack {
  readonly dir = mkdtempSync(join(tmpdir(), 'lawgate-chaos-'));
  readonly taskQueue = `chaos-${Date.now().toString(36)}`;
  databaseUrl = '';
  private pgPort = 0;
  private temporalPort = 0;
  private temporalBinary = '';
  private temporal?: { address: string; stop: () => Promise<void> };
  readonly workers: (AppProcess | undefined)[] = [undefined, undefined];
  readonly apis: { port: number; process?: AppProcess }[] = [];
  private readonly env: Record<string, string> = {};

  constructor(private readonly log: (line: string) => void) {}

  get pgData(): string {
    return join(this.dir, 'pg');
  }

  async start(): Promise<void> {
    chmodSync(this.dir, 0o777);
    this.pgPort = await freePort();
    this.temporalPort = await freePort();
    // Temporal starts while the database is made and migrated.
    const temporal = findOrBuildTemporal(this.log).then(async (binary) => {
      this.temporalBinary = binary;
      await this.startTemporal();
    });
    void temporal.catch(() => undefined);
    pg(['initdb', '-D', this.pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], this.dir);
    this.startPostgres();
    this.databaseUrl = `postgres://postgres@127.0.0.1:${this.pgPort}/postgres`;
    await migrateAndSeed(this.databaseUrl);
    this.log(`PostgreSQL on ${this.pgPort} (${this.pgData})`);
    await temporal;
    mkdirSync(join(this.dir, 'keys'), { recursive: true });
    // Both replicas sign and accept the same tokens: the API keeps no session of its own.
    Object.assign(
      this.env,
      appEnvironment({
        name: 'chaos',
        dir: this.dir,
        databaseUrl: this.databaseUrl,
        poolSize: '4',
        temporalAddress: `127.0.0.1:${this.temporalPort}`,
        taskQueue: this.taskQueue,
      }),
    );
    for (let i = 0; i < 2; i += 1) this.apis.push({ port: await freePort() });
    await Promise.all([0, 1].flatMap((i) => [this.startWorker(i), this.startApi(i)]));
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  apiUrl(i: number): string {
    return `http://127.0.0.1:${this.apis[i].port}`;
  }

  private startPostgres(): void {
    const options = `-p ${this.pgPort} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    pg(['pg_ctl', '-D', this.pgData, '-l', join(this.dir, 'pg.log'), '-o', options, '-w', 'start'], this.dir);
  }

  private async startTemporal(): Promise<void> {
    this.temporal = await startDevServer({
      binary: this.temporalBinary,
      port: this.temporalPort,
      uiPort: null,
      dbFilename: join(this.dir, 'temporal.db'),
      searchAttributeArgs: searchAttributeCliArgs(),
      logFile: join(this.dir, 'temporal.log'),
    });
  }

  async startWorker(i: number): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      // The memory settings as deployed: the faults hit the worker as it runs in production.
      env: { ...this.env, ...workerRuntimeEnv(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new AppProcess(`worker-${i}`, child, join(this.dir, `worker-${i}.log`));
    this.workers[i] = worker;
    await worker.waitForOutput(/worker polling task queue/, 120000);
  }

  async startApi(i: number): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
      env: { ...this.env, API_PORT: String(this.apis[i].port), API_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new AppProcess(`api-${i}`, child, join(this.dir, `api-${i}.log`));
    this.apis[i].process = api;
    const deadline = Date.now() + 120000;
    while (Date.now() < deadline && api.running) {
      try {
        if ((await fetch(`${this.apiUrl(i)}/api/health/live`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`api-${i} did not come up:\n${api.output.slice(-30).join('\n')}`);
  }

  /** Injects one fault and brings the part back; resolves when it is back. */
  async inject(kind: FaultKind, which: number): Promise<void> {
    switch (kind) {
      case 'worker-kill':
        await this.workers[which]?.stop('SIGKILL');
        await this.startWorker(which);
        return;
      case 'api-kill':
        await this.apis[which].process?.stop('SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await this.startApi(which);
        return;
      case 'temporal-restart':
        await this.temporal?.stop();
        await this.startTemporal();
        return;
      case 'postgres-restart':
        pg(['pg_ctl', '-D', this.pgData, '-m', which === 0 ? 'fast' : 'immediate', '-w', 'stop'], this.dir);
        await new Promise((resolve) => setTimeout(resolve, 500));
        this.startPostgres();
        return;
    }
  }

  async stop(keep = false): Promise<void> {
    await Promise.all([
      ...this.workers.map((w) => w?.stop('SIGTERM')),
      ...this.apis.map((a) => a.process?.stop('SIGTERM')),
    ]);
    await this.temporal?.stop();
    try {
      pg(['pg_ctl', '-D', this.pgData, '-m', 'fast', '-w', 'stop'], this.dir);
    } catch {
      // already stopped
    }
    if (!keep) rmSync(this.dir, { recursive: true, force: true });
  }
}
