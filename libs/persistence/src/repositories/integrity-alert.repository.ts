import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IntegrityAlertEntity, LedgerEntryEntity, ProcedureEntity, ReconciliationMarkEntity } from '../entities';
import { AuditRepository } from './audit.repository';

export interface NewIntegrityAlert {
  procedureId: string;
  workflowId: string;
  runId: string;
  kind: string;
  /** What inside the run the alert is about (e.g. `ledger:<seq>`); '' for the run itself. */
  subject?: string;
  message: string;
  details: Record<string, unknown>;
}

/** The reconciliation's integrity alerts, each also an entry in the audit trail (`integrity.alert`). */
@Injectable()
export class IntegrityAlertRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /** Raises an alert once per procedure, kind, run and subject; returns the alert when this call raised it. */
  async raise(input: NewIntegrityAlert): Promise<IntegrityAlertEntity | null> {
    const alert = { ...input, subject: input.subject ?? '' };
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(IntegrityAlertEntity)
        // jsonb columns are typed loosely by TypeORM's insert builder.
        .values({ ...alert } as QueryDeepPartialEntity<IntegrityAlertEntity>)
        .orIgnore()
        .returning('*')
        .execute();
      const raised = (result.raw as IntegrityAlertEntity[] | undefined)?.[0];
      if (!raised) return null;
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'integrity.alert',
        procedureId: alert.procedureId,
        reason: alert.message,
        details: {
          kind: alert.kind,
          workflowId: alert.workflowId,
          runId: alert.runId,
          ...(alert.subject ? { subject: alert.subject } : {}),
          ...alert.details,
        },
        dedupKey: `integrity:${alert.procedureId}:${alert.kind}:${alert.runId}${alert.subject ? `:${alert.subject}` : ''}`,
      });
      return manager.getRepository(IntegrityAlertEntity).findOneByOrFail({
        procedureId: alert.procedureId,
        kind: alert.kind,
        runId: alert.runId,
        subject: alert.subject,
      });
    });
  }

  /** Alerts, newest first; optionally of one procedure. */
  list(filter: { procedureId?: string; limit: number }): Promise<IntegrityAlertEntity[]> {
    return this.dataSource.getRepository(IntegrityAlertEntity).find({
      where: filter.procedureId ? { procedureId: filter.procedureId } : {},
      order: { detectedAt: 'DESC', id: 'ASC' },
      take: filter.limit,
    });
  }

  /** Procedures to reconcile, newest first: the running ones, and those that ended within `endedWithinDays`. */
  proceduresToReconcile(limit: number, endedWithinDays: number): Promise<ProcedureEntity[]> {
    return this.dataSource
      .getRepository(ProcedureEntity)
      .createQueryBuilder('p')
      .where(`p.status = 'ACTIVE' OR p.updated_at > now() - make_interval(days => :days)`, { days: endedWithinDays })
      .orderBy('p.created_at', 'DESC')
      .take(limit)
      .getMany();
  }

  /** Each procedure's ledger fingerprint (procedures without entries are absent). */
  async ledgerFingerprints(procedureIds: string[]): Promise<Map<string, string>> {
    if (procedureIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ procedure_id: string; digest: string }[]>(
      `SELECT procedure_id, count(*) || ':' || md5(string_agg(hash, ',' ORDER BY seq)) AS digest
         FROM ledger_entry WHERE procedure_id = ANY($1::uuid[]) GROUP BY procedure_id`,
      [procedureIds],
    );
    return new Map(rows.map((r) => [r.procedure_id, r.digest]));
  }

  /** A procedure's ledger entries in chain order. */
  ledgerOf(procedureId: string): Promise<LedgerEntryEntity[]> {
    return this.dataSource.getRepository(LedgerEntryEntity).find({ where: { procedureId }, order: { seq: 'ASC' } });
  }

  /** Ledger entries by their chain position (whichever procedure they belong to). */
  ledgerEntriesAt(seqs: string[]): Promise<LedgerEntryEntity[]> {
    if (seqs.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .where('e.seq IN (:...seqs)', { seqs })
      .getMany();
  }

  marks(procedureIds: string[]): Promise<ReconciliationMarkEntity[]> {
    if (procedureIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ReconciliationMarkEntity)
      .createQueryBuilder('m')
      .where('m.procedure_id IN (:...procedureIds)', { procedureIds })
      .getMany();
  }

  async mark(mark: Omit<ReconciliationMarkEntity, 'checkedAt'>): Promise<void> {
    await this.dataSource
      .getRepository(ReconciliationMarkEntity)
      .upsert({ ...mark, checkedAt: new Date() }, ['procedureId']);
  }
}
