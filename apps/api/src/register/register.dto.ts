import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { REGISTER_STATUSES, type RegisterStatus } from '@lawgate/domain';

/** What the public may see: published documents. Unpublished and voided numbers are for the office. */
export const PUBLIC_STATUSES: readonly RegisterStatus[] = ['IN_FORCE', 'EXPIRED', 'REPEALED', 'REPLACED'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class RegisterQueryBase {
  @ApiPropertyOptional({ description: 'Part of the title', example: '校外培训' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'The document number, or part of it', example: '坛政规〔2026〕3号' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  number?: string;

  @ApiPropertyOptional({ description: "Issuer's unit code", example: 'JT-GOV' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'issuer must be a unit code such as JT-GOV' })
  issuer?: string;

  @ApiPropertyOptional({ description: 'Registered on or after (YYYY-MM-DD, China Standard Time)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Registered on or before (YYYY-MM-DD, China Standard Time)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class PublicRegisterQueryDto extends RegisterQueryBase {
  @ApiPropertyOptional({ enum: PUBLIC_STATUSES, description: 'Default: all of them' })
  @IsOptional()
  @IsIn(PUBLIC_STATUSES)
  status?: RegisterStatus;
}

export class AdminRegisterQueryDto extends RegisterQueryBase {
  @ApiPropertyOptional({ enum: REGISTER_STATUSES, description: 'Default: all, voided numbers included' })
  @IsOptional()
  @IsIn(REGISTER_STATUSES)
  status?: RegisterStatus;
}

export class FeedQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ExpiringFeedQueryDto extends FeedQueryDto {
  @ApiPropertyOptional({
    description: 'Validity ending within this many days',
    minimum: 1,
    maximum: 3660,
    default: 180,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  days?: number;
}

export class IssuerSeriesDto {
  @ApiProperty({ description: 'The issuing organ (an organisation unit)' })
  @IsUUID()
  issuerUnitId: string;

  @ApiProperty({ example: 'NORMATIVE' })
  @Matches(/^[A-Z][A-Z0-9_-]{0,39}$/, { message: 'series must be 1-40 capital letters, digits, _ or -' })
  series: string;

  @ApiProperty({ example: '坛政规', description: 'The printed issuer code: Han characters or Latin letters' })
  @IsString()
  @Matches(/^[\p{Script=Han}A-Za-z]{1,20}$/u, { message: 'prefix must be 1-20 Han characters or Latin letters' })
  prefix: string;

  @ApiProperty({ description: 'An inactive series gives no new numbers' })
  @IsBoolean()
  active: boolean;

  @ApiProperty({ description: 'Why (recorded in the audit trail)' })
  @IsString()
  @Length(5, 2000)
  reason: string;
}
