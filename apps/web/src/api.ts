/** The one way the web app talks to LawGate: the API under /api, with the signed-in user's bearer token. */
import type { ErrorBodyDto } from './api/types';

/**
 * An error answer: the document's error shape, or, when the answer is not JSON (a proxy's error page), one made up
 * here with the code `HTTP_<status>` and no details.
 */
export type ErrorBody = Omit<ErrorBodyDto, 'code' | 'details'> & {
  code: ErrorBodyDto['code'] | `HTTP_${number}`;
  details?: ErrorBodyDto['details'];
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'lawgate.token';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export interface RequestOptions {
  body?: unknown;
  raw?: { data: Blob | ArrayBuffer | string; contentType: string; headers?: Record<string, string> };
  query?: Record<string, string | number | boolean | undefined | null>;
  idempotencyKey?: string;
}

function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    Object.assign(headers, options.raw.headers);
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(path, options.query), { method, headers, body });
  if (!response.ok) {
    let parsed: ErrorBody;
    try {
      parsed = (await response.json()) as ErrorBody;
    } catch {
      parsed = { code: `HTTP_${response.status}`, message: response.statusText };
    }
    if (response.status === 401 && token) {
      setToken(null);
      window.dispatchEvent(new Event('lawgate:signed-out'));
    }
    throw new ApiError(response.status, parsed);
  }
  return response;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export async function apiText(path: string): Promise<string> {
  return (await send('GET', path)).text();
}

export const get = <T>(path: string, query?: RequestOptions['query']) => api<T>('GET', path, { query });
export const post = <T>(path: string, body: unknown = {}, idempotencyKey?: string) =>
  api<T>('POST', path, { body, idempotencyKey });

/** A fresh key per user action, so that a double click signs once. */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}
