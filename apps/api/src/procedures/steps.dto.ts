import { cite, type PeriodUnit } from '@lawgate/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';

const UNITS: PeriodUnit[] = ['CALENDAR_DAYS', 'WORKING_DAYS'];

/** A period as the law states it: calendar days (日) or working days (个工作日). */
export class PeriodDto {
  @ApiProperty({ minimum: 1, maximum: 365, example: 30 })
  @IsInt()
  @Min(1)
  @Max(365)
  amount: number;

  @ApiProperty({ enum: UNITS })
  @IsIn(UNITS)
  unit: 'CALENDAR_DAYS' | 'WORKING_DAYS';
}

/** One item of a review checklist answered: met or not, with a note (what is wrong, what must change). */
export class ChecklistAnswerDto {
  @ApiProperty({ description: 'The item is met' })
  @IsBoolean()
  ok: boolean;

  @ApiProperty({ maxLength: 2000, description: 'Required for an item not met' })
  @IsString()
  @MaxLength(2000)
  note: string;
}

export class NoteDto {
  @ApiProperty({ example: '草案、起草说明、制定依据已齐备。' })
  @IsString()
  @Length(0, 4000)
  note: string;
}

export class FairCompetitionReviewDto {
  @ApiProperty({ enum: ['COMPLIANT', 'NON_COMPLIANT'] })
  @IsIn(['COMPLIANT', 'NON_COMPLIANT'])
  conclusion: 'COMPLIANT' | 'NON_COMPLIANT';

  @ApiProperty({ example: '经审查，未含有排除、限制竞争的内容。' })
  @IsString()
  @Length(1, 4000)
  summary: string;

  @ApiPropertyOptional({ description: `${cite('FCR/12')}: why a statutory exception applies` })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  exceptionReason?: string;
}

export class OpenCommentWindowDto {
  @ApiPropertyOptional({ type: PeriodDto, description: 'Omit for the statutory minimum' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;

  @ApiPropertyOptional({ description: 'Required for a period shorter than the minimum; published with the notice' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  shortenedReason?: string;
}

export class ExtendCommentWindowDto {
  @ApiProperty({ type: PeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  extension: PeriodDto;

  @ApiProperty({ example: '社会关注度高，延长征求意见期限。' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class AnswerCommentDto {
  @ApiProperty({ enum: ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'] })
  @IsIn(['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'])
  answer: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

  @ApiProperty({ description: 'Required unless adopted', example: '已采纳，修改第三条。' })
  @IsString()
  @Length(0, 4000)
  reason: string;
}

export class EmergencyDto {
  @ApiProperty({ enum: ['EMERGENCY', 'URGENT_ORDER'], description: '突发事件 / 上级紧急命令' })
  @IsIn(['EMERGENCY', 'URGENT_ORDER'])
  category: 'EMERGENCY' | 'URGENT_ORDER';

  @ApiProperty()
  @IsString()
  @Length(2, 2000)
  reason: string;
}

export class SubmitForReviewDto {
  @ApiProperty({ description: "The drafting unit's own legality conclusion", example: '经本单位法制机构审核，合法。' })
  @IsString()
  @Length(1, 4000)
  note: string;

  @ApiPropertyOptional({ type: EmergencyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyDto)
  emergency?: EmergencyDto;

  @ApiPropertyOptional({ description: 'Areas of expertise the review needs', example: ['教育'] })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  @ArrayMaxSize(10)
  expertise?: string[];
}

export class MaterialsCheckDto {
  @ApiProperty()
  @IsBoolean()
  complete: boolean;

  @ApiPropertyOptional({ description: 'What is missing, when incomplete', example: ['起草说明'] })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  missing?: string[];

  @ApiProperty()
  @IsString()
  @Length(0, 4000)
  note: string;
}

export class ResubmitRevisionDto {
  @ApiProperty({ description: 'True when every point of the opinion was adopted in a new draft version' })
  @IsBoolean()
  adoptedAll: boolean;

  @ApiPropertyOptional({ description: 'Reasons and basis for points not adopted (G-B7)' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  nonAdoptionStatement?: string;
}

export class DeliberationDto {
  @ApiProperty({ enum: ['ADOPTED', 'RETURNED', 'REJECTED'] })
  @IsIn(['ADOPTED', 'RETURNED', 'REJECTED'])
  decision: 'ADOPTED' | 'RETURNED' | 'REJECTED';

  @ApiProperty({ example: '区政府第12次常务会议' })
  @IsString()
  @Length(2, 200)
  meeting: string;

  @ApiPropertyOptional({
    enum: ['EXECUTIVE', 'BUREAU'],
    description: "The government's executive meeting, or the issuing bureau's own meeting (局务会议)",
  })
  @IsOptional()
  @IsIn(['EXECUTIVE', 'BUREAU'])
  meetingKind?: 'EXECUTIVE' | 'BUREAU';

  @ApiProperty({ example: '2026-11-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'meetingDate must be a date like 2026-11-20' })
  meetingDate: string;

  @ApiProperty({ description: 'The deliberation record' })
  @IsString()
  @Length(2, 20000)
  minutes: string;
}

/** A step that needs no input beyond an optional remark. */
export class OptionalNoteDto {
  @ApiPropertyOptional({ description: 'A remark, kept in the audit trail' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class PublicationDto {
  @ApiProperty({ enum: ['GAZETTE', 'WEBSITE', 'NEWSPAPER'], description: '政府公报 / 政府网站 / 报纸' })
  @IsIn(['GAZETTE', 'WEBSITE', 'NEWSPAPER'])
  channel: 'GAZETTE' | 'WEBSITE' | 'NEWSPAPER';

  @ApiProperty({ description: 'URL or gazette issue', example: 'https://www.jintan.gov.cn/art/2026/12/1/art_1.html' })
  @IsString()
  @Length(2, 500)
  reference: string;
}

export class FilingEventDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Which filing, when filed with several recipients' })
  @IsOptional()
  @IsUUID()
  filingId?: string;

  @ApiProperty({ enum: ['SUBMITTED', 'CORRECTION_REQUESTED', 'RESUBMITTED', 'ACCEPTED'] })
  @IsIn(['SUBMITTED', 'CORRECTION_REQUESTED', 'RESUBMITTED', 'ACCEPTED'])
  event: 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED' | 'ACCEPTED';

  @ApiProperty({ example: '已报送市政府备案。' })
  @IsString()
  @Length(0, 4000)
  note: string;
}

export class RepealDto {
  @ApiProperty({ example: '经清理，已不适应经济社会发展需要。' })
  @IsString()
  @Length(2, 4000)
  reason: string;
}
