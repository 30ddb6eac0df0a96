import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  CONTRACT_BASES,
  CONTRACT_CHECKLIST,
  CONTRACT_KINDS,
  type ContractBasis,
  type ContractConclusion,
  type ContractKind,
} from '@lawgate/domain';

import { IntegerField, TextField, TextListField } from '../step-fields';
import { checklistEntryDto, checklistOpinionDto, WrittenNoteDto, WrittenReasonDto } from '../review-step.dto';

/** Request bodies of the government contract legality review; the workflow checks the rules. */

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

  @TextField(300)
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

  @TextField(300)
  counterpart: string;

  @ApiProperty({ description: 'The counterpart is a small or medium-sized enterprise' })
  @IsBoolean()
  counterpartSme: boolean;

  @IntegerField(0, 1e12)
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

export class CrNoteDto extends WrittenNoteDto {}

export class CrChecklistEntryDto extends checklistEntryDto(CONTRACT_CHECKLIST) {}

const CONTRACT_CONCLUSIONS: readonly ContractConclusion[] = ['PASS', 'REVISE'];

export class CrOpinionDto extends checklistOpinionDto({
  conclusions: CONTRACT_CONCLUSIONS,
  entry: CrChecklistEntryDto,
  reviewedText: 'the contract text',
}) {}

export class CrSignDto {
  @TextField(64, 'SHA-256 of the text signed: the text reviewed')
  signedSha256: string;

  @TextField(100)
  signatory: string;
}

export class CrReasonDto extends WrittenReasonDto {}

export class CrFilingDto {
  @TextListField(10, 100, { example: ['司法局', '档案馆'] })
  filedWith: string[];

  @TextField(200)
  reference: string;
}

export class CrMilestoneDto {
  @TextField(300)
  title: string;

  @ApiProperty({ example: '2026-06-30' })
  @Matches(DATE)
  dueDate: string;
}

export class CrItemDto {
  @TextField(300)
  item: string;
}

export class CrAcceptanceDto extends CrItemDto {
  @IntegerField(1, 365, { description: 'Payment period agreed (days, at most 60 for SMEs)', optional: true })
  agreedDays?: number;
}

export class CrWarningDto {
  @ApiProperty({ maxLength: 100, example: 'COUNTERPART_CREDIT' })
  @IsString()
  @MaxLength(100)
  kind: string;

  @TextField(4000)
  text: string;
}
