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
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ART_32_CHANNELS } from '@lawgate/domain';
import { PeriodDto } from '../steps.dto';
import { PreReviewDecisionDto, PreReviewDecisions } from '../../pre-review/pre-review.dto';

/** The request bodies of the major-decision steps (国务院令第713号); the workflow's validators check the rules. */

const TEXT = 8000;

/** The flags that decide whether expert argumentation (Art 19) and risk assessment (Art 22) run. */
export class ClassificationFlagsDto {
  @ApiProperty({ description: 'Professional or technical matter: expert argumentation runs (Art 19)' })
  @IsBoolean()
  professional: boolean;

  @ApiProperty({ description: 'May affect social stability or public safety: risk assessment runs (Art 22)' })
  @IsBoolean()
  riskFlagged: boolean;
}

export class LaunchDto {
  @ApiProperty({ description: 'A1–A2: launch the matter (false: not launched)' })
  @IsBoolean()
  launch: boolean;

  @ApiPropertyOptional({ maxLength: 36, description: 'The undertaking unit (决策承办单位), when launched' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  undertakingUnitId?: string;

  @ApiPropertyOptional({ maxLength: 36, description: 'The lead unit, when several units undertake it' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  leadUnitId?: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reason: string;

  @ApiPropertyOptional({
    type: ClassificationFlagsDto,
    description:
      'The launching leader’s word on the proposer’s flags: omitted, the launch confirms them as declared; ' +
      'different values change them and need classificationReason',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClassificationFlagsDto)
  classification?: ClassificationFlagsDto;

  @ApiPropertyOptional({ maxLength: TEXT, description: 'Why the leader changes the declared flags' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  classificationReason?: string;
}

export class DraftOptionDto {
  @ApiProperty({ maxLength: 200, example: '方案一' })
  @IsString()
  @MaxLength(200)
  label: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of a stored DRAFT version' })
  @IsString()
  @MaxLength(64)
  sha256: string;
}

export class DraftOptionsDto {
  @ApiProperty({ type: [DraftOptionDto], maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DraftOptionDto)
  options: DraftOptionDto[];

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  lawInventory: string;

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  costBenefit?: string;
}

export class ConsultationDto {
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  consulted: string[];

  @ApiPropertyOptional({
    maxLength: TEXT,
    description: "Art 13: with no department consulted, why none's duties are involved",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  noDepartmentInvolvedReason?: string;

  @ApiProperty()
  @IsBoolean()
  consensus: boolean;

  @ApiPropertyOptional({ maxLength: TEXT, description: 'Required without consensus' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  disputeMemo?: string;
}

export class WithoutOpenConsultationDto {
  @ApiProperty({ description: 'Art 14 ¶1: the matter may not be disclosed by law' })
  @IsBoolean()
  exempt: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Art 14 ¶2: the other ways opinions were heard' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  methods?: string[];

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reason: string;
}

export class CompleteParticipationDto {
  @ApiPropertyOptional({
    type: WithoutOpenConsultationDto,
    description: 'Without an open consultation: the recorded decision and its reason (Art 14)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WithoutOpenConsultationDto)
  withoutOpenConsultation?: WithoutOpenConsultationDto;
}

export class DecisionCommentWindowDto {
  @ApiPropertyOptional({ type: PeriodDto, description: 'Omit for the minimum (一般 30 days, Art 15)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  shortenedReason?: string;
}

/** A step whose body is empty: any field is refused. */
export class EmptyDto {}

export class DecisionCommentAnswerDto {
  @ApiProperty({ maxLength: 36 })
  @IsString()
  @MaxLength(36)
  commentId: string;

  @ApiProperty({ enum: ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'] })
  @IsIn(['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'])
  answer: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  reason: string;
}

export class HearingDto {
  @ApiProperty({ maxLength: 40, example: '2026-11-01T09:00:00+08:00' })
  @IsString()
  @MaxLength(40)
  materialsDeliveredAt: string;

  @ApiProperty({ maxLength: 40 })
  @IsString()
  @MaxLength(40)
  participantListPublishedAt: string;

  @ApiProperty({ maxLength: 40 })
  @IsString()
  @MaxLength(40)
  heldAt: string;

  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  participants: string[];

  @ApiProperty({ maxLength: 64 })
  @IsString()
  @MaxLength(64)
  signedRecordSha256: string;
}

export class ExpertDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  name: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  affiliation: string;

  @ApiProperty({ description: 'A declared direct interest excludes the expert (Art 20)' })
  @IsBoolean()
  declaredInterest: boolean;

  @ApiProperty()
  @IsBoolean()
  dissenting: boolean;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  opinion: string;

  @ApiProperty({ maxLength: 64 })
  @IsString()
  @MaxLength(64)
  signedSha256: string;
}

export class ExpertOpinionDto {
  @ApiProperty({ type: ExpertDto })
  @ValidateNested()
  @Type(() => ExpertDto)
  expert: ExpertDto;
}

export class CompleteExpertsDto {
  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  adoption: string;

  @ApiProperty()
  @IsBoolean()
  dissentingInvited: boolean;
}

export class RiskAssessmentDto {
  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  riskPoints: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  measures: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  contingencyPlan: string;

  @ApiProperty({ maxLength: 40 })
  @IsString()
  @MaxLength(40)
  level: string;

  @ApiProperty({ maxLength: 400 })
  @IsString()
  @MaxLength(400)
  method: string;

  @ApiProperty()
  @IsBoolean()
  controllable: boolean;
}

export class SubmitLegalityDto {
  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  basisStatement: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  proceduresPerformed: string;
}

export class DecisionLegalityOpinionDto {
  @ApiProperty({ enum: ['LAWFUL', 'MUST_AMEND', 'UNLAWFUL', 'NO_CLEAR_RULE'] })
  @IsIn(['LAWFUL', 'MUST_AMEND', 'UNLAWFUL', 'NO_CLEAR_RULE'])
  conclusion: 'LAWFUL' | 'MUST_AMEND' | 'UNLAWFUL' | 'NO_CLEAR_RULE';

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasons: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the draft version reviewed (409 if it changed)' })
  @IsString()
  @MaxLength(64)
  reviewedSha256: string;

  @ApiPropertyOptional({ maxLength: TEXT, description: 'Exploratory reform: the legal risk, stated' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  legalRisk?: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Task ids of the advisers' opinions (asked in this review) the office's opinion cites",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  citedAdviserOpinions?: string[];

  @PreReviewDecisions()
  preReviewDecisions?: PreReviewDecisionDto[];
}

export class RequestLegalAdviceDto {
  @ApiProperty({ maxLength: 4000, description: 'What the adviser should look at' })
  @IsString()
  @MaxLength(4000)
  question: string;

  @ApiProperty({ type: [String], description: 'Areas of expertise the opinion needs (routing)', example: ['城乡规划'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  expertise: string[];
}

export class LegalAdviceDto {
  @ApiProperty({ enum: ['LAWFUL', 'MUST_AMEND', 'UNLAWFUL'] })
  @IsIn(['LAWFUL', 'MUST_AMEND', 'UNLAWFUL'])
  conclusion: 'LAWFUL' | 'MUST_AMEND' | 'UNLAWFUL';

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  opinion: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the draft version read (409 if it changed)' })
  @IsString()
  @MaxLength(64)
  reviewedSha256: string;
}

export class MeetingPackageDto {
  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  fairCompetitionReview?: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  note: string;
}

export class MemberPositionDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  memberId: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ['FOR', 'AGAINST', 'ABSTAIN'] })
  @IsIn(['FOR', 'AGAINST', 'ABSTAIN'])
  position: 'FOR' | 'AGAINST' | 'ABSTAIN';

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  statement: string;
}

/** A member present at the meeting (出席人员). */
export class MeetingAttendeeDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  memberId: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  name: string;
}

export class MeetingDto {
  @ApiProperty({ maxLength: 20, example: 'EXECUTIVE' })
  @IsString()
  @MaxLength(20)
  meetingType: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  meeting: string;

  @ApiProperty({ maxLength: 40 })
  @IsString()
  @MaxLength(40)
  meetingDate: string;

  @ApiProperty({ type: [MemberPositionDto], maxItems: 60, description: 'In speaking order; the head last' })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => MemberPositionDto)
  positions: MemberPositionDto[];

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  headId: string;

  @ApiProperty({ enum: ['ADOPTED', 'NOT_ADOPTED'] })
  @IsIn(['ADOPTED', 'NOT_ADOPTED'])
  decision: 'ADOPTED' | 'NOT_ADOPTED';

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  headReason?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    description: 'How many members the meeting has (组成人员), for its quorum (required by the workflow)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  membersTotal?: number;

  @ApiPropertyOptional({
    type: [MeetingAttendeeDto],
    maxItems: 200,
    description: 'The members present; every member whose position is recorded is among them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MeetingAttendeeDto)
  attendees?: MeetingAttendeeDto[];
}

export class PartyReportDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  reportedTo: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  reference: string;
}

export class ChannelNotUsedDto {
  @ApiProperty({ enum: ART_32_CHANNELS })
  @IsIn(ART_32_CHANNELS)
  channel: (typeof ART_32_CHANNELS)[number];

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

export class DecisionPublicationDto {
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  channels: string[];

  @ApiPropertyOptional({
    type: [ChannelNotUsedDto],
    description: 'Art 32: a channel it names (gazette, website, newspaper) not used, with the reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => ChannelNotUsedDto)
  channelsNotUsed?: ChannelNotUsedDto[];

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  reference: string;

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  opinionsExplanation?: string;
}

export class TaskNoteDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;
}

export class ExecutionReportDto {
  @ApiProperty({ enum: ['PROGRESS', 'PROBLEM'] })
  @IsIn(['PROGRESS', 'PROBLEM'])
  kind: 'PROGRESS' | 'PROBLEM';

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  text: string;
}

export class EvaluationDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  evaluator: string;

  @ApiProperty({ description: 'Art 36: the evaluator did not do the main pre-decision work' })
  @IsBoolean()
  didPreDecisionWork: boolean;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  result: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reason: string;
}

export * from './major-decision-start.dto';
