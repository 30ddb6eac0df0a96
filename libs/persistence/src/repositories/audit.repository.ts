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

/** Filters of the audit trail as the office reads it (every one optional; newest first, `beforeId` pages back). */
export interface AuditQuery {
  /** An exact action, or a prefix ending in `.` or `*` (e.g. `auth.` for every login event). */
  action?: string;
  actorId?: string;
  /** The acting user's username. */
  actorUsername?: string;
  actorKind?: string;
  procedureId?: string;
  from?: Date;
  to?: Date;
  beforeId?: string;
  limit?: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  actorUsername: string | null;
  action: string;
  procedureId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  hash: string;
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

  /** The trail, filtered, newest first, with each actor's name. */
  async search(query: AuditQuery): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.action) {
      if (/[.*]$/.test(query.action)) {
        add('a.action LIKE ?', `${query.action.replace(/\*$/, '').replace(/[%_\\]/g, '\\$&')}%`);
      } else add('a.action = ?', query.action);
    }
    if (query.actorId) add('a.actor_id = ?', query.actorId);
    if (query.actorUsername) add('u.username = ?', query.actorUsername);
    if (query.actorKind) add('a.actor_kind = ?', query.actorKind);
    if (query.procedureId) add('a.procedure_id = ?', query.procedureId);
    if (query.from) add('a.at >= ?', query.from);
    if (query.to) add('a.at < ?', query.to);
    if (query.beforeId) add('a.id < ?', query.beforeId);
    params.push(Math.min(Math.max(query.limit ?? 50, 1), 500));
    const rows = await this.dataSource.query<
      {
        id: string;
        at: Date;
        actor_kind: string;
        actor_id: string | null;
        display_name: string | null;
        username: string | null;
        action: string;
        procedure_id: string | null;
        reason: string | null;
        details: Record<string, unknown>;
        hash: string;
      }[]
    >(
      `SELECT a.id, a.at, a.actor_kind, a.actor_id, u.display_name, u.username, a.action, a.procedure_id, a.reason,
              a.details, a.hash
       FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actorName: r.display_name,
      actorUsername: r.username,
      action: r.action,
      procedureId: r.procedure_id,
      reason: r.reason,
      details: r.details,
      hash: r.hash,
    }));
  }
}
