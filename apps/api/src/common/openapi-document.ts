import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
};

type DocumentedResponse = { $ref?: string; description?: string; content?: Record<string, unknown> };

const ERROR_REF = { $ref: '#/components/schemas/ErrorBodyDto' };

const ERROR_MEANING: Record<string, string> = {
  '400': 'The request is not valid (the body, a parameter or the address); nothing was changed',
  '401': 'No bearer token, or an invalid or expired one',
  '403': "The signed-in user's roles do not admit this operation",
  '404': 'Nothing exists at this address, or the caller may not see it',
  '413': 'The body is larger than allowed',
  '414': 'A path parameter is longer than allowed',
  '415': 'The body has a content type this operation does not take',
  '429': 'Too many requests from this client; Retry-After says how long to wait',
  '500': 'An unexpected error; nothing was changed; the details name the request id',
};

/** For an operation that takes no body: what the edge answers when a client sends one all the same. */
const BODYLESS_MEANING: Record<string, string> = {
  '413': 'This operation takes no body; one larger than the limit is refused before anything else',
  '415': 'This operation takes no body; one of a content type the API does not read is refused',
};

/**
 * The methods whose requests Fastify reads a body for, whether or not the operation takes one (its `bodywith`
 * set): the edge can answer any of them 413 (too large) or 415 (a content type the API does not read).
 */
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

function errorResponse(status: string, description = ERROR_MEANING[status]) {
  return { description, content: { 'application/json': { schema: ERROR_REF } } };
}

/**
 * Corrections made to the generated document as a whole, so that it says what every operation can answer:
 * - a header declared twice (by `@ApiHeader` and by a `@Headers()` parameter, in different case) is one parameter,
 *   described as the `@ApiHeader` says, and required only if both say so;
 * - the refusals that any operation can give at the edge (400, 429, 500; 401 and 403 where a token is needed; 404
 *   and 414 where the path names something; 413 and 415 on every method the edge reads a body for, POST, PUT,
 *   PATCH and DELETE, the operations that take none included) are documented, with the error shape;
 * - every refusal is documented as the JSON error shape, whatever media type the operation produces.
 */
export function correctDocument(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      op.parameters = mergeHeaders(op.parameters ?? []);
      const responses = (op.responses ??= {});
      const statuses = ['400', '429', '500'];
      if (op.security?.length) statuses.push('401', '403');
      if (op.parameters.some((p) => p.in === 'path')) statuses.push('404', '414');
      for (const status of statuses) responses[status] ??= errorResponse(status);
      // A refusal is always the JSON error shape, even from an operation that produces a file (`@ApiProduces`
      // would otherwise document its refusals under the file's media type).
      for (const [status, response] of Object.entries(responses) as [string, DocumentedResponse][]) {
        if (Number(status) < 400 || response.$ref !== undefined) continue;
        if (!response.content?.['application/json']) responses[status] = errorResponse(status, response.description);
      }
      if (BODY_METHODS.has(method)) {
        for (const status of ['413', '415']) {
          responses[status] ??= errorResponse(
            status,
            op.requestBody ? ERROR_MEANING[status] : BODYLESS_MEANING[status],
          );
        }
      }
    }
  }
  return document;
}

function mergeHeaders<P extends { name: string; in: string; required?: boolean; description?: string }>(
  params: P[],
): P[] {
  const out: P[] = [];
  for (const param of params) {
    const twin =
      param.in === 'header'
        ? out.find((p) => p.in === 'header' && p.name.toLowerCase() === param.name.toLowerCase())
        : undefined;
    if (!twin) {
      out.push(param);
      continue;
    }
    const keep = twin.description ? twin : param;
    const merged = { ...keep, required: Boolean(twin.required && param.required) };
    out[out.indexOf(twin)] = merged;
  }
  return out;
}
