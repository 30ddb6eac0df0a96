import { ApiProperty } from '@nestjs/swagger';
import { REGISTER_STATUSES } from '@lawgate/domain';

class IssuerRefDto {
  @ApiProperty({ example: 'JT-GOV' })
  code!: string;

  @ApiProperty()
  name!: string;
}

/** A register entry as the public sees it. */
export class RegisterEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '坛政规〔2026〕3号' })
  number!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: IssuerRefDto })
  issuer!: IssuerRefDto;

  @ApiProperty({ enum: REGISTER_STATUSES })
  status!: string;

  @ApiProperty({ description: 'Only a published document in force may be relied on as a basis for administration' })
  usableAsBasis!: boolean;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  effectiveAt!: string | null;

  @ApiProperty({ format: 'date', description: 'Last day of validity, China Standard Time' })
  validUntil!: string;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Where and when it was published; null before publication',
    required: ['channel', 'reference', 'publishedAt'],
    properties: {
      channel: { type: 'string' },
      reference: { type: 'string' },
      publishedAt: { type: 'string', format: 'date-time' },
    },
  })
  publication!: { channel: string; reference: string; publishedAt: string } | null;

  @ApiProperty({ type: String, nullable: true })
  textUrl!: string | null;
}

export class RegisterPageResponseDto {
  @ApiProperty({ type: [RegisterEntryResponseDto] })
  items!: RegisterEntryResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

/** A register entry as the office sees it: with its procedure, document hash and any voiding. */
export class AdminRegisterEntryDto extends RegisterEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty()
  documentSha256!: string;

  @ApiProperty({ type: String, nullable: true })
  statusReason!: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Who voided the number and why; null unless voided',
    required: ['reason', 'actorId', 'voidedAt'],
    properties: {
      reason: { type: 'string' },
      actorId: { type: 'string', format: 'uuid' },
      voidedAt: { type: 'string', format: 'date-time' },
    },
  })
  voided!: { reason: string; actorId: string; voidedAt: string } | null;
}

export class AdminRegisterPageDto {
  @ApiProperty({ type: [AdminRegisterEntryDto] })
  items!: AdminRegisterEntryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class IssuerSeriesResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  issuerUnitId!: string;

  @ApiProperty({ type: String, nullable: true })
  issuerCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  issuerName!: string | null;

  @ApiProperty({ example: 'NORMATIVE' })
  series!: string;

  @ApiProperty({ example: '坛政规' })
  prefix!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A published text as plain text, for printing. */
export class PublishedPlainTextDto {
  @ApiProperty({ example: 'text/plain' }) mediaType: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a PDF, which has no text to show' })
  text: string | null;
}
