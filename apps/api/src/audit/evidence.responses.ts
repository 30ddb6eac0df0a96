import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JsonFeedDto } from '../common/json-feed.dto';

class BrokenLinkDto {
  @ApiPropertyOptional({ description: 'The ledger sequence number of the first broken link' })
  seq?: string;

  @ApiPropertyOptional({ description: 'The audit row id of the first broken link' })
  id?: string;

  @ApiProperty()
  reason!: string;
}

class ChainCheckDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ type: 'integer', description: 'Links checked' })
  checked!: number;

  @ApiPropertyOptional({ type: BrokenLinkDto })
  firstBroken?: BrokenLinkDto;
}

/** The ledger's own check (ok, checked, firstBroken), the audit trail's, and both heads against the checkpoint. */
export class EvidenceVerificationDto extends ChainCheckDto {
  @ApiProperty({ type: ChainCheckDto })
  audit!: ChainCheckDto;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Both heads against the latest signed checkpoint; null when none is signed yet',
    required: ['signedAt', 'ledgerHeadSeq', 'auditHeadId', 'signatureValid', 'problems'],
    properties: {
      id: { type: 'string' },
      signedAt: { type: 'string', format: 'date-time' },
      ledgerHeadSeq: { type: 'string' },
      auditHeadId: { type: 'string' },
      signatureValid: { type: 'boolean' },
      problems: { type: 'array', items: { type: 'string' } },
    },
  })
  checkpoint!: Record<string, unknown> | null;

  @ApiProperty({ type: [String], description: 'Every problem found, in words' })
  problems!: string[];
}

class PublicKeyRefDto {
  @ApiProperty({ format: 'uri' })
  url!: string;

  @ApiProperty({ type: String, nullable: true, description: 'PEM; null when no signing key is configured' })
  pem!: string | null;
}

/** The JSON Feed of signed checkpoints, with the key that verifies them. */
export class CheckpointFeedDto extends JsonFeedDto {
  @ApiProperty({ type: PublicKeyRefDto })
  _public_key!: PublicKeyRefDto;
}
