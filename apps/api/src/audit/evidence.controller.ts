import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckpointFeedDto, EvidenceVerificationDto } from './evidence.responses';
import type { FastifyRequest } from 'fastify';
import { Role } from '@lawgate/domain';
import {
  CheckpointRepository,
  publishedCheckpoint,
  EvidenceVerifier,
  type EvidenceVerification,
  EvidenceKeys,
} from '@lawgate/persistence';
import { Public, Roles } from '../auth/roles.decorator';

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

/**
 * Signed checkpoints of the ledger and the audit trail, published beside the public register's feeds, so that anyone
 * can keep a copy and later prove the ledger was neither truncated nor rewritten; and the office's verification.
 */
@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(
    private readonly checkpoints: CheckpointRepository,
    private readonly verifier: EvidenceVerifier,
    private readonly keys: EvidenceKeys,
  ) {}

  @Get('admin/ledger/verify')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiBearerAuth()
  @ApiOkResponse({ type: EvidenceVerificationDto })
  @ApiOperation({
    summary:
      'Walk the sign-off ledger and the audit trail link by link and check both heads against the latest signed ' +
      'checkpoint: names the first broken entry, truncation and rewriting',
  })
  verifyLedger(): Promise<EvidenceVerification> {
    return this.verifier.verify(this.keys.trustedPublicKeyPem);
  }

  @Get('public/ledger/key')
  @Public()
  @Header('content-type', 'application/x-pem-file')
  @ApiOperation({ summary: 'The Ed25519 public key that signs ledger checkpoints and archive manifests (PEM)' })
  publicKey(): string {
    return this.keys.trustedPublicKeyPem ?? '';
  }

  @Get('public/feeds/ledger-checkpoints.json')
  @Public()
  @ApiOperation({
    summary: 'Signed ledger checkpoints as a JSON Feed 1.1 (newest first); keep copies to prove completeness',
  })
  @ApiOkResponse({ type: CheckpointFeedDto })
  async feed(@Req() request: FastifyRequest) {
    const origin = originOf(request);
    const list = await this.checkpoints.list(100);
    return {
      version: 'https://jsonfeed.org/version/1.1',
      title: '签核台账检查点',
      home_page_url: `${origin}/api/public/register`,
      feed_url: `${origin}/api/public/feeds/ledger-checkpoints.json`,
      _public_key: { url: `${origin}/api/public/ledger/key`, pem: this.keys.trustedPublicKeyPem },
      items: list.map((c) => {
        const published = publishedCheckpoint(c);
        return {
          id: `ledger-checkpoint-${c.id}`,
          title: `检查点 ${c.id}：台账至第 ${c.ledgerHeadSeq} 条`,
          content_text: `Ledger head ${c.ledgerHeadSeq} ${c.ledgerHeadHash}; audit head ${c.auditHeadId} ${c.auditHeadHash}; signed ${published.signedAt} (${c.reason}).`,
          date_published: published.signedAt,
          _checkpoint: published,
        };
      }),
    };
  }
}
