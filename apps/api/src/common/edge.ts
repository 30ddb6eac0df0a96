import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Deepest nesting of arrays and objects a JSON body may have; LawGate's own bodies need fewer than 6 levels. */
export const MAX_JSON_DEPTH = 32;

/** An error Fastify turns into a 4xx; the exception filter gives it the API's error shape. */
export class EdgeRefusal extends Error {
  constructor(
    message: string,
    readonly statusCode = 400,
    readonly code = 'FST_LAWGATE_REFUSED',
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body before anything else looks at it: it must be UTF-8, contain no NUL character (raw or `\u0000`),
 * nest at most `MAX_JSON_DEPTH` levels (checked by a linear scan, before parsing, so that no recursive code ever sees
 * a deeper document), and be a JSON object (a `null`, a number or a string is not a request body).
 */
export function parseJsonBody(raw: Buffer, parse: (text: string) => unknown): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    throw new EdgeRefusal('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new EdgeRefusal('The body is empty; send a JSON object.');
  scanJson(text);
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    throw new EdgeRefusal(`The body is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EdgeRefusal('The body must be a JSON object.');
  }
  return value;
}

/** One pass over the text: nesting depth outside strings, and NUL characters inside them. */
export function scanJson(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new EdgeRefusal('The body contains a NUL character.');
    if (inString) {
      if (c === 0x5c /* \ */) {
        if (text.startsWith('u0000', i + 1)) throw new EdgeRefusal('The body contains a NUL character (\\u0000).');
        i += 1;
      } else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw new EdgeRefusal(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
      }
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
}

/**
 * Checks the request target: every percent-escape must decode to UTF-8, and neither the path nor the query may
 * carry a NUL or another control character (PostgreSQL refuses NUL in text; nothing in LawGate needs the others).
 */
export function checkRequestTarget(url: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    throw new EdgeRefusal('The address has a malformed percent-escape or is not UTF-8.');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded)) {
    throw new EdgeRefusal('The address contains a NUL or another control character.');
  }
}

/** Installs the JSON parser and the request-target check on the API's Fastify instance. */
export function installEdgeChecks(fastify: FastifyInstance, bodyLimit: number): void {
  const parse = fastify.getDefaultJsonParser('error', 'error') as unknown as (
    request: FastifyRequest,
    body: string,
    done: (err: Error | null, value?: unknown) => void,
  ) => void;
  const parseText = (text: string): unknown => {
    const result: { value?: unknown; failure?: Error } = {};
    parse({} as FastifyRequest, text, (err, value) => {
      if (err) result.failure = err;
      result.value = value;
    });
    if (result.failure) throw result.failure;
    return result.value;
  };
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as unknown as Buffer, parseText));
    } catch (err) {
      done(err as Error);
    }
  });
  fastify.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    checkRequestTarget(request.url);
  });
}

/**
 * Lets the client of a refused body hear the refusal. Fastify answers a body it will not read (too large, or not
 * parsable) with `Connection: close`; Node then closes the socket while the client is still sending, the kernel
 * resets the connection, and the client sees a write error (EPIPE) instead of the 413. When the client announced a
 * length up to `drainLimit`, the rest of the body is read and thrown away instead and the connection stays open (the
 * lingering close of nginx and Apache, bounded by the length). Longer or unannounced bodies are still cut off. The
 * API sets no request timeout (Fastify's default, 0): a client that sends slowly holds its connection here as it
 * would while sending an accepted body; a deployment bounds that at its reverse proxy.
 */
export function installLingeringRefusals(fastify: FastifyInstance, drainLimit: number): void {
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.raw.complete || String(reply.getHeader('connection')).toLowerCase() !== 'close') return payload;
    const announced = Number(request.headers['content-length']);
    if (!Number.isFinite(announced) || announced > drainLimit) return payload;
    reply.removeHeader('connection');
    request.raw.removeAllListeners('data');
    request.raw.resume();
    return payload;
  });
}
