import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { LedgerEntryEntity } from '../entities';
import { GENESIS_HASH, ledgerHash, type LedgerPayload } from './ledger-hash';

/** Lock key that serialises appends so that each entry chains onto the one before it. */
const LEDGER_LOCK = 'lawgate.ledger';

export type LedgerAppend = Omit<LedgerPayload, 'recordedAt'> & { recordedAt: Date };

export interface LedgerVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not hold. */
  firstBroken?: { seq: string; reason: string };
}

export function payloadOf(entry: LedgerEntryEntity): LedgerPayload {
  return {
    procedureId: entry.procedureId,
    taskId: entry.taskId,
    workflowId: entry.workflowId,
    stage: entry.stage,
    actorId: entry.actorId,
    actorName: entry.actorName,
    actorRole: entry.actorRole,
    actorUnitId: entry.actorUnitId,
    decision: entry.decision,
    opinion: entry.opinion,
    documentSha256: entry.documentSha256,
    idempotencyKey: entry.idempotencyKey,
    recordedAt: entry.recordedAt.toISOString(),
  };
}

/** Whether an entry already written under a key records the same step as the one appended under it again. */
export function sameStep(existing: LedgerEntryEntity, entry: LedgerAppend): boolean {
  return (
    existing.procedureId === entry.procedureId &&
    existing.taskId === entry.taskId &&
    existing.actorId === entry.actorId &&
    existing.decision === entry.decision &&
    existing.opinion === entry.opinion &&
    existing.documentSha256 === entry.documentSha256
  );
}

function recordedOtherwise(existing: LedgerEntryEntity): DomainError {
  return new DomainError(
    ErrorCode.TaskClosed,
    `This step was already recorded as ${existing.decision} by ${existing.actorName} at ` +
      `${existing.recordedAt.toISOString()}, with another decision, opinion or text than this request's; it cannot ` +
      'be recorded twice. To complete it, send the step as it was recorded; otherwise reload the procedure.',
    { ledgerSeq: existing.seq, decision: existing.decision },
  );
}

/** The hash-chained sign-off ledger. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction. Idempotent on `idempotencyKey`: a retried activity gets the
   * entry it already wrote. With `oneStepPerKey` (the key is a person's step, a Workflow Update id), an entry already
   * written under the key for a different step (another decision, opinion, text, task or person) is refused with
   * TASK_CLOSED instead of returned: the step sent again under a recorded id must be the step that was recorded, or the
   * workflow would act on one decision while the ledger keeps another.
   */
  async append(
    manager: EntityManager,
    entry: LedgerAppend,
    options: { oneStepPerKey?: boolean } = {},
  ): Promise<LedgerEntryEntity> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LEDGER_LOCK]);
    const repo = manager.getRepository(LedgerEntryEntity);
    // In one round trip, after the lock (a statement of its own, so that this one sees every append before it): the
    // entry already written under the key, and the chain's last entry.
    const found = await repo
      .createQueryBuilder('e')
      .where('e.idempotency_key = :key OR e.seq = (SELECT max(seq) FROM ledger_entry)', { key: entry.idempotencyKey })
      .getMany();
    const existing = found.find((e) => e.idempotencyKey === entry.idempotencyKey);
    if (existing && options.oneStepPerKey && !sameStep(existing, entry)) throw recordedOtherwise(existing);
    if (existing) return existing;
    const prevHash = found.find((e) => e.idempotencyKey !== entry.idempotencyKey)?.hash ?? GENESIS_HASH;
    // Postgres keeps microseconds, JavaScript milliseconds: truncate so the stored time hashes the same later.
    const recordedAt = new Date(Math.floor(entry.recordedAt.getTime()));
    const hash = ledgerHash(prevHash, { ...entry, recordedAt: recordedAt.toISOString() });
    return repo.save(repo.create({ ...entry, recordedAt, prevHash, hash }));
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<LedgerEntryEntity | null> {
    return this.dataSource.getRepository(LedgerEntryEntity).findOne({ where: { idempotencyKey } });
  }

  /** The sign-off a step recorded on a procedure's task: its key starts with the step's update id (`step:task:`). */
  findStepOnTask(procedureId: string, taskId: string, keyPrefix: string): Promise<LedgerEntryEntity | null> {
    return this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .where('e.procedure_id = :procedureId AND e.task_id = :taskId AND starts_with(e.idempotency_key, :keyPrefix)', {
        procedureId,
        taskId,
        keyPrefix,
      })
      .orderBy('e.seq', 'DESC')
      .getOne();
  }

  findByProcedure(procedureId: string): Promise<LedgerEntryEntity[]> {
    return this.dataSource.getRepository(LedgerEntryEntity).find({ where: { procedureId }, order: { seq: 'ASC' } });
  }

  /** Walks the whole chain in order and names the first entry whose link or hash does not hold. */
  async verify(batchSize = 1000): Promise<LedgerVerification> {
    const repo = this.dataSource.getRepository(LedgerEntryEntity);
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let afterSeq = '0';
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.seq > :afterSeq', { afterSeq })
        .orderBy('e.seq', 'ASC')
        .take(batchSize)
        .getMany();
      if (batch.length === 0) return { ok: true, checked };
      for (const entry of batch) {
        if (entry.prevHash !== prevHash) {
          return { ok: false, checked, firstBroken: { seq: entry.seq, reason: 'previous-hash link does not match' } };
        }
        if (ledgerHash(prevHash, payloadOf(entry)) !== entry.hash) {
          return { ok: false, checked, firstBroken: { seq: entry.seq, reason: 'content does not match its hash' } };
        }
        prevHash = entry.hash;
        checked += 1;
        afterSeq = entry.seq;
      }
    }
  }
}
