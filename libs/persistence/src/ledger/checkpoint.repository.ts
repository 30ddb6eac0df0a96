import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LedgerCheckpointEntity } from '../entities/ledger-checkpoint.entity';
import { checkpointStatement, type CheckpointClaim } from './checkpoint';
import { GENESIS_HASH } from './ledger-hash';
import type { EvidenceSigner } from './signing-key';

const CHECKPOINT_LOCK = 'lawgate.checkpoint';
export const DAY_MS = 24 * 3600 * 1000;

export interface ChainHeads {
  ledgerHeadSeq: string;
  ledgerHeadHash: string;
  auditHeadId: string;
  auditHeadHash: string;
}

/** Signed checkpoints of the chain heads: written when the chains moved (a batch of sign-offs) and at least daily. */
@Injectable()
export class CheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async heads(manager: EntityManager = this.dataSource.manager): Promise<ChainHeads> {
    const [row] = await manager.query<
      { ledger_seq: string | null; ledger_hash: string | null; audit_id: string | null; audit_hash: string | null }[]
    >(
      `SELECT l.seq AS ledger_seq, l.hash AS ledger_hash, a.id AS audit_id, a.hash AS audit_hash
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT seq, hash FROM ledger_entry ORDER BY seq DESC LIMIT 1) l ON true
       LEFT JOIN LATERAL (SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1) a ON true`,
    );
    return {
      ledgerHeadSeq: row.ledger_seq ?? '0',
      ledgerHeadHash: row.ledger_hash ?? GENESIS_HASH,
      auditHeadId: row.audit_id ?? '0',
      auditHeadHash: row.audit_hash ?? GENESIS_HASH,
    };
  }

  latest(): Promise<LedgerCheckpointEntity | null> {
    return this.dataSource.getRepository(LedgerCheckpointEntity).findOne({ where: {}, order: { id: 'DESC' } });
  }

  list(limit = 50): Promise<LedgerCheckpointEntity[]> {
    return this.dataSource.getRepository(LedgerCheckpointEntity).find({ order: { id: 'DESC' }, take: limit });
  }

  /**
   * Signs and stores a checkpoint of the current heads when they moved since the last checkpoint (reason BATCH),
   * when the last one is older than `maxAgeMs` (DAILY), or always with `force` (MANUAL). Returns the new checkpoint or
   * null when none was due. Serialised across processes.
   */
  async checkpointIfDue(
    signer: EvidenceSigner,
    options: { now?: Date; maxAgeMs?: number; force?: boolean } = {},
  ): Promise<LedgerCheckpointEntity | null> {
    const now = options.now ?? new Date();
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CHECKPOINT_LOCK]);
      const heads = await this.heads(m);
      const repo = m.getRepository(LedgerCheckpointEntity);
      const last = await repo.findOne({ where: {}, order: { id: 'DESC' } });
      const moved =
        !last ||
        last.ledgerHeadSeq !== heads.ledgerHeadSeq ||
        last.ledgerHeadHash !== heads.ledgerHeadHash ||
        last.auditHeadId !== heads.auditHeadId ||
        last.auditHeadHash !== heads.auditHeadHash;
      const stale = !last || now.getTime() - last.signedAt.getTime() >= (options.maxAgeMs ?? DAY_MS);
      const reason = options.force ? 'MANUAL' : moved ? 'BATCH' : stale ? 'DAILY' : null;
      if (!reason) return null;
      const claim: CheckpointClaim = { ...heads, signedAt: new Date(Math.floor(now.getTime())).toISOString() };
      return repo.save(
        repo.create({
          ...heads,
          signedAt: new Date(claim.signedAt),
          reason,
          keyId: signer.keyId,
          signature: signer.sign(checkpointStatement(claim)),
        }),
      );
    });
  }
}

/** A checkpoint as published (the public feed, `ledger:verify --checkpoint`). */
export function publishedCheckpoint(c: LedgerCheckpointEntity) {
  return {
    id: c.id,
    ledgerHeadSeq: c.ledgerHeadSeq,
    ledgerHeadHash: c.ledgerHeadHash,
    auditHeadId: c.auditHeadId,
    auditHeadHash: c.auditHeadHash,
    signedAt: c.signedAt.toISOString(),
    reason: c.reason,
    keyId: c.keyId,
    signature: c.signature,
  };
}
