import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkpointStatement, type SignedCheckpoint } from './checkpoint';
import { CheckpointRepository, publishedCheckpoint } from './checkpoint.repository';
import { GENESIS_HASH } from './ledger-hash';
import { LedgerRepository, type LedgerVerification } from './ledger.repository';
import { publicKeyIdOf, verifySignature } from './signing-key';

export interface AuditChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { id: string; reason: string };
}

export interface CheckpointCheck {
  id?: string;
  signedAt: string;
  ledgerHeadSeq: string;
  auditHeadId: string;
  signatureValid: boolean;
  problems: string[];
}

/** The ledger's fields stay at the top level (what the console's verify button reads); the rest is added. */
export interface EvidenceVerification extends LedgerVerification {
  audit: AuditChainVerification;
  checkpoint: CheckpointCheck | null;
  /** Every problem found, in words: broken links, truncation, rewriting, a bad or missing signature. */
  problems: string[];
}

/**
 * Checks the ledger and the audit trail: each chain link by link, then both heads against the latest signed
 * checkpoint (or one the caller holds): a checkpointed entry that is gone means truncation, one whose hash changed
 * means rewriting. Only the configured public key is trusted, never a key stored in the database.
 */
@Injectable()
export class EvidenceVerifier {
  private readonly ledger: LedgerRepository;
  private readonly checkpoints: CheckpointRepository;

  constructor(private readonly dataSource: DataSource) {
    this.ledger = new LedgerRepository(dataSource);
    this.checkpoints = new CheckpointRepository(dataSource);
  }

  async verify(trustedKeyPem: string | null, external?: SignedCheckpoint): Promise<EvidenceVerification> {
    const ledger = await this.ledger.verify();
    const audit = await this.verifyAudit();
    const problems: string[] = [];
    if (ledger.firstBroken) problems.push(`ledger entry ${ledger.firstBroken.seq}: ${ledger.firstBroken.reason}`);
    if (audit.firstBroken) problems.push(`audit entry ${audit.firstBroken.id}: ${audit.firstBroken.reason}`);
    const stored = await this.checkpoints.latest();
    const claim = external ?? (stored ? publishedCheckpoint(stored) : undefined);
    let checkpoint: CheckpointCheck | null = null;
    if (!claim) {
      // An empty ledger needs no anchor yet; a written one without a checkpoint cannot prove its completeness.
      if (ledger.checked > 0) problems.push('no checkpoint: truncation and rewriting cannot be detected');
    } else {
      checkpoint = await this.checkCheckpoint(claim, trustedKeyPem);
      problems.push(...checkpoint.problems);
    }
    return { ...ledger, ok: problems.length === 0, audit, checkpoint, problems };
  }

  private async checkCheckpoint(
    claim: SignedCheckpoint & { id?: string },
    trustedKeyPem: string | null,
  ): Promise<CheckpointCheck> {
    const problems: string[] = [];
    let signatureValid = false;
    if (!trustedKeyPem) {
      problems.push('no signing key configured: the checkpoint signature cannot be checked');
    } else if (publicKeyIdOf(trustedKeyPem) !== claim.keyId) {
      problems.push(`checkpoint is signed with key ${claim.keyId}, not with the configured key`);
    } else if (!verifySignature(trustedKeyPem, checkpointStatement(claim), claim.signature)) {
      problems.push('checkpoint signature does not verify: the checkpoint was altered or forged');
    } else {
      signatureValid = true;
    }
    const heads = await this.checkpoints.heads();
    problems.push(
      ...(await this.headProblems(
        'ledger',
        'ledger_entry',
        'seq',
        claim.ledgerHeadSeq,
        claim.ledgerHeadHash,
        heads.ledgerHeadSeq,
      )),
      ...(await this.headProblems(
        'audit',
        'audit_entry',
        'id',
        claim.auditHeadId,
        claim.auditHeadHash,
        heads.auditHeadId,
      )),
    );
    return {
      ...(claim.id ? { id: claim.id } : {}),
      signedAt: claim.signedAt,
      ledgerHeadSeq: claim.ledgerHeadSeq,
      auditHeadId: claim.auditHeadId,
      signatureValid,
      problems,
    };
  }

  private async headProblems(
    name: string,
    table: 'ledger_entry' | 'audit_entry',
    key: 'seq' | 'id',
    headKey: string,
    headHash: string,
    currentHead: string,
  ): Promise<string[]> {
    if (headKey === '0') return headHash === GENESIS_HASH ? [] : [`${name}: checkpoint of an empty chain has a hash`];
    const [row] = await this.dataSource.query<{ hash: string }[]>(`SELECT hash FROM ${table} WHERE ${key} = $1`, [
      headKey,
    ]);
    if (!row) {
      return BigInt(currentHead) < BigInt(headKey)
        ? [`${name} truncated: the checkpoint names entry ${headKey}, the chain now ends at ${currentHead}`]
        : [`${name} entry ${headKey}, named by the checkpoint, is missing`];
    }
    if (row.hash !== headHash) {
      return [`${name} rewritten: entry ${headKey} no longer has the hash the checkpoint signed`];
    }
    return [];
  }

  /** Recomputes every audit entry's hash with the database's own definition and checks each link. */
  async verifyAudit(): Promise<AuditChainVerification> {
    const [{ n }] = await this.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_entry');
    const broken = await this.dataSource.query<{ id: string; link_ok: boolean; hash_ok: boolean; before: string }[]>(
      `SELECT id, link_ok, hash_ok, (SELECT count(*) FROM audit_entry b WHERE b.id < c.id) AS before FROM (
         SELECT id,
           prev_hash = coalesce(lag(hash) OVER (ORDER BY id), $1) AS link_ok,
           hash = lawgate_audit_hash(prev_hash, at, actor_kind, actor_id, action, procedure_id, reason, details, dedup_key)
             AS hash_ok
         FROM audit_entry) c
       WHERE NOT (link_ok AND hash_ok) ORDER BY id LIMIT 1`,
      [GENESIS_HASH],
    );
    if (broken.length === 0) return { ok: true, checked: Number(n) };
    const b = broken[0];
    return {
      ok: false,
      checked: Number(b.before),
      firstBroken: {
        id: b.id,
        reason: b.link_ok ? 'content does not match its hash' : 'previous-hash link does not match',
      },
    };
  }
}
