import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode } from '@lawgate/domain';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError(ErrorCode.ValidationFailed, `${name} must be a UUID.`, {
        fields: { [name]: [`${name} must be a UUID`] },
      }),
  });
}

/**
 * The `Idempotency-Key` header, checked: a repeated key repeats a request safely (the update or decision acts once).
 * Absent is fine; a malformed one is a 400.
 */
export function idempotencyKeyOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(raw)) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'The Idempotency-Key header must be 8-128 letters, digits or _.:- characters.',
      { fields: { 'Idempotency-Key': ['must be 8-128 letters, digits or _.:- characters'] } },
    );
  }
  return raw;
}

/** A year in a path (`/catalog/2026`): four digits from 1900; anything else is a 400, never a database overflow. */
export function yearParam(name = 'year'): PipeTransform<string, number> {
  return {
    transform(raw: string): number {
      const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
      if (!(year >= 1900)) {
        throw new DomainError(ErrorCode.ValidationFailed, `${name} must be a year from 1900 to 9999.`, {
          fields: { [name]: [`${name} must be a year from 1900 to 9999`] },
        });
      }
      return year;
    },
  };
}
