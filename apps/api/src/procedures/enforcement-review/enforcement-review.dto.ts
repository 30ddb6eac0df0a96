import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CHECKLIST_ITEMS,
  DECISION_KINDS,
  MEASURES,
  STATUTORY_GROUNDS,
  type ChecklistItem,
  type DecisionRecord,
  type EnforcementDecisionKind,
  type EnforcementMeasure,
  type ReviewConclusion,
  type StatutoryGround,
} from '@lawgate/domain';

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

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
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

  @ApiProperty({ minimum: 0, maximum: 1e12, description: 'Amount of fine, confiscation or levy, yuan (0 when none)' })
  @IsInt()
  @Min(0)
  @Max(1e12)
  amountYuan: number;

  @ApiProperty({ enum: STATUTORY_GROUNDS, isArray: true, maxItems: 5 })
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(STATUTORY_GROUNDS, { each: true })
  statutoryGrounds: StatutoryGround[];

  @ApiProperty({ description: 'Complex or serious case: collective discussion by the leaders (处罚法 Art 57 §2)' })
  @IsBoolean()
  complexOrSerious: boolean;

  @ApiProperty({ type: [String], maxItems: 10, description: 'Usernames of every case handler (at least two officers)' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(63, { each: true })
  caseHandlers: string[];
}

export class EvidenceItemDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  title: string;

  @ApiProperty({ maxLength: 300, description: 'Where it came from (现场检查笔录, 询问笔录, 抽样检验报告 …)' })
  @IsString()
  @MaxLength(300)
  source: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the uploaded EVIDENCE file' })
  @IsString()
  @Matches(SHA)
  fileSha256: string;
}

export class CaseMaterialsDto {
  @ApiProperty({ maxLength: TEXT, description: 'The facts found (调查终结报告)' })
  @IsString()
  @MaxLength(TEXT)
  facts: string;

  @ApiProperty({ type: [EvidenceItemDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvidenceItemDto)
  evidence: EvidenceItemDto[];

  @ApiProperty({ type: [String], maxItems: 50, description: 'The provisions applied' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  provisions: string[];

  @ApiProperty({ maxLength: 2000, description: 'The discretion standard (裁量基准) applied' })
  @IsString()
  @MaxLength(2000)
  discretionStandard: string;

  @ApiProperty({ maxLength: TEXT, description: 'The proposed decision, in short; its text is the DRAFT document' })
  @IsString()
  @MaxLength(TEXT)
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
  @ApiProperty({ type: CaseMaterialsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CaseMaterialsDto)
  materials: CaseMaterialsDto;
}

export class MissingMaterialsDto {
  @ApiProperty({ type: [String], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  missing: string[];
}

export class NoBodyDto {}

export class ChecklistEntryDto {
  @ApiProperty({ enum: CHECKLIST_ITEMS })
  @IsIn(CHECKLIST_ITEMS)
  item: ChecklistItem;

  @ApiProperty()
  @IsBoolean()
  ok: boolean;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;
}

export class ReviewConclusionDto {
  @ApiProperty({ enum: ['AGREE', 'PROBLEMS', 'TRANSFER'], description: '同意 / 存在问题 / 建议移送涉嫌犯罪' })
  @IsIn(['AGREE', 'PROBLEMS', 'TRANSFER'])
  conclusion: ReviewConclusion;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasons: string;

  @ApiProperty({ type: [ChecklistEntryDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChecklistEntryDto)
  checklist: ChecklistEntryDto[];

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the proposed decision text reviewed (409 if it changed)' })
  @IsString()
  @MaxLength(64)
  reviewedSha256: string;

  @ApiProperty({ description: 'The reviewer declares no interest in the case (recusal)' })
  @IsBoolean()
  noConflictDeclared: boolean;
}

export class ErReasonDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  reason: string;
}

export class DecideExtensionDto extends ErReasonDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;
}

export class DecideTransferDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  reasons: string;
}

export class RecordTransferDto {
  @ApiProperty({ maxLength: 300, description: 'The public-security organ' })
  @IsString()
  @MaxLength(300)
  receivingOrgan: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  letterReference: string;

  @ApiProperty({ type: [String], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  materials: string[];
}

export class CollectiveDto {
  @ApiProperty({ maxLength: 10, example: '2026-03-02' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  meetingDate: string;

  @ApiProperty({ type: [String], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  participants: string[];

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
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

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  summary: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the decision text: the version the review passed' })
  @IsString()
  @MaxLength(64)
  decidedSha256: string;
}

export class DisclosureDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  channel: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  reference: string;
}

export class WithdrawDisclosureDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  reference: string;
}

export class ArchiveCaseDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;
}
