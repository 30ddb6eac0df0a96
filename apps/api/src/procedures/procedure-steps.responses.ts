import { ApiProperty } from '@nestjs/swagger';

class AvailableStepDto {
  @ApiProperty({ example: 'complete-drafting' })
  step!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ example: 'TASK', description: 'OWN_DEPARTMENT, TASK or ANY' })
  scope!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The fields of the step’s body' })
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
