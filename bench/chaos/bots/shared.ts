/**
 * What every chaos bot shares: the context it runs in, the start of its procedure, the read of its state and the
 * loop that drives it. A bot reads the procedure's state, takes the step that state asks for (with an idempotency key
 * derived from the procedure, the step and its task or round), and reads again: a request lost to a fault is simply
 * taken again, and a step already taken answers the same.
 */
import { createHash } from 'node:crypto';
import { ApiError, type ChaosClient } from '../client';

/** What the bots read of every procedure's live state; each bot adds the fields of its own type. */
export interface Snap {
  procedureId: string;
  stage: string;
  status?: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string }>;
  /** The steps signed so far (a procedure whose stage stays while steps are taken still shows progress). */
  steps?: unknown[];
}

export interface BotContext {
  client: ChaosClient;
  /** username by user id, for tasks held by one person. */
  usernames: Map<string, string>;
  eduUnitId: string;
  leaderId: string;
  /** The business key's procedure id, when a start's answer was lost. */
  findByCode: (code: string) => Promise<string | undefined>;
  stuckAfterMs: number;
}

/** One bot: takes the procedure with business key `key` (made from the job's `code`) to its end; its id. */
export type Bot = (ctx: BotContext, code: string) => Promise<string>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const text = (kind: string, code: string) => `${kind} ${code}\n第一条 为规范管理，制定本办法。\n`;
export const sha256 = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');
/** Today in China Standard Time, as the procedures' dates are written. */
export const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);

/** Starts the procedure as `user`; a start whose answer was lost finds its procedure by the business key `key`. */
export async function start(ctx: BotContext, user: string, path: string, key: string, body: unknown): Promise<string> {
  for (;;) {
    try {
      return (await ctx.client.call<Snap>(user, 'POST', path, { body, key: `start:${sha256(key)}` })).procedureId;
    } catch (err) {
      // A start whose answer was lost: the business key is taken, by this bot's own procedure.
      const found = await ctx.findByCode(key);
      if (found) return found;
      if (!(err instanceof ApiError) || err.status < 409) throw err;
      await sleep(1000);
    }
  }
}

export interface Detail<S extends Snap = Snap> {
  live: S | null;
  stage: string;
  status: string;
  tasks: { id: string; status: string; assigneeUserId: string | null }[];
}

export async function detail<S extends Snap>(ctx: BotContext, id: string): Promise<Detail<S>> {
  return ctx.client.call<Detail<S>>('officer.zhang', 'GET', `/api/procedures/${id}`);
}

/** The username of the person who holds the open task, or `fallback` when a unit holds it. */
export function holderOf(ctx: BotContext, s: Snap, d: Detail, fallback: string): string {
  const holder = d.tasks.find((t) => t.id === s.openTaskId)?.assigneeUserId;
  return (holder && ctx.usernames.get(holder)) ?? fallback;
}

export type Action<S extends Snap> = (s: S, d: Detail<S>) => Promise<unknown>;

/**
 * Drives one procedure until `done(snapshot)`; throws when it makes no progress for `stuckAfterMs`. `progress` names
 * what else than the stage, its open task and its steps shows that the procedure moved.
 */
export async function drive<S extends Snap>(
  ctx: BotContext,
  id: string,
  done: (s: S) => boolean,
  actions: Record<string, Action<S>>,
  progress: (s: S) => string = () => '',
): Promise<void> {
  let lastStage = '';
  let since = Date.now();
  let lastError = '';
  for (;;) {
    const d = await detail<S>(ctx, id);
    const s = d.live;
    if (s && done(s)) return;
    const now = s ? `${s.stage}:${s.openTaskId}:${s.steps?.length}:${progress(s)}` : 'no live state';
    if (now !== lastStage) {
      lastStage = now;
      since = Date.now();
    } else if (Date.now() - since > ctx.stuckAfterMs) {
      throw new Error(`procedure ${id} made no progress at ${now} for ${ctx.stuckAfterMs} ms: ${lastError}`);
    }
    // No live state: the procedure's worker or Temporal is away; the read model still answers.
    if (!s) {
      await sleep(500);
      continue;
    }
    const action = actions[s.stage];
    if (!action) {
      lastError = `no bot action for stage ${s.stage}`;
      await sleep(500);
      continue;
    }
    try {
      await action(s, d);
    } catch (err) {
      // Wrong stage, closed task, a minimum review time: read the state again and take what it asks for then.
      if (!(err instanceof ApiError) || err.status >= 500 || err.status < 400) throw err;
      lastError = err.message;
      await sleep(500);
    }
  }
}

/** The step API of one procedure: `step(user, name, body, key)` posts with the key `<key>:<procedure>`. */
export function stepsOf(ctx: BotContext, id: string) {
  return <S extends Snap = Snap>(user: string, name: string, body: unknown, key: string) =>
    ctx.client.call<S>(user, 'POST', `/api/procedures/${id}/steps/${name}`, { body, key: `${key}:${id}` });
}

/** Uploads `content` as a version of `kind` (an upload is keyed by its bytes: the same file twice records once). */
export function uploaderOf(ctx: BotContext, id: string, user: string) {
  return <S extends Snap = Snap>(kind: string, content: string) =>
    ctx.client.call<S>(user, 'POST', `/api/procedures/${id}/documents/${kind}`, { text: content });
}
