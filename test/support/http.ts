import { DEMO_PASSWORD } from '@lawgate/persistence';
import type { OpenApiDocument } from './openapi';
import { recordViolations, ResponseChecker, strictResponses, type ResponseViolation } from './openapi-responses';

/** One checker per API address: the document is read from the API itself, once. */
const checkers = new Map<string, Promise<ResponseChecker | null>>();

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A small client for the API under test. Every response it gets is checked against the API's OpenAPI document
 * (`ResponseChecker`): undocumented statuses and bodies that do not match their schema are recorded, and fail the
 * request (OPENAPI_RESPONSES=report only records them).
 */
export class ApiClient {
  private readonly tokens = new Map<string, string>();
  /** Every violation this client has seen. */
  readonly violations: ResponseViolation[] = [];

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      rawBody?: string | Uint8Array;
      headers?: Record<string, string>;
      timeoutMs?: number;
    } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, signal });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      // not JSON (Swagger UI, metrics)
    }
    await this.checkResponse(method, path, response, parsed);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  private async checkResponse(method: string, path: string, response: Response, body: unknown): Promise<void> {
    if (path.startsWith('/api/openapi.json')) return;
    let checker = checkers.get(this.baseUrl);
    if (!checker) {
      checker = fetch(`${this.baseUrl}/api/openapi.json`)
        .then(async (r) => (r.ok ? new ResponseChecker((await r.json()) as OpenApiDocument) : null))
        .catch(() => null);
      checkers.set(this.baseUrl, checker);
    }
    const found = (await checker)?.check(method, path, response.status, response.headers.get('content-type'), body);
    if (!found?.length) return;
    this.violations.push(...found);
    recordViolations(found);
    if (strictResponses()) {
      throw new Error(
        `Response not as documented: ${found.map((v) => `${v.operation} ${v.status}: ${v.problem}`).join('; ')}`,
      );
    }
  }

  /** Signs in a demo user (password from the seed) and caches the token. */
  /** Signs in again: for after a sign-out (everywhere), which ends the token kept for that user. */
  async freshTokenFor(username: string): Promise<string> {
    this.tokens.delete(username);
    return this.tokenFor(username);
  }

  async tokenFor(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: DEMO_PASSWORD },
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  async as<T = Record<string, unknown>>(
    username: string,
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    return this.request<T>(method, path, { ...options, token: await this.tokenFor(username) });
  }
}
