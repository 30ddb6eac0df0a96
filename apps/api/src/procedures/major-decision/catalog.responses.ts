import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** The recorded consent of the same-level Party committee; null until recorded. */
const PARTY_CONSENT: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  required: ['by', 'reference', 'at'],
  properties: {
    by: { type: 'string', nullable: true, description: 'The Party committee that consented' },
    meeting: { type: 'string', nullable: true, description: 'The meeting at which it consented' },
    reference: { type: 'string', nullable: true },
    at: { type: 'string', format: 'date-time' },
  },
};

class CatalogItemResponseDto {
  @ApiProperty()
  itemKey!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  undertakingUnitId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The procedure started for the item' })
  procedureId!: string | null;
}

class CatalogActResponseDto {
  @ApiProperty()
  act!: string;

  @ApiProperty({ type: String, nullable: true })
  itemKey!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'uuid' })
  actorId!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/** One version of a year's decision catalog, with its items and recorded acts. */
export class CatalogVersionResponseDto {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ example: 'DRAFT' })
  status!: string;

  @ApiProperty(PARTY_CONSENT)
  partyConsent!: { by: string | null; meeting: string | null; reference: string | null; at: string } | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: [CatalogItemResponseDto] })
  items!: CatalogItemResponseDto[];

  @ApiProperty({ type: [CatalogActResponseDto] })
  acts!: CatalogActResponseDto[];
}

class StepDoneDto {
  @ApiProperty()
  stage!: string;

  @ApiProperty()
  decision!: string;

  @ApiProperty()
  actor!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

class StepOverdueDto {
  @ApiProperty()
  stage!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ description: 'Still open (else completed late)' })
  open!: boolean;

  @ApiProperty()
  legalBasis!: string;
}

class CatalogProgressItemDto {
  @ApiProperty()
  itemKey!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  procedureId!: string | null;

  @ApiProperty({ description: 'The procedure’s stage, or NOT_STARTED' })
  stage!: string;

  @ApiProperty({ type: String, nullable: true })
  status!: string | null;

  @ApiProperty({ type: [StepDoneDto] })
  stepsDone!: StepDoneDto[];

  @ApiProperty({ type: [StepOverdueDto] })
  stepsOverdue!: StepOverdueDto[];
}

export class CatalogProgressResponseDto {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: [CatalogProgressItemDto] })
  items!: CatalogProgressItemDto[];
}

class PublicCatalogItemDto {
  @ApiProperty()
  itemKey!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'The procedure’s stage, or NOT_STARTED' })
  stage!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The legal basis of that stage' })
  stageBasis!: string | null;
}

export class PublicCatalogResponseDto {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty(PARTY_CONSENT)
  partyConsent!: { by: string | null; meeting: string | null; reference: string | null; at: string } | null;

  @ApiProperty({ type: [PublicCatalogItemDto] })
  items!: PublicCatalogItemDto[];
}
