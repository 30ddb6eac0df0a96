import { ApiProperty } from '@nestjs/swagger';

export class CleanupCampaignResponseDto {
  @ApiProperty({ description: 'The campaign key' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 'RUNNING' })
  status!: string;

  @ApiProperty({ format: 'uuid' })
  startedBy!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: 'integer', description: 'Documents in force when the campaign started' })
  totalInForce!: number;

  @ApiProperty({ type: 'integer' })
  reviewsStarted!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;
}

class DecidedCountsDto {
  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  kept!: number;

  @ApiProperty({ type: 'integer' })
  amended!: number;

  @ApiProperty({ type: 'integer' })
  repealed!: number;
}

export class CleanupProgressResponseDto extends CleanupCampaignResponseDto {
  @ApiProperty({ type: 'integer' })
  reviews!: number;

  @ApiProperty({ type: DecidedCountsDto })
  decided!: DecidedCountsDto;

  @ApiProperty({ type: 'integer' })
  undecided!: number;
}

class CleanupDecidedDocumentDto {
  @ApiProperty({ format: 'uuid' })
  registerEntryId!: string;

  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
}

class CleanupExpiredDocumentDto {
  @ApiProperty({ format: 'uuid' })
  registerEntryId!: string;

  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date' })
  validUntil!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiredAt!: string | null;
}

export class CleanupListsResponseDto {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty()
  status!: string;

  @ApiProperty({ type: [CleanupDecidedDocumentDto] })
  kept!: CleanupDecidedDocumentDto[];

  @ApiProperty({ type: [CleanupDecidedDocumentDto] })
  amended!: CleanupDecidedDocumentDto[];

  @ApiProperty({ type: [CleanupDecidedDocumentDto] })
  repealed!: CleanupDecidedDocumentDto[];

  @ApiProperty({ type: [CleanupExpiredDocumentDto] })
  expired!: CleanupExpiredDocumentDto[];
}

export class CleanupStartedResponseDto {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty()
  workflowId!: string;

  @ApiProperty({ enum: ['RUNNING'] })
  status!: string;
}

/** A clean-up review after a decision. */
export class CleanupReviewResponseDto {
  @ApiProperty()
  campaignId!: string;

  @ApiProperty({ format: 'uuid' })
  registerEntryId!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  taskId!: string | null;

  @ApiProperty({ type: String, enum: ['KEEP', 'AMEND', 'REPEAL', null], nullable: true })
  decision!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The notice to the drafting department, once sent',
  })
  documentNotice!: Record<string, unknown> | null;
}
