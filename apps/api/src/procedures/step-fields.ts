import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Field decorators for step bodies: each one states a field once for OpenAPI (and the web app's forms, which read its
 * `@ApiProperty` metadata) and for class-validator.
 */

/** A written text of at most `max` characters. */
export function TextField(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty(description ? { maxLength: max, description } : { maxLength: max }),
    IsString(),
    MaxLength(max),
  );
}

/** A list of at most `maxItems` texts of at most `maxLength` characters each. */
export function TextListField(
  maxItems: number,
  maxLength: number,
  options: { description?: string; example?: string[] } = {},
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [String], maxItems, ...options }),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
  );
}

/** A whole number from `min` to `max` (an amount in yuan, a number of days). */
export function IntegerField(
  min: number,
  max: number,
  options: { description?: string; optional?: boolean } = {},
): PropertyDecorator {
  const doc = options.description
    ? { minimum: min, maximum: max, description: options.description }
    : { minimum: min, maximum: max };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** A nested body of the class `type`, validated as a whole; with `maxItems`, a list of at most that many. */
export function NestedField(type: ClassType<object>, maxItems?: number): PropertyDecorator {
  const nested = () => type;
  return maxItems === undefined
    ? applyDecorators(ApiProperty({ type }), IsObject(), ValidateNested(), Type(nested))
    : applyDecorators(
        ApiProperty({ type: [type], maxItems }),
        IsArray(),
        ArrayMaxSize(maxItems),
        ValidateNested({ each: true }),
        Type(nested),
      );
}
