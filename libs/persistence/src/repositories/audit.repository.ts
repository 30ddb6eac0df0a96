import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntryEntity } from '../entities';

export interface AuditRecord {
  actorKind: 'USER' | 'OPERATOR' | 'SYSTEM';
  actorId: string | null;
  action: string;
  procedureId: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** Unique key of the action, so that a retried activity records it once. */
  dedupKey: string;
  at?: Date;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an audit entry once per `dedupKey`. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntryEntity)
      // jsonb columns are typed loosely by TypeORM's insert builder.
      .values({
        at: record.at ?? new Date(),
        actorKind: record.actorKind,
        actorId: record.actorId,
        action: record.action,
        procedureId: record.procedureId,
        reason: record.reason ?? null,
        details: record.details ?? {},
        dedupKey: record.dedupKey,
      } as QueryDeepPartialEntity<AuditEntryEntity>)
      .orIgnore()
      .execute();
  }

  /** Whether an action with this key was recorded (an activity's way to tell a retry from a new act). */
  async recorded(manager: EntityManager, dedupKey: string): Promise<boolean> {
    return (await manager.getRepository(AuditEntryEntity).count({ where: { dedupKey } })) > 0;
  }

  findByProcedure(procedureId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { procedureId }, order: { id: 'ASC' } });
  }
}
