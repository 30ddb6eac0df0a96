import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryResponseDto {
  @ApiProperty({ description: 'Increasing; pass as `beforeId` to page' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'OPERATOR' })
  actorKind!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The acting user’s display name; null for the system' })
  actorName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The acting user’s username; null for the system' })
  actorUsername!: string | null;

  @ApiProperty({ example: 'calendar.year.put' })
  action!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  procedureId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the action recorded' })
  details!: Record<string, unknown>;

  @ApiProperty({ description: 'SHA-256 of the entry chained to the previous one (the trail is append-only)' })
  hash!: string;
}

export class AuditPageResponseDto {
  @ApiProperty({ type: [AuditEntryResponseDto] })
  entries!: AuditEntryResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `beforeId` for the next page; null on the last' })
  nextBeforeId!: string | null;
}
