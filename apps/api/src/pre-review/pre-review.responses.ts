import { ApiProperty } from '@nestjs/swagger';

export class RuleBasisResponseDto {
  @ApiProperty() instrument: string;
  @ApiProperty() article: string;
  @ApiProperty() says: string;
}

export class LawListSourceResponseDto {
  @ApiProperty() repository: string;
  @ApiProperty() commit: string;
  @ApiProperty({ description: 'The date of the list' }) date: string;
  @ApiProperty() note: string;
}

export class CitedLawResponseDto {
  @ApiProperty() cited: string;
  @ApiProperty({ enum: ['IN_FORCE', 'REPEALED', 'UNKNOWN'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) rank: string | null;
  @ApiProperty({ type: String, nullable: true }) repealedBy: string | null;
}

export class FindingClauseResponseDto {
  @ApiProperty() index: number;
  @ApiProperty() text: string;
}

export class PreReviewFindingResponseDto {
  @ApiProperty({ description: 'What the reviewer’s decision names' }) key: string;
  @ApiProperty() ruleId: string;
  @ApiProperty({ type: [String], description: '[zh, en]' }) title: string[];
  @ApiProperty({ type: [RuleBasisResponseDto] }) basis: RuleBasisResponseDto[];
  // Nullable objects are written out in place: OpenAPI 3.0 ignores `nullable` beside a `$ref`.
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'The clause; null for a finding about the whole document',
    required: ['index', 'text'],
    properties: { index: { type: 'number' }, text: { type: 'string' } },
  })
  clause: FindingClauseResponseDto | null;
  @ApiProperty() words: string;
  @ApiProperty({ type: String, nullable: true, description: 'PENALTY, LICENCE, COMPULSORY or FEE; null for none' })
  measure: string | null;
  @ApiProperty({ type: String, nullable: true }) basisStatus: string | null;
  @ApiProperty({ type: [CitedLawResponseDto] }) cited: CitedLawResponseDto[];
  @ApiProperty({ type: [String], description: '[zh, en]' }) detail: string[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'The dated list of laws the finding read; null when it read none',
    required: ['repository', 'commit', 'date', 'note'],
    properties: {
      repository: { type: 'string' },
      commit: { type: 'string' },
      date: { type: 'string' },
      note: { type: 'string' },
    },
  })
  lawList: LawListSourceResponseDto | null;
}

export class PreReviewResponseDto {
  @ApiProperty() procedureId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The draft version checked (null: no draft yet)' })
  versionId: string | null;
  @ApiProperty({ type: String, nullable: true }) sha256: string | null;
  @ApiProperty({ description: 'False when the version has no text to read (a PDF)' }) readable: boolean;
  @ApiProperty({ type: [PreReviewFindingResponseDto] }) findings: PreReviewFindingResponseDto[];
  @ApiProperty({ type: [String], description: 'Rules an administrator switched off' }) disabledRules: string[];
  @ApiProperty({ type: LawListSourceResponseDto }) lawList: LawListSourceResponseDto;
}

export class PreReviewRuleResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: [String] }) title: string[];
  @ApiProperty({ type: [RuleBasisResponseDto] }) basis: RuleBasisResponseDto[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) changedAt: string | null;
}

export class LawOverrideResponseDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['IN_FORCE', 'REPEALED'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) rank: string | null;
  @ApiProperty({ type: String, nullable: true }) repealedBy: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() changedAt: string;
}

export class PreReviewRulesResponseDto {
  @ApiProperty({ type: [PreReviewRuleResponseDto] }) rules: PreReviewRuleResponseDto[];
  @ApiProperty({ type: LawListSourceResponseDto }) lawList: LawListSourceResponseDto;
  @ApiProperty({ description: 'Laws in the shipped list' }) laws: number;
  @ApiProperty({ type: [LawOverrideResponseDto] }) overrides: LawOverrideResponseDto[];
}
