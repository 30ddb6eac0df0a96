import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The component naming one field of a step body's form (`fieldSchemaOf` in step-body.ts), added by `stepFieldSchema`. */
export const STEP_FIELD = 'StepField';
const FIELD_REF = { $ref: `#/components/schemas/${STEP_FIELD}` };
const FIELDS: SchemaObject = { type: 'object', additionalProperties: FIELD_REF };

/** One field of a step body as the web app builds a form from it: its type (nested for lists and objects), bounds. */
export function stepFieldSchema(): SchemaObject {
  return {
    type: 'object',
    required: ['type'],
    properties: {
      type: {
        oneOf: [
          { type: 'string', enum: ['string', 'boolean', 'int', 'number', 'string[]', 'period'] },
          {
            type: 'object',
            required: ['array', 'max'],
            properties: { array: FIELDS, max: { type: 'integer' } },
          },
          { type: 'object', required: ['object'], properties: { object: FIELDS } },
        ],
      },
      optional: { type: 'boolean' },
      max: { type: 'integer' },
      oneOf: { type: 'array', items: { type: 'string' } },
    },
  };
}

class AvailableStepDto {
  @ApiProperty({ example: 'complete-drafting' })
  step!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ example: 'TASK', description: 'OWN_DEPARTMENT, TASK or ANY' })
  scope!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: FIELD_REF,
    description: 'The fields of the step’s body, by name',
  })
  schema!: Record<string, unknown>;
}

/** The steps the caller may take now, with the procedure's stage. */
export class AvailableStepsResponseDto {
  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty()
  stage!: string;

  @ApiProperty()
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  waitingFor!: string | null;

  @ApiProperty({ type: [AvailableStepDto] })
  steps!: AvailableStepDto[];
}
