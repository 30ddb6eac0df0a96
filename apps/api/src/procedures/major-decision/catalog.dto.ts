import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MATTER_KINDS, type MatterKind } from '@lawgate/domain';

/** The request bodies of the decision catalog's acts (Art 3 of 国务院令第713号); each act is recorded with its reason. */

const REASON = 4000;

export class CreateCatalogDraftDto {
  @ApiProperty({ maxLength: 200, example: '2026年度重大行政决策事项目录' })
  @IsString()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: REASON, description: 'Why the version is opened (recorded)' })
  @IsString()
  @MaxLength(REASON)
  reason: string;
}

/** An item's fields, as a change of the draft version sets them. */
export class CatalogItemDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    enum: MATTER_KINDS,
    description: 'The kind of matter; the Art 3 §2 kinds are refused (422) as outside the catalog',
  })
  @IsString()
  @IsIn(MATTER_KINDS)
  kind: MatterKind;

  @ApiProperty({ maxLength: REASON })
  @IsString()
  @MaxLength(REASON)
  description: string;

  @ApiPropertyOptional({ maxLength: 36, description: 'The undertaking unit (决策承办单位)' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  undertakingUnitId?: string;

  @ApiProperty({ maxLength: REASON, description: 'Why the item is added or changed (recorded)' })
  @IsString()
  @MaxLength(REASON)
  reason: string;
}

/** A new item of the draft version, under its key. */
export class AddCatalogItemDto extends CatalogItemDto {
  @ApiProperty({ maxLength: 64, example: '01' })
  @IsString()
  @MaxLength(64)
  itemKey: string;
}

export class CatalogConsentDto {
  @ApiProperty({ maxLength: 200, description: 'The Party committee that consented', example: '中共常州市金坛区委' })
  @IsString()
  @MaxLength(200)
  consentBy: string;

  @ApiProperty({
    maxLength: 200,
    description: 'The Party committee meeting at which it consented',
    example: '区委常委会2026年第5次会议',
  })
  @IsString()
  @Length(1, 200)
  meeting: string;

  @ApiProperty({ maxLength: 200, description: 'The reference of its consent', example: '坛委〔2026〕3号' })
  @IsString()
  @MaxLength(200)
  reference: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it consented; now if absent' })
  @IsOptional()
  @IsDateString()
  consentAt?: string;
}

export class CatalogPublishDto {
  @ApiProperty({ maxLength: REASON, description: 'Why the version is published (recorded)' })
  @IsString()
  @MaxLength(REASON)
  reason: string;
}
