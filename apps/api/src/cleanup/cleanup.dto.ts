import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CAMPAIGN_ID_PATTERN, CLEANUP_DECISIONS, type CleanupDecision } from '@lawgate/domain';

export class StartCleanupCampaignDto {
  @ApiProperty({ example: '2026年度行政规范性文件清理' })
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiPropertyOptional({
    description: 'Business key of the campaign; default the current year (China Standard Time). One campaign per key.',
    example: '2026',
  })
  @IsOptional()
  @IsString()
  @Matches(CAMPAIGN_ID_PATTERN, { message: 'campaignId must be 1-64 letters, digits, ".", "_" or "-"' })
  campaignId?: string;
}

export class CleanupReviewDecisionDto {
  @ApiProperty({ enum: CLEANUP_DECISIONS, description: 'KEEP (继续有效), AMEND (修改), REPEAL (废止)' })
  @IsIn(CLEANUP_DECISIONS)
  decision: CleanupDecision;

  @ApiPropertyOptional({ description: 'Required for AMEND and REPEAL', example: '上位法已修改，本文件不再适应。' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  reason?: string;
}
