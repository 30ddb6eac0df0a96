import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class IntegrityAlertQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this procedure's alerts" })
  @IsOptional()
  @IsUUID()
  procedureId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class IntegrityAlertDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty()
  workflowId!: string;

  @ApiProperty({ description: "The workflow run the alert is about ('' when no run was found)" })
  runId!: string;

  @ApiProperty({
    enum: [
      'WORKFLOW_RESET',
      'WORKFLOW_TERMINATED',
      'STATUS_MISMATCH',
      'WORKFLOW_MISSING',
      'LEDGER_ENTRY_MISSING',
      'LEDGER_ENTRY_UNMATCHED',
      'LEDGER_ENTRY_MISMATCH',
    ],
    description:
      'What the reconciliation found; the LEDGER_ENTRY_* kinds are about one ledger entry (`details.ledgerSeq`)',
  })
  kind!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  detectedAt!: string;
}

export class IntegrityAlertListDto {
  @ApiProperty({ type: [IntegrityAlertDto], description: 'Newest first' })
  alerts!: IntegrityAlertDto[];
}

export class ReconciliationReportDto {
  @ApiProperty({ type: 'integer', description: 'Procedures compared with their workflows' })
  checked!: number;

  @ApiProperty({ type: 'integer', description: 'Procedures whose workflow could not be asked (checked next time)' })
  unreachable!: number;

  @ApiProperty({ type: [IntegrityAlertDto], description: 'Alerts this run raised' })
  raised!: IntegrityAlertDto[];
}
