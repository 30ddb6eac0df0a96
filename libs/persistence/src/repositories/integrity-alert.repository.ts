import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IntegrityAlertEntity, ProcedureEntity } from '../entities';
import { AuditRepository } from './audit.repository';

export interface NewIntegrityAlert {
  procedureId: string;
  workflowId: string;
  runId: string;
  kind: string;
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

  /** Raises an alert once per procedure, kind and run; returns the alert when this call raised it. */
  async raise(alert: NewIntegrityAlert): Promise<IntegrityAlertEntity | null> {
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
        details: { kind: alert.kind, workflowId: alert.workflowId, runId: alert.runId, ...alert.details },
        dedupKey: `integrity:${alert.procedureId}:${alert.kind}:${alert.runId}`,
      });
      return manager.getRepository(IntegrityAlertEntity).findOneByOrFail({
        procedureId: alert.procedureId,
        kind: alert.kind,
        runId: alert.runId,
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
}
