import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  CHECKLIST_ITEMS,
  DECISION_KINDS,
  MEASURES,
  STATUTORY_GROUNDS,
  type DecisionRecord,
  type EnforcementDecisionKind,
  type EnforcementMeasure,
  type ReviewConclusion,
  type StatutoryGround,
} from '@lawgate/domain';

import { IntegerField, NestedField, TextField, TextListField } from '../step-fields';
import { checklistEntryDto, checklistOpinionDto, WrittenReasonDto } from '../review-step.dto';

/** Request bodies of the major enforcement decision review (重大执法决定法制审核); the workflow checks the rules. */

const TEXT = 8000;
const SHA = /^[0-9a-f]{64}$/;

export class StartEnforcementReviewDto {
  @ApiProperty({
    maxLength: 64,
    example: 'JT-MKT-2026-0001',
    description: 'The case number (立案号), letters, digits, _ . -',
  })
  @IsString()
  @MaxLength(64)
  caseNumber: string;

  @TextField(300)
  title: string;

  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  decisionKind: EnforcementDecisionKind;

  @ApiProperty({ enum: MEASURES, description: 'The measure decided (the catalog lists items by measure)' })
  @IsIn(MEASURES)
  measure: EnforcementMeasure;

  @ApiProperty({ maxLength: 100, example: '市场监管' })
  @IsString()
  @MaxLength(100)
  field: string;

  @IntegerField(0, 1e12, { description: 'Amount of fine, confiscation or levy, yuan (0 when none)' })
  amountYuan: number;

  @ApiProperty({ enum: STATUTORY_GROUNDS, isArray: true, maxItems: 5 })
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(STATUTORY_GROUNDS, { each: true })
  statutoryGrounds: StatutoryGround[];

  @ApiProperty({ description: 'Complex or serious case: collective discussion by the leaders (处罚法 Art 57 §2)' })
  @IsBoolean()
  complexOrSerious: boolean;

  @TextListField(10, 63, { description: 'Usernames of every case handler (at least two officers)' })
  caseHandlers: string[];
}

export class EvidenceItemDto {
  @TextField(300)
  title: string;

  @TextField(300, 'Where it came from (现场检查笔录, 询问笔录, 抽样检验报告 …)')
  source: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the uploaded EVIDENCE file' })
  @IsString()
  @Matches(SHA)
  fileSha256: string;
}

export class CaseMaterialsDto {
  @TextField(TEXT, 'The facts found (调查终结报告)')
  facts: string;

  @NestedField(EvidenceItemDto, 100)
  evidence: EvidenceItemDto[];

  @TextListField(50, 500, { description: 'The provisions applied' })
  provisions: string[];

  @TextField(2000, 'The discretion standard (裁量基准) applied')
  discretionStandard: string;

  @TextField(TEXT, 'The proposed decision, in short; its text is the DRAFT document')
  proposedDecision: string;

  @ApiProperty()
  @IsBoolean()
  hearingHeld: boolean;

  @ApiPropertyOptional({ maxLength: 64, nullable: true, description: 'SHA-256 of the uploaded HEARING_RECORD' })
  @IsOptional()
  @IsString()
  @Matches(SHA)
  hearingRecordSha256?: string | null;
}

export class SubmitCaseDto {
  @NestedField(CaseMaterialsDto)
  materials: CaseMaterialsDto;
}

export class MissingMaterialsDto {
  @TextListField(30, 500)
  missing: string[];
}

export class NoBodyDto {}

export class ChecklistEntryDto extends checklistEntryDto(CHECKLIST_ITEMS) {}

const REVIEW_CONCLUSIONS: readonly ReviewConclusion[] = ['AGREE', 'PROBLEMS', 'TRANSFER'];

export class ReviewConclusionDto extends checklistOpinionDto({
  conclusions: REVIEW_CONCLUSIONS,
  conclusionsDescription: '同意 / 存在问题 / 建议移送涉嫌犯罪',
  entry: ChecklistEntryDto,
  reviewedText: 'the proposed decision text',
}) {
  @ApiProperty({ description: 'The reviewer declares no interest in the case (recusal)' })
  @IsBoolean()
  noConflictDeclared: boolean;
}

export class ErReasonDto extends WrittenReasonDto {}

export class DecideExtensionDto extends ErReasonDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;
}

export class DecideTransferDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @TextField(4000)
  reasons: string;
}

export class RecordTransferDto {
  @TextField(300, 'The public-security organ')
  receivingOrgan: string;

  @TextField(200)
  letterReference: string;

  @TextListField(50, 500)
  materials: string[];
}

export class CollectiveDto {
  @ApiProperty({ maxLength: 10, example: '2026-03-02' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  meetingDate: string;

  @TextListField(30, 100)
  participants: string[];

  @TextField(TEXT)
  conclusion: string;

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  dissent?: string;
}

const OUTCOMES = ['PENALTY', 'NO_PENALTY', 'FACTS_NOT_ESTABLISHED', 'GRANTED', 'REFUSED', 'OTHER'] as const;

export class RecordDecisionDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: DecisionRecord['outcome'];

  @ApiProperty({ maxLength: 100, example: '坛市监罚〔2026〕1号' })
  @IsString()
  @MaxLength(100)
  decisionNumber: string;

  @TextField(TEXT)
  summary: string;

  @TextField(64, 'SHA-256 of the decision text: the version the review passed')
  decidedSha256: string;
}

export class DisclosureDto {
  @TextField(300)
  channel: string;

  @TextField(500)
  reference: string;
}

export class WithdrawDisclosureDto {
  @TextField(500)
  reference: string;
}

export class ArchiveCaseDto {
  @TextField(2000)
  note: string;
}
