import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** A date (YYYY-MM-DD), or with demonstration periods an instant (ISO 8601, UTC). */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/;

/** The drafter's effective date (施行日期) and, optionally, a shorter validity the document states. */
export class EffectiveDateDto {
  @ApiProperty({
    description: '施行日期 (with demonstration periods an ISO instant is taken)',
    example: '2027-01-01',
  })
  @Matches(DATE_OR_INSTANT, { message: 'effectiveDate must be a date like 2027-01-01' })
  effectiveDate: string;

  @ApiPropertyOptional({ description: 'The last day of a shorter validity the document states', example: '2029-12-31' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'validUntil must be a date like 2029-12-31' })
  validUntil?: string;

  @ApiPropertyOptional({
    description: 'Why it takes effect earlier than the policy allows after publication (recorded with the decision)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 4000)
  earlyEffectReason?: string;
}

/** The decision an evaluation before expiry ends in. */
export class ValidityEvaluationDto {
  @ApiProperty({ enum: ['CONTINUE', 'AMEND', 'EXPIRE'] })
  @IsIn(['CONTINUE', 'AMEND', 'EXPIRE'])
  decision: 'CONTINUE' | 'AMEND' | 'EXPIRE';

  @ApiProperty({ description: "The evaluation's findings and why this outcome", example: '经评估，仍需继续施行。' })
  @IsString()
  @Length(2, 8000)
  reason: string;

  @ApiPropertyOptional({ description: "CONTINUE: the new validity's last day", example: '2031-12-31' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'validUntil must be a date like 2031-12-31' })
  validUntil?: string;
}
