import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenApiDocument, Schema } from './openapi';

const REPORT_DIR = join(__dirname, '..', '..', 'test-results', 'openapi-responses');

export interface ResponseViolation {
  operation: string;
  status: number;
  problem: string;
}

interface Route {
  key: string;
  method: string;
  pattern: RegExp;
  literalSegments: number;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/**
 * Checks live responses against the API's own OpenAPI document: the operation's status must be documented, and a
 * JSON body must match the documented schema (validated with ajv). `ApiClient` runs every response of the e2e
 * suite through it; each violation is appended to test-results/openapi-responses/ and fails the request that got
 * it (OPENAPI_RESPONSES=report only records it).
 */
export class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.routes = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const source = path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+');
        this.routes.push({
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          pattern: new RegExp(`^${source}$`),
          literalSegments: path.split('/').filter((s) => s && !s.startsWith('{')).length,
          responses: op.responses ?? {},
        });
      }
    }
    this.routes.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** The violations of one response (outside `/api/`, for the web app and the API docs, none). */
  check(method: string, url: string, status: number, contentType: string | null, body: unknown): ResponseViolation[] {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return this.unknownOperation(method, path, status, body);
    const documented =
      route.responses[String(status)] ?? route.responses[`${String(status)[0]}XX`] ?? route.responses.default;
    if (!documented) return [{ operation: route.key, status, problem: `status ${status} is not documented` }];
    if (!contentType?.includes('json') || status === 204) return [];
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return [{ operation: route.key, status, problem: 'JSON response without a documented schema' }];
    const id = `${route.key} ${status}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.doc.components });
      this.validators.set(id, validate);
    }
    if (validate(body)) return [];
    const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
    return [{ operation: route.key, status, problem: `body does not match the schema: ${errors.join('; ')}` }];
  }

  /**
   * A response from a path the document does not name. Outside the API (the web app, the API docs) nothing is
   * checked; under `/api/` the only lawful answer is a 404 (or a 405) in the error shape: an operation that answers
   * anything else is an operation the document leaves out.
   */
  private unknownOperation(method: string, path: string, status: number, body: unknown): ResponseViolation[] {
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return [];
    const operation = `${method} ${path}`;
    if (status !== 404 && status !== 405) {
      return [{ operation, status, problem: 'an operation the OpenAPI document does not name answered' }];
    }
    let validate = this.validators.get('error shape');
    if (!validate) {
      validate = this.ajv.compile({ $ref: '#/components/schemas/ErrorBodyDto', components: this.doc.components });
      this.validators.set('error shape', validate);
    }
    return validate(body)
      ? []
      : [{ operation, status, problem: 'a refusal of an unknown path not in the error shape' }];
  }
}

/** Appends violations to this process's report file. */
export function recordViolations(violations: ResponseViolation[]): void {
  if (violations.length === 0) return;
  mkdirSync(REPORT_DIR, { recursive: true });
  appendFileSync(
    join(REPORT_DIR, `${process.pid}.jsonl`),
    violations.map((v) => JSON.stringify({ ...v, test: expect.getState?.().currentTestName })).join('\n') + '\n',
  );
}

/** Strict unless OPENAPI_RESPONSES=report: a response that is not as documented fails the request that got it. */
export function strictResponses(): boolean {
  return process.env.OPENAPI_RESPONSES !== 'report';
}
