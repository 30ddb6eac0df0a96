import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { fieldTree } from '../common/validation';
import { PeriodDto } from './steps.dto';

/** A step body's fields as the web app builds a form from them (derived from the DTO's OpenAPI metadata). */
export type FieldType =
  | 'string'
  | 'boolean'
  | 'int'
  | 'number'
  | 'string[]'
  | 'period'
  | { array: FieldSchema; max: number }
  | { object: FieldSchema };
export type FieldSchema = Record<
  string,
  { type: FieldType; optional?: boolean; max?: number; oneOf?: readonly string[] }
>;

interface SwaggerProperty {
  type?: unknown;
  required?: boolean;
  isArray?: boolean;
  enum?: readonly string[];
  maxLength?: number;
  maxItems?: number;
}

/** The fields of a DTO class, read from its `@ApiProperty` metadata: one source for OpenAPI and the forms. */
export function fieldSchemaOf(dto: Type<object>): FieldSchema {
  const names =
    (Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype as object) as string[] | undefined) ?? [];
  const schema: FieldSchema = {};
  for (const raw of names) {
    const name = raw.replace(/^:/, '');
    const p = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype as object, name) as SwaggerProperty;
    const optional = p.required === false ? { optional: true } : {};
    const oneOf = p.enum ? { oneOf: p.enum } : {};
    const max = p.maxLength !== undefined ? { max: p.maxLength } : {};
    schema[name] = { type: fieldType(p), ...optional, ...oneOf, ...max };
  }
  return schema;
}

function fieldType(p: SwaggerProperty): FieldType {
  const t = p.type;
  if (t === PeriodDto) return 'period';
  if (t === Boolean) return 'boolean';
  if (t === Number) return 'number';
  if (typeof t === 'function' && t !== String) {
    const nested = fieldSchemaOf(t as Type<object>);
    return p.isArray ? { array: nested, max: p.maxItems ?? 100 } : { object: nested };
  }
  return p.isArray ? 'string[]' : 'string';
}

/**
 * Checks a step's body against its class-validator DTO with the rules of the global validation pipe (unknown
 * fields refused, no coercion, every problem per field), and returns the DTO instance. A body absent is empty.
 */
export function validateStepBody<B extends object>(dto: Type<B>, raw: unknown): B {
  const body: unknown = raw ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'The request is not valid. The body must be a JSON object.', {
      fields: { body: ['must be an object'] },
    });
  }
  const known = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length > 0;
  if (!known) {
    // A body-less step: class-validator cannot check a class without properties, so refuse any field here.
    const keys = Object.keys(body);
    if (keys.length > 0) {
      const fields = Object.fromEntries(keys.map((k) => [k, [`property ${k} should not exist`]]));
      throw new DomainError(ErrorCode.ValidationFailed, 'The request is not valid. This step takes no fields.', {
        fields,
      });
    }
    return new dto();
  }
  const instance = plainToInstance(dto, body, { enableImplicitConversion: false });
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    const fields = fieldTree(errors);
    const summary = Object.entries(fields)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
      .join(' | ');
    throw new DomainError(ErrorCode.ValidationFailed, `The request is not valid. ${summary}`, { fields });
  }
  return instance;
}
