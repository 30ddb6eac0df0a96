import { ApiProperty } from '@nestjs/swagger';

export class DocumentVersionResponseDto {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ type: 'integer', description: 'Bytes' })
  size!: number;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty()
  note!: string;

  @ApiProperty({ description: 'Who uploaded it (display name)' })
  uploadedBy!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class ProcedureDocumentResponseDto {
  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'The newest version (as in `versions`); null before the first upload',
    additionalProperties: false,
    properties: {
      versionId: { type: 'string', format: 'uuid' },
      version: { type: 'integer' },
      sha256: { type: 'string' },
      size: { type: 'integer' },
      mediaType: { type: 'string' },
      filename: { type: 'string' },
      note: { type: 'string' },
      uploadedBy: { type: 'string' },
      uploadedAt: { type: 'string', format: 'date-time' },
    },
    required: ['versionId', 'version', 'sha256', 'size', 'mediaType', 'filename', 'note', 'uploadedBy', 'uploadedAt'],
  })
  current!: DocumentVersionResponseDto | null;

  @ApiProperty({ type: [DocumentVersionResponseDto] })
  versions!: DocumentVersionResponseDto[];
}

export class VersionDiffResponseDto {
  @ApiProperty({ type: DocumentVersionResponseDto })
  from!: DocumentVersionResponseDto;

  @ApiProperty({ type: DocumentVersionResponseDto })
  to!: DocumentVersionResponseDto;

  @ApiProperty({ type: 'integer', description: 'Lines added' })
  added!: number;

  @ApiProperty({ type: 'integer', description: 'Lines removed' })
  removed!: number;

  @ApiProperty({ description: 'The unified diff' })
  unifiedDiff!: string;
}

export class VersionTextResponseDto extends DocumentVersionResponseDto {
  @ApiProperty({ type: String, nullable: true, description: 'The text; null for a PDF' })
  text!: string | null;
}
