import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONTRACT_BASES,
  CONTRACT_CHECKLIST,
  CONTRACT_KINDS,
  type ContractBasis,
  type ContractChecklistItem,
  type ContractConclusion,
  type ContractKind,
} from '@lawgate/domain';

/** Request bodies of the government contract legality review; the workflow checks the rules. */

const TEXT = 8000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StartContractReviewDto {
  @ApiProperty({
    maxLength: 64,
    example: 'HT-2026-001',
    description: 'Unified contract number: letters, digits, _ . -',
  })
  @IsString()
  @MaxLength(64)
  contractNumber: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  title: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS)
  kind: ContractKind;

  @ApiProperty({ description: 'An administrative agreement (行政协议)' })
  @IsBoolean()
  administrativeAgreement: boolean;

  @ApiProperty({ enum: CONTRACT_BASES, description: 'How the counterpart was chosen' })
  @IsIn(CONTRACT_BASES)
  basis: ContractBasis;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  counterpart: string;

  @ApiProperty({ description: 'The counterpart is a small or medium-sized enterprise' })
  @IsBoolean()
  counterpartSme: boolean;

  @ApiProperty({ minimum: 0, maximum: 1e12 })
  @IsInt()
  @Min(0)
  @Max(1e12)
  amountYuan: number;

  @ApiProperty({ example: '2026-04-01' })
  @Matches(DATE)
  termStart: string;

  @ApiProperty({ example: '2027-03-31' })
  @Matches(DATE)
  termEnd: string;

  @ApiPropertyOptional({ description: 'Reviewed although neither the threshold nor the kind requires it' })
  @IsOptional()
  @IsBoolean()
  voluntaryReview?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'G-D6: the major administrative decision this contract is itself part of; signing waits for its adoption',
  })
  @IsOptional()
  @IsUUID()
  majorDecisionId?: string;
}

export class CrNoteDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  note: string;
}

export class CrChecklistEntryDto {
  @ApiProperty({ enum: CONTRACT_CHECKLIST })
  @IsIn(CONTRACT_CHECKLIST)
  item: ContractChecklistItem;

  @ApiProperty()
  @IsBoolean()
  ok: boolean;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;
}

export class CrOpinionDto {
  @ApiProperty({ enum: ['PASS', 'REVISE'] })
  @IsIn(['PASS', 'REVISE'])
  conclusion: ContractConclusion;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasons: string;

  @ApiProperty({ type: [CrChecklistEntryDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CrChecklistEntryDto)
  checklist: CrChecklistEntryDto[];

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the contract text reviewed (409 if it changed)' })
  @IsString()
  @MaxLength(64)
  reviewedSha256: string;
}

export class CrSignDto {
  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the text signed: the text reviewed' })
  @IsString()
  @MaxLength(64)
  signedSha256: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  signatory: string;
}

export class CrReasonDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  reason: string;
}

export class CrFilingDto {
  @ApiProperty({ type: [String], maxItems: 10, example: ['司法局', '档案馆'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  filedWith: string[];

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  reference: string;
}

export class CrMilestoneDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: '2026-06-30' })
  @Matches(DATE)
  dueDate: string;
}

export class CrItemDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  item: string;
}

export class CrAcceptanceDto extends CrItemDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Payment period agreed (days, at most 60 for SMEs)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  agreedDays?: number;
}

export class CrWarningDto {
  @ApiProperty({ maxLength: 100, example: 'COUNTERPART_CREDIT' })
  @IsString()
  @MaxLength(100)
  kind: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  text: string;
}
