/**
 * What every `npm run demo*` script shares: calls to LawGate's HTTP API as the seeded users, and a LawGate to talk to
 * (the one at LAWGATE_API_URL, or `npm start` with demonstration periods, stopped after).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BASE = (process.env.LAWGATE_API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const PASSWORD = 'lawgate-demo';
const tokens = new Map<string, string>();

export const say = (line: string) => console.log(line);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request as `user` (null: the public); a status outside 2xx throws with the API's message. */
export async function call<T>(
  method: string,
  path: string,
  user: string | null,
  body?: unknown,
  raw?: string,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${await token(user)}`;
  if (raw !== undefined) headers['content-type'] = 'text/plain; charset=utf-8';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as T & { message?: string }) : ({} as T);
  if (!response.ok) {
    throw new Error(
      `${method} ${path} as ${user ?? 'public'}: ${response.status} ${(parsed as { message?: string }).message}`,
    );
  }
  return parsed;
}

export async function token(user: string): Promise<string> {
  if (!tokens.has(user)) {
    const res = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${user}: ${res.status}`);
    tokens.set(user, ((await res.json()) as { accessToken: string }).accessToken);
  }
  return tokens.get(user)!;
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function ensureLawGate(): Promise<ChildProcess | null> {
  if (await healthy()) {
    say(`Using LawGate at ${BASE}.`);
    return null;
  }
  say('Starting LawGate with demonstration periods (PROCEDURE_PERIODS=demo) …');
  const child = spawn(process.execPath, [join(__dirname, '..', 'start.mjs')], {
    env: { ...process.env, PROCEDURE_PERIODS: 'demo', PROCEDURE_DEMO_POLICY_ALLOWED: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 15 * 60 * 1000;
  while (!(await healthy())) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('LawGate did not become ready in 15 minutes');
    await sleep(1000);
  }
  return child;
}

/** Runs a demonstration against a LawGate (started for it when none answers), exiting 1 on failure. */
export function runDemo(run: () => Promise<void>): void {
  const main = async () => {
    const started = await ensureLawGate();
    try {
      await run();
    } finally {
      if (started?.pid) {
        process.kill(-started.pid, 'SIGINT');
        await new Promise((resolve) => started.once('exit', resolve));
      }
    }
  };
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
