/** The body that starts a major decision: the proposal and the classification of the matter. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MATTER_KINDS, type MatterKind } from '@lawgate/domain';

/** Longest free text of a start (as the other major-decision bodies). */
const TEXT = 8000;

export class DecisionProposalDto {
  @ApiProperty({ enum: ['LEADER', 'DEPARTMENT', 'LOWER_GOVERNMENT', 'DEPUTY_OR_MEMBER', 'PUBLIC'] })
  @IsIn(['LEADER', 'DEPARTMENT', 'LOWER_GOVERNMENT', 'DEPUTY_OR_MEMBER', 'PUBLIC'])
  proposer: 'LEADER' | 'DEPARTMENT' | 'LOWER_GOVERNMENT' | 'DEPUTY_OR_MEMBER' | 'PUBLIC';

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  problem: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reasonsAndBasis: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  preliminarySolution: string;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  necessityAndFeasibility: string;
}

export class ScopeClassificationDto {
  @ApiProperty({ enum: MATTER_KINDS, description: 'Art 3 §1 kinds enter; §2 kinds are refused at once' })
  @IsIn(MATTER_KINDS)
  kind: MatterKind;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @MaxLength(TEXT)
  reason: string;

  @ApiProperty({ description: 'Expert argumentation is required (Art 19)' })
  @IsBoolean()
  professional: boolean;

  @ApiProperty({ description: 'Risk assessment is required (Art 22)' })
  @IsBoolean()
  riskFlagged: boolean;

  @ApiProperty()
  @IsBoolean()
  wideConcern: boolean;

  @ApiProperty()
  @IsBoolean()
  touchesMarket: boolean;

  @ApiProperty()
  @IsBoolean()
  exploratoryReform: boolean;

  @ApiProperty({ description: 'Dual track: also an administrative normative document' })
  @IsBoolean()
  alsoNormativeDocument: boolean;
}

export class StartMajorDecisionDto {
  @ApiProperty({ maxLength: 64, example: 'JT-2026-MD-01' })
  @IsString()
  @MaxLength(64)
  matterCode: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: 'The published catalog the matter is listed in (决策事项目录)' })
  @IsOptional()
  @IsInt()
  catalogYear?: number;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  catalogItemKey?: string;

  @ApiProperty({ type: DecisionProposalDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionProposalDto)
  proposal: DecisionProposalDto;

  @ApiProperty({ type: ScopeClassificationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeClassificationDto)
  classification: ScopeClassificationDto;
}
