/**
 * `npm run bench:cpu -- <command…>`: runs a command (e.g. `.ci/run`) and prints, as JSON, the CPU-seconds that every
 * process on the machine used meanwhile, by kind (Jest, Chromium, the API, the worker, Temporal, PostgreSQL, ESLint,
 * …), read from `/proc` every 2 s, with the machine's busy CPU-seconds beside them. Linux only. A process that starts
 * and ends between two readings is not counted, so the kinds add up to a little less than the machine's figure.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';

/** Linux's USER_HZ, the unit of `/proc`'s CPU times. */
const TICKS_PER_SECOND = 100;

function kindOf(command: string): string {
  if (/temporal/.test(command) && /server/.test(command)) return 'temporal';
  if (command.startsWith('postgres')) return 'postgres';
  if (/chrom/.test(command)) return 'chromium';
  if (command.includes('apps/api/src/main')) return 'api';
  if (command.includes('apps/worker/src/main')) return 'worker';
  if (command.includes('jest')) return 'jest';
  for (const tool of ['eslint', 'tsc', 'prettier', 'vite', 'build-workflow-bundle', 'ts-node', 'npm']) {
    if (command.includes(tool)) return tool;
  }
  return 'other';
}

/** CPU ticks of each live process, keyed by pid and start time (a pid may be reused). */
function readProcesses(): Map<string, { kind: string; ticks: number }> {
  const found = new Map<string, { kind: string; ticks: number }>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (!command) continue;
      found.set(`${pid}:${fields[19]}`, { kind: kindOf(command), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while it was read
    }
  }
  return found;
}

function busyTicks(): number {
  const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return values.reduce((a, b) => a + b, 0) - values[3] - values[4];
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: npm run bench:cpu -- <command> [args…]');
  const seen = new Map([...readProcesses()].map(([key, p]) => [key, p.ticks]));
  const byKind: Record<string, number> = {};
  const busyAtStart = busyTicks();
  const started = Date.now();
  const sample = () => {
    for (const [key, p] of readProcesses()) {
      byKind[p.kind] = (byKind[p.kind] ?? 0) + p.ticks - (seen.get(key) ?? 0);
      seen.set(key, p.ticks);
    }
  };
  const timer = setInterval(sample, 2000);
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  sample();
  const seconds = (Date.now() - started) / 1000;
  const busy = (busyTicks() - busyAtStart) / TICKS_PER_SECOND;
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify(
      {
        command: [command, ...args].join(' '),
        exitCode,
        seconds: round(seconds),
        machineBusyCpuSeconds: round(busy),
        machineBusyShare: Math.round((busy / seconds / cpus().length) * 100) / 100,
        cpuSecondsByKind: Object.fromEntries(
          Object.entries(byKind)
            .map(([kind, ticks]) => [kind, round(ticks / TICKS_PER_SECOND)] as const)
            .filter(([, cpuSeconds]) => cpuSeconds > 0)
            .sort((a, b) => b[1] - a[1]),
        ),
      },
      null,
      1,
    )}\n`,
  );
  process.exitCode = exitCode;
}

void main();
