import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
};

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

function errorResponse(status: string) {
  return { description: ERROR_MEANING[status], content: { 'application/json': { schema: ERROR_REF } } };
}

/**
 * Corrections made to the generated document as a whole, so that it says what every operation can answer:
 * - a header declared twice (by `@ApiHeader` and by a `@Headers()` parameter, in different case) is one parameter,
 *   described as the `@ApiHeader` says, and required only if both say so;
 * - the refusals that any operation can give at the edge (400, 429, 500; 401 and 403 where a token is needed; 404
 *   and 414 where the path names something; 413 and 415 where a body is taken) are documented, with the error shape.
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
      if (op.requestBody) statuses.push('413', '415');
      for (const status of statuses) responses[status] ??= errorResponse(status);
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
