import { DomainError, ErrorCode } from '@lawgate/domain';

/**
 * A small field schema for the many step bodies of the major-decision procedure: each field's type, whether it is
 * optional, and its bounds. Unknown fields are refused as the global validation pipe refuses them; the workflow's
 * validators then check the rules of the stage.
 */
export type FieldType =
  'string' | 'boolean' | 'int' | 'string[]' | 'period' | { array: Schema; max: number } | { object: Schema };
export type Schema = Record<string, { type: FieldType; optional?: boolean; max?: number; oneOf?: readonly string[] }>;

function check(value: unknown, schema: Schema, path: string, errors: Record<string, string[]>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors[path || 'body'] = ['must be an object'];
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in schema)) errors[path ? `${path}.${key}` : key] = [`property ${key} should not exist`];
  }
  for (const [key, rule] of Object.entries(schema)) {
    const at = path ? `${path}.${key}` : key;
    const v = record[key];
    if (v === undefined || v === null) {
      if (!rule.optional) errors[at] = [`${key} is required`];
      continue;
    }
    const max = rule.max ?? 8000;
    const t = rule.type;
    if (t === 'string') {
      if (typeof v !== 'string' || v.length > max) {
        errors[at] = [`${key} must be a string of at most ${max} characters`];
      } else if (rule.oneOf && !rule.oneOf.includes(v)) errors[at] = [`${key} must be one of ${rule.oneOf.join(', ')}`];
    } else if (t === 'boolean') {
      if (typeof v !== 'boolean') errors[at] = [`${key} must be a boolean`];
    } else if (t === 'int') {
      if (!Number.isInteger(v)) errors[at] = [`${key} must be an integer`];
    } else if (t === 'string[]') {
      if (!Array.isArray(v) || v.length > 100 || v.some((x) => typeof x !== 'string' || x.length > 500)) {
        errors[at] = [`${key} must be a list of strings`];
      }
    } else if (t === 'period') {
      check(
        v,
        { amount: { type: 'int' }, unit: { type: 'string', oneOf: ['CALENDAR_DAYS', 'WORKING_DAYS'] } },
        at,
        errors,
      );
    } else if ('array' in t) {
      if (!Array.isArray(v) || v.length > t.max) errors[at] = [`${key} must be a list of at most ${t.max}`];
      else v.forEach((x, i) => check(x, t.array, `${at}[${i}]`, errors));
    } else {
      check(v, t.object, at, errors);
    }
  }
}

/** The body, checked against `schema`; a 400 listing every field problem otherwise. */
export function validateBody<T>(body: unknown, schema: Schema): T {
  const errors: Record<string, string[]> = {};
  check(body ?? {}, schema, '', errors);
  if (Object.keys(errors).length > 0) {
    const summary = Object.entries(errors)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
      .join(' | ');
    throw new DomainError(ErrorCode.ValidationFailed, `The request is not valid. ${summary}`, { fields: errors });
  }
  return (body ?? {}) as T;
}
