/**
 * A client as a well-behaved one acts against LawGate's API replicas: it signs in once per user (tokens are valid on
 * every replica), sends an `Idempotency-Key` with each step, moves to the other replica when one does not answer, and
 * retries refused-for-now answers (network error, 429, 5xx, 409 busy) with a short backoff.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const PASSWORD = 'lawgate-demo';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChaosClient {
  private readonly tokens = new Map<string, string>();
  private next = 0;
  /** Requests that were retried (on this or the other replica) and then answered. */
  retried = 0;
  /** Requests that moved to another replica after one did not answer. */
  failovers = 0;

  constructor(
    private readonly replicas: () => string[],
    private readonly giveUpMs = 180000,
  ) {}

  private async send(
    path: string,
    init: RequestInit,
  ): Promise<{ status: number; body: Record<string, unknown> & { code?: string; message?: string } }> {
    const urls = this.replicas();
    const started = Date.now();
    // Round robin over the replicas, as a load balancer spreads requests; a failed attempt goes to the next one.
    const first = this.next++;
    let lastError = '';
    for (let attempt = 0; ; attempt += 1) {
      if (Date.now() - started > this.giveUpMs) throw new Error(`${init.method} ${path}: gave up (${lastError})`);
      const base = urls[(first + attempt) % urls.length];
      try {
        const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(60000) });
        const text = await res.text();
        const body = (text ? JSON.parse(text) : {}) as Record<string, unknown> & { code?: string; message?: string };
        const busy = res.status === 409 && body.code === 'PROCEDURE_BUSY';
        if (res.status === 429 || res.status >= 500 || busy) {
          lastError = `${res.status} ${body.code ?? ''} ${body.message ?? ''}`;
          await sleep(Math.min(4000, 250 * 2 ** Math.min(attempt, 4)));
          continue;
        }
        if (attempt > 0) this.retried += 1;
        return { status: res.status, body };
      } catch (err) {
        // The replica did not answer: the next attempt goes to the other one.
        lastError = String(err);
        this.failovers += 1;
        await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
      }
    }
  }

  async token(user: string): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    const res = await this.send('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: PASSWORD }),
    });
    if (res.status !== 200) throw new ApiError(res.status, String(res.body.code), `login ${user}: ${res.status}`);
    this.tokens.set(user, String(res.body.accessToken));
    return String(res.body.accessToken);
  }

  /** One request as `user` (null: the public); `key` is sent as the Idempotency-Key. Non-2xx throws ApiError. */
  async call<T>(
    user: string | null,
    method: string,
    path: string,
    options: { body?: unknown; text?: string; key?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (user) headers.authorization = `Bearer ${await this.token(user)}`;
    if (options.key) headers['idempotency-key'] = options.key;
    if (options.text !== undefined) headers['content-type'] = 'text/plain; charset=utf-8';
    else if (options.body !== undefined) headers['content-type'] = 'application/json';
    const body = options.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await this.send(path, { method, headers, body });
    if (res.status >= 300) {
      throw new ApiError(
        res.status,
        String(res.body.code),
        `${method} ${path} as ${user ?? 'public'}: ${res.status} ${res.body.code} ${res.body.message}`,
      );
    }
    return res.body as T;
  }
}
