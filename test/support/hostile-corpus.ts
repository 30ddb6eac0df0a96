import {
  absentValueFor,
  deref,
  fillPath,
  namesNothing,
  sampleOf,
  type OpenApiDocument,
  type Operation,
  type Schema,
} from './openapi';

/** One malformed request. `mustRefuse`: the API must answer 4xx (otherwise only "no 5xx" is required). */
export interface HostileCase {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  mustRefuse: boolean;
}

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE app_user; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '../../../../etc/passwd',
  '{{7*7}}',
];

/** Path values that no LawGate path parameter accepts; raw, so percent-escapes reach the server as written. */
const BAD_PATH_VALUES = [
  'abc',
  '%00',
  'a%00b',
  '%FF%FE',
  '%E4%B8',
  '%27%20OR%20%271%27%3D%271',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(300),
  '99999999999999999999',
  '-1',
  '0',
  '%3Cscript%3E',
  '1e308',
  'null',
  '%7B%7D',
  '%20',
];

const BAD_QUERY_VALUES = [
  'abc',
  '-1',
  '0',
  '99999999999999999999',
  '2026-13-45',
  '2026-02-30',
  '%00',
  'a%00b',
  '%FF',
  'x'.repeat(5000),
  '%27%20OR%201%3D1--',
  '1.5',
  '%5B%5D',
];

