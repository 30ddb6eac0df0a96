import { ApiProperty } from '@nestjs/swagger';

export class PublishedDecisionDto {
  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ description: 'The procedure’s current stage' })
  stage!: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ description: 'The publication statement' })
  statement!: string;
}
