import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  FILING_OUTCOMES,
  FILING_STANDARDS,
  FOLLOW_UP_ACTIONS,
  REFUSAL_GROUNDS,
  REGISTRATION_DECISIONS,
  type DocumentKind,
  type FilingOutcome,
  type FilingStandard,
  type FollowUpAction,
  type RefusalGround,
  type RegistrationDecision,
} from '@lawgate/domain';
import { PreReviewDecisionDto, PreReviewDecisions } from '../../pre-review/pre-review.dto';
import { ChecklistAnswerDto, NoteDto } from '../steps.dto';

/** Request bodies of the filing review (receiving side); the workflow checks the rules. */

const TEXT = 8000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FiledFileDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'DRAFT is the official text; FILING_REPORT the filing report' })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  filename: string;

  @ApiProperty({ enum: Object.keys(DOCUMENT_MEDIA_TYPES) })
  @IsIn(Object.keys(DOCUMENT_MEDIA_TYPES))
  mediaType: string;

  @ApiProperty({ description: 'The file, base64-encoded (at most about 5 MB each)', maxLength: 7_000_000 })
  @IsString()
  @MaxLength(7_000_000)
  @Matches(/^[A-Za-z0-9+/=\s]*$/, { message: 'contentBase64 must be base64' })
  contentBase64: string;
}

export class StartFilingReviewDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MaxLength(300)
  title: string;

  @ApiProperty({ maxLength: 100, example: '坛教规〔2026〕1号', description: 'The document number (文号)' })
  @IsString()
  @MaxLength(100)
  documentNumber: string;

  @ApiProperty({ example: '2026-03-01', description: 'Publication date: the filing period runs from it' })
  @Matches(DATE)
  publishedOn: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description: 'The issuing unit by code: only the legal-affairs office names it (an expected filing, E8)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  issuerUnitCode?: string;

  @ApiProperty({ type: [FiledFileDto], maxItems: 10, description: 'The package (empty for an expected filing)' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FiledFileDto)
  files: FiledFileDto[];
}

export class FrFollowUpDto extends NoteDto {
  @ApiProperty({ enum: FOLLOW_UP_ACTIONS, description: 'Notice with a deadline, 通报, or order to correct' })
  @IsIn(FOLLOW_UP_ACTIONS)
  action: FollowUpAction;
}

export class FrRegisterDto {
  @ApiProperty({ enum: REGISTRATION_DECISIONS })
  @IsIn(REGISTRATION_DECISIONS)
  decision: RegistrationDecision;

  @ApiPropertyOptional({ enum: REFUSAL_GROUNDS, description: 'For a refusal' })
  @IsOptional()
  @IsIn(REFUSAL_GROUNDS)
  ground?: RefusalGround;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasons: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'For a deferral: the missing materials' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  missing?: string[];
}

export class FrStandardDto extends ChecklistAnswerDto {
  @ApiProperty({ enum: FILING_STANDARDS })
  @IsIn(FILING_STANDARDS)
  item: FilingStandard;
}

export class FrReviewDto {
  @ApiProperty({ enum: FILING_OUTCOMES })
  @IsIn(FILING_OUTCOMES)
  outcome: FilingOutcome;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasons: string;

  @ApiProperty({ type: [FrStandardDto], maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FrStandardDto)
  standards: FrStandardDto[];

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the filed text reviewed (409 if it changed)' })
  @IsString()
  @MaxLength(64)
  reviewedSha256: string;

  @ApiPropertyOptional({ maxLength: TEXT, description: 'What the issuer must revise or repeal' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  request?: string;

  @PreReviewDecisions()
  preReviewDecisions?: PreReviewDecisionDto[];
}

export class FrReportDto extends NoteDto {
  @ApiProperty({ description: 'true: the corrected text is re-filed; false: the document was repealed' })
  @IsBoolean()
  revised: boolean;
}

export class FrReasonDto {
  @ApiProperty({ maxLength: 4000, example: '制定机关逾期未纠正' })
  @IsString()
  @MaxLength(4000)
  reason: string;
}

export class FrGovernmentDto {
  @ApiProperty({ enum: ['CHANGE', 'REVOKE'] })
  @IsIn(['CHANGE', 'REVOKE'])
  decision: 'CHANGE' | 'REVOKE';

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  reference: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasons: string;
}

export class AnnualReportQueryDto {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026, description: 'The year of publication' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class AnnualDocumentDto {
  @ApiProperty() caseId: string;
  @ApiProperty() title: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ example: '2026-03-01' }) publishedOn: string;
  @ApiProperty({ description: 'Where the filing review stands' }) stage: string;
  @ApiProperty({ description: 'Filed after its due date' }) late: boolean;
  @ApiProperty({ description: 'Corrected after a review opinion and re-filed' }) corrected: boolean;
}

export class AnnualFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty() filed: number;
  @ApiProperty() awaitingFiling: number;
  @ApiProperty() notRegistered: number;
  @ApiProperty() late: number;
  @ApiProperty() corrected: number;
  @ApiProperty() repealedOrRevoked: number;
}

export class AnnualReportDto {
  @ApiProperty() year: number;
  @ApiProperty() receivingOrgan: string;
  @ApiProperty({ type: [AnnualDocumentDto] }) documents: AnnualDocumentDto[];
  @ApiProperty({ type: AnnualFiguresDto }) figures: AnnualFiguresDto;
}
