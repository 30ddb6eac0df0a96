import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** A comment from the public. Unknown fields are refused by the global validation. */
export class SubmitCommentDto {
  @ApiProperty({ description: 'The comment (1–5000 characters)', example: '建议明确退费时限。' })
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'content must not be blank' })
  content: string;

  @ApiPropertyOptional({ description: 'Your name; seen only by the drafting unit, never published' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'How to reach you (phone or e-mail); seen only by the drafting unit' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contact?: string;
}