function deepJson(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** Every malformed variant of one operation's request, from its OpenAPI description. */
export function casesFor(doc: OpenApiDocument, op: Operation): HostileCase[] {
  const cases: HostileCase[] = [];
  const absent = Object.fromEntries(op.pathParams.map((p) => [p.name, absentValueFor(p)]));
  const baseQuery = op.queryParams
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(sampleOf(doc, q.schema)))}`);
  const withQuery = (path: string, extra: string[] = []) => {
    const parts = [...baseQuery, ...extra];
    return parts.length ? `${path}?${parts.join('&')}` : path;
  };
  const read = op.method === 'GET';
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(op.method);
  // A valid body reaches nothing when a path parameter names nothing; otherwise a body case must be invalid itself.
  const targetsNothing = op.pathParams.some(namesNothing);
  const sample = sampleOf(doc, op.bodySchema) as Record<string, unknown>;
  // The body sent along with malformed paths and queries: the sample, made invalid where it could otherwise act.
  const sampleBody = hasBody
    ? JSON.stringify(targetsNothing ? (sample ?? {}) : { ...(sample ?? {}), zz_unknown: 1 })
    : undefined;
  const add = (c: Omit<HostileCase, 'mustRefuse'> & { mustRefuse?: boolean }) =>
    cases.push({ mustRefuse: !read, ...c });

  // Malformed path parameters.
  for (const param of op.pathParams) {
    for (const value of BAD_PATH_VALUES) {
      add({
        label: `path ${param.name}=${value.slice(0, 20)}`,
        method: op.method,
        path: withQuery(fillPath(op.path, { ...absent, [param.name]: value })),
        headers: sampleBody ? JSON_TYPE : {},
        body: sampleBody,
        mustRefuse: true,
      });
    }
  }

  const target = fillPath(op.path, absent);
  // Malformed query parameters, the declared ones and unknown ones.
  for (const param of op.queryParams) {
    for (const value of BAD_QUERY_VALUES) {
      const others = baseQuery.filter((q) => !q.startsWith(`${param.name}=`));
      add({
        label: `query ${param.name}=${value.slice(0, 20)}`,
        method: op.method,
        path: `${target}?${[...others, `${param.name}=${value}`].join('&')}`,
        headers: sampleBody ? JSON_TYPE : {},
        body: sampleBody,
      });
    }
    add({
      label: `query ${param.name} twice`,
      method: op.method,
      path: `${target}?${[...baseQuery, `${param.name}=a`, `${param.name}=b`].join('&')}`,
      headers: sampleBody ? JSON_TYPE : {},
      body: sampleBody,
    });
  }
  for (const extra of ['zz_unknown=1', '%00=1', 'a=%FF', `q=${'%25'.repeat(20)}`]) {
    add({
      label: `query ${extra}`,
      method: op.method,
      path: withQuery(target, [extra]),
      headers: sampleBody ? JSON_TYPE : {},
      body: sampleBody,
      // An unknown or odd-but-valid query parameter on a read is ignored; anything else must be refused.
      mustRefuse: extra === 'zz_unknown=1' || extra.startsWith('q=') ? !read : true,
    });
  }

  if (!hasBody) return cases;
  const path = withQuery(target);
  const raw = (label: string, body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE) =>
    add({ label, method: op.method, path, headers, body, mustRefuse: true });

  // Whole-body malformations.
  raw('body nested 5000 deep', deepJson(5000));
  raw('body nested 33 deep', deepJson(33));
  raw('body array nested 5000 deep', '['.repeat(5000) + ']'.repeat(5000));
  raw('body null', 'null');
  raw('body []', '[]');
  raw('body string', '"text"');
  raw('body number', '123');
  raw('body true', 'true');
  raw('body truncated', '{');
  raw('body truncated after key', '{"a":');
  raw('body empty', '');
  raw('body whitespace', '   ');
  raw('body unknown field only', '{"zz_unknown":1}');
  raw('body __proto__', '{"__proto__":{"admin":true},"zz_unknown":1}');
  raw('body constructor.prototype', '{"constructor":{"prototype":{"admin":true}},"zz_unknown":1}');
  raw('body raw NUL', '{"a":"x\u0000y"}');
  raw('body escaped NUL', '{"a":"x\\u0000y"}');
  raw('body invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  raw('body 2 MB', JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }));
  raw('body as text/xml', '<a>1</a>', { 'content-type': 'text/xml' });
  raw('body as form', 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' });
  raw('body as multipart', '--b\r\n\r\nx\r\n--b--', { 'content-type': 'multipart/form-data; boundary=b' });
  raw('body json with bad charset', '{"zz_unknown":1}', { 'content-type': 'application/json; charset=latin1' });
  raw('body without content type', '{"zz_unknown":1}', {});

  // Per-field malformations of a body shaped like the schema.
  const schema = deref(doc, op.bodySchema);
  const mutate = (fieldPath: string[], value: unknown, label: string, sureInvalid: boolean) => {
    const body: Record<string, unknown> = structuredClone(sample ?? {});
    let holder: Record<string, unknown> = body;
    for (const key of fieldPath.slice(0, -1)) holder = (holder[key] ?? {}) as Record<string, unknown>;
    const last = fieldPath[fieldPath.length - 1];
    if (value === undefined) delete holder[last];
    else holder[last] = value;
    // An injection string may be a valid value: then only an absent target keeps the request harmless.
    if (!sureInvalid && !targetsNothing) body.zz_unknown = 1;
    raw(`field ${fieldPath.join('.')} ${label}`, JSON.stringify(body));
  };
  const fields = (s: Schema | undefined, prefix: string[], depth: number) => {
    const resolved = deref(doc, s);
    for (const [name, prop] of Object.entries(resolved?.properties ?? {})) {
      const p = deref(doc, prop) ?? {};
      const at = [...prefix, name];
      const required = resolved?.required?.includes(name) ?? false;
      const wrong =
        p.type === 'string' || p.enum
          ? 12345
          : p.type === 'array'
            ? { not: 'an array' }
            : p.type === 'object' || p.properties
              ? 'not an object'
              : p.type === 'boolean'
                ? 'yes'
                : 'abc';
      mutate(at, wrong, 'of the wrong type', true);
      mutate(at, null, 'null', required && !p.nullable);
      mutate(at, [], 'as []', p.type !== 'array');
      mutate(at, { $gt: '' }, 'as an operator object', !(p.type === 'object' || p.properties));
      mutate(at, 'x\u0000y', 'with NUL', true);
      mutate(at, 'x'.repeat(100_000), '100k long', p.type !== 'string' || p.maxLength !== undefined);
      for (const injection of INJECTIONS) mutate(at, injection, `= ${injection}`, false);
      if (required) mutate(at, undefined, 'missing', true);
      if ((p.type === 'object' || p.properties) && depth < 1) fields(p, at, depth + 1);
    }
  };
  fields(schema, [], 0);
  return cases;
}
