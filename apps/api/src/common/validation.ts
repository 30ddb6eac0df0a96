import { ValidationPipe, type PipeTransform, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';

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
  return new ValidationPipe({
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
