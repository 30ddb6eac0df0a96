import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { PeriodUnit } from '@lawgate/domain';

export class CalendarDayDto {
  @ApiProperty({ example: '2027-02-06' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiProperty({
    enum: ['HOLIDAY', 'WORKDAY'],
    description: 'HOLIDAY: a rest day of a break; WORKDAY: a weekend day worked',
  })
  @IsIn(['HOLIDAY', 'WORKDAY'])
  kind: 'HOLIDAY' | 'WORKDAY';

  @ApiProperty({ example: '春节' })
  @IsString()
  @Length(1, 100)
  name: string;
}

export class PutCalendarYearDto {
  @ApiProperty({
    description: 'Why the calendar changes (recorded in the audit trail)',
    example: '国务院办公厅2027年部分节假日安排通知',
  })
  @IsString()
  @Length(5, 2000)
  reason: string;

  @ApiPropertyOptional({ description: "URL of the State Council's notice" })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  noticeUrl?: string;

  @ApiProperty({ type: [CalendarDayDto] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}

export class DeadlineQueryDto {
  @ApiProperty({ example: '2026-09-25', description: 'Start date (not counted), China Standard Time' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: 15, minimum: 1, maximum: 3660 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  amount: number;

  @ApiProperty({ enum: ['CALENDAR_DAYS', 'WORKING_DAYS'] })
  @IsIn(['CALENDAR_DAYS', 'WORKING_DAYS'])
  unit: Exclude<PeriodUnit, 'SECONDS'>;
}
