import { randomUUID } from 'node:crypto';
import { Role } from '@lawgate/domain';

/** The parts of an OpenAPI 3 document these tests read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
export interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  /** As in the access table: `POST /api/procedures/{id}/withdraw`. */
  key: string;
  method: string;
  path: string;
  op: OperationObject;
  pathParams: Parameter[];
  queryParams: Parameter[];
  bodySchema?: Schema;
  bodyTypes: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        op,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        bodySchema: content['application/json']?.schema,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return out;
}

/** Follows `$ref`s to `#/components/schemas/...`. */
export function deref(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i += 1) s = doc.components?.schemas?.[s.$ref.split('/').pop()!];
  return s;
}

/** A body shaped like the schema (examples where given), not necessarily one the API accepts. */
export function sampleOf(doc: OpenApiDocument, schema: Schema | undefined, depth = 0): unknown {
  const s = deref(doc, schema);
  if (!s || depth > 6) return 'x';
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.allOf?.length) return sampleOf(doc, s.allOf[0], depth + 1);
  if (s.oneOf?.length || s.anyOf?.length) return sampleOf(doc, (s.oneOf ?? s.anyOf)![0], depth + 1);
  switch (s.type) {
    case 'object':
    case undefined:
      if (!s.properties) return {};
      return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sampleOf(doc, v, depth + 1)]));
    case 'array':
      return [sampleOf(doc, s.items, depth + 1)];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return s.format === 'uuid' ? randomUUID() : s.format === 'date' ? '2026-06-01' : 'sample text';
  }
}

/** A path parameter's value that names nothing that exists (so that a request which passes validation is a 404). */
export function absentValueFor(param: Parameter): string {
  if (param.name === 'year') return '9998';
  if (param.name === 'receiptNo') return 'ZQ-20000101-0001';
  if (param.name === 'kind') return 'DRAFT';
  if (param.name === 'step') return 'no-such-step';
  if (param.name === 'itemKey' || param.name === 'username') return 'nobody-here';
  return randomUUID();
}

/** True when `absentValueFor` surely names nothing (a fresh UUID), so a valid body still cannot change anything. */
export function namesNothing(param: Parameter): boolean {
  return !['year', 'kind', 'step', 'itemKey', 'username', 'receiptNo'].includes(param.name);
}

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? encodeURIComponent(name));
}

/** One demo user per role (from the seed). */
export const USER_OF_ROLE: Record<Role, string> = {
  [Role.Drafter]: 'drafter.edu',
  [Role.LegalAdviser]: 'adviser.li',
  [Role.LegalAffairsOfficer]: 'officer.zhang',
  [Role.Leader]: 'leader.zhou',
  [Role.SystemAdmin]: 'admin',
};
