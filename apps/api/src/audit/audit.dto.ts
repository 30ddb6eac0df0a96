import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'An exact action, or a prefix ending in "." or "*" (e.g. auth.)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._-]+\*?$/, { message: 'action must be letters, digits, dots, dashes (a trailing * allowed)' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: "The acting user's username" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actorUsername?: string;

  @ApiPropertyOptional({ enum: ['USER', 'OPERATOR', 'SYSTEM'] })
  @IsOptional()
  @IsIn(['USER', 'OPERATOR', 'SYSTEM'])
  actorKind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  procedureId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ description: 'Entries older than this id (the next page)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'beforeId must be an entry id' })
  beforeId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
