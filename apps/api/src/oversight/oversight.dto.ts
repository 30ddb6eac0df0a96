import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PROCEDURE_TYPES } from '@lawgate/domain';

export class OverdueQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({ description: 'Months counted back from the current one (China Standard Time)', default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  months?: number;
}

export class OverdueTaskDto {
  @ApiProperty() id: string;
  @ApiProperty() procedureId: string;
  @ApiProperty() procedureTitle: string;
  @ApiProperty() procedureType: string;
  @ApiProperty() departmentName: string;
  @ApiProperty() stage: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) assigneeUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty() assigneeUnitName: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the overdue task went to the legal-affairs office' })
  escalatedAt: string | null;
}

export class OverduePageDto {
  @ApiProperty({ type: [OverdueTaskDto], description: 'Most overdue first' }) items: OverdueTaskDto[];
  @ApiProperty({ description: 'All overdue open tasks, also those beyond the limit' }) total: number;
}

/** A share: `rate` is null when nothing was counted (no rate is better than a made-up 0 %). */
export class RateDto {
  @ApiProperty() total: number;
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number }) rate: number | null;
}

export class MonthlyRateDto extends RateDto {
  @ApiProperty({ example: '2026-11' }) month: string;
}

export class StageCountDto {
  @ApiProperty({ example: PROCEDURE_TYPES[0] }) type: string;
  @ApiProperty({ example: 'DRAFTING' }) stage: string;
  @ApiProperty({ example: 3 }) count: number;
}

/** Documents in force whose validity ends within 30, 90 and 365 days. */
export class NearingExpiryDto {
  @ApiProperty({ type: 'integer' }) within30: number;
  @ApiProperty({ type: 'integer' }) within90: number;
  @ApiProperty({ type: 'integer' }) within365: number;
}

export class StatisticsDto {
  @ApiProperty({ example: '2025-12' }) fromMonth: string;
  @ApiProperty({ example: '2026-11' }) toMonth: string;
  @ApiProperty({ description: 'Tasks with a due time closed by then, of those closed in the period' })
  onTime: RateDto;
  @ApiProperty({ type: [MonthlyRateDto] }) onTimeByMonth: MonthlyRateDto[];
  @ApiProperty({ description: 'Open tasks past their due time now' }) openOverdue: number;
  @ApiProperty({ description: 'Legality opinions that returned the draft (unlawful or must be amended)' })
  legalityReturn: RateDto;
  @ApiProperty({ type: [MonthlyRateDto] }) legalityReturnByMonth: MonthlyRateDto[];
  @ApiProperty({ description: 'Answered public comments adopted in full or in part' })
  commentAdoption: RateDto;
  @ApiProperty({ type: [MonthlyRateDto] }) commentAdoptionByMonth: MonthlyRateDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Answered comments by answer',
    example: { ADOPTED: 3, PARTLY_ADOPTED: 1, NOT_ADOPTED: 2 },
  })
  commentAnswers: Record<string, number>;
  @ApiProperty({ description: 'Comments waiting for an answer' }) commentsUnanswered: number;
  @ApiProperty({
    type: [StageCountDto],
    description: 'Every procedure counted by type and stage (all of them, not a page)',
  })
  proceduresByStage: { type: string; stage: string; count: number }[];
  @ApiProperty({
    type: NearingExpiryDto,
    description: 'Documents in force whose validity ends within 30, 90 and 365 days',
  })
  nearingExpiry: NearingExpiryDto;
}
