import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The reviewer's word on one pre-review finding, sent with the legality opinion. */
export class PreReviewDecisionDto {
  @ApiProperty({ description: 'The finding’s key, as GET /api/procedures/{id}/pre-review gave it' })
  @IsString()
  @MaxLength(400)
  key: string;

  @ApiProperty({ enum: ['CONFIRMED', 'DISMISSED'], description: '确认 / 排除' })
  @IsIn(['CONFIRMED', 'DISMISSED'])
  decision: 'CONFIRMED' | 'DISMISSED';

  @ApiProperty({ description: 'Why (required both ways; recorded in the ledger entry of the opinion)' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

/**
 * The `preReviewDecisions` field of a review step declared with `preReview: true`: the decision on each finding of
 * the pre-review of the version the step binds (the API requires one per finding).
 */
export function PreReviewDecisions(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [PreReviewDecisionDto],
      description: 'The decision on each finding of the pre-review of the version reviewed (422 if one is missing)',
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(500),
    ValidateNested({ each: true }),
    Type(() => PreReviewDecisionDto),
  );
}

export class SetPreReviewRuleDto {
  @ApiProperty({ description: 'On or off' })
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({ description: 'Why (audited)', example: '该规则误报较多，待规则修订后恢复' })
  @IsString()
  @Length(4, 2000)
  reason: string;
}

export class SetLawOverrideDto {
  @ApiProperty({ description: 'The law’s name as cited', example: '中华人民共和国广告法' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: ['IN_FORCE', 'REPEALED'] })
  @IsIn(['IN_FORCE', 'REPEALED'])
  status: 'IN_FORCE' | 'REPEALED';

  @ApiPropertyOptional({
    enum: ['LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'DEPARTMENT_RULE', 'LOCAL_RULE'],
    description: 'Required for a law in force',
  })
  @IsOptional()
  @IsIn(['LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'DEPARTMENT_RULE', 'LOCAL_RULE'])
  rank?: 'LAW' | 'ADMINISTRATIVE_REGULATION' | 'LOCAL_REGULATION' | 'DEPARTMENT_RULE' | 'LOCAL_RULE';

  @ApiPropertyOptional({ description: 'For a repealed law: what replaced it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  repealedBy?: string;

  @ApiProperty({ description: 'Why, with the source (audited)', example: '2026年X月X日全国人大常委会决定废止' })
  @IsString()
  @Length(4, 2000)
  reason: string;
}
