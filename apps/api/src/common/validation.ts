import { ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorCode } from '@lawgate/domain';

/** Flattens class-validator errors into `{ "application.necessity": ["..."] }`. */
export function fieldTree(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[path] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(out, fieldTree(error.children, path));
  }
  return out;
}

/**
 * Validation at the edge: unknown fields are refused (not silently dropped), types are not coerced from strings
 * in bodies, and every problem is reported per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new CheckedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldTree(errors);
      const summary = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
        .join(' | ');
      return new DomainError(ErrorCode.ValidationFailed, `The request is not valid. ${summary}`, { fields });
    },
  });
}

/**
 * For endpoints that take no query parameters: refuses any, as the validation pipe refuses unknown fields elsewhere
 * (class-validator cannot validate a class without properties).
 */
export class NoQueryParamsPipe implements PipeTransform<Record<string, unknown> | undefined, Record<string, never>> {
  transform(query: Record<string, unknown> | undefined): Record<string, never> {
    const keys = Object.keys(query ?? {});
    if (keys.length === 0) return {};
    const fields = Object.fromEntries(keys.map((k) => [k, [`property ${k} should not exist`]]));
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `The request is not valid. This endpoint takes no query parameters.`,
      {
        fields,
      },
    );
  }
}

const DATE_SHAPED = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for a real calendar date (and time): `2026-02-30`, `2026-13-45` or `T25:00` are not. */
export function isRealDate(text: string): boolean {
  const m = DATE_SHAPED.exec(text);
  if (!m) return true;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (m[4] !== undefined && (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7] ?? 0) > 59)) return false;
  return true;
}

/** Paths of date-shaped strings in a validated value that are not real dates (breadth-first, no recursion). */
export function unrealDates(value: unknown): string[] {
  const out: string[] = [];
  const queue: [string, unknown][] = [['', value]];
  while (queue.length > 0) {
    const [path, v] = queue.shift()!;
    if (typeof v === 'string') {
      if (!isRealDate(v)) out.push(path || 'value');
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) queue.push([path ? `${path}.${k}` : k, child]);
    }
  }
  return out;
}

/**
 * The validation pipe, plus one check every DTO shares: a string shaped like a date (`YYYY-MM-DD`, optionally with a
 * time) must be a real one, so `2026-02-30` is refused instead of rolling over to 2 March.
 */
class CheckedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const out: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' || metadata.type === 'query') {
      const wrong = unrealDates(out);
      if (wrong.length > 0) {
        const fields = Object.fromEntries(wrong.map((f) => [f, [`${f} must be a real calendar date`]]));
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `The request is not valid. ${wrong.join(', ')}: not a real calendar date.`,
          { fields },
        );
      }
    }
    return out;
  }
}
