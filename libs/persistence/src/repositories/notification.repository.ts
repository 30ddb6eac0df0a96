import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { NotificationEntity, NotificationPreferenceEntity } from '../entities';

export type NewNotification = Pick<
  NotificationEntity,
  'recipientUserId' | 'recipientUnitId' | 'kind' | 'procedureId' | 'taskId' | 'message' | 'dedupKey'
>;

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates a notification once per `dedupKey`, and in the same transaction its deliveries: one outbox row per
   * recipient (the user, or each active member of the unit) and channel that recipient chose. E-mail is on by default
   * for an account with an address; the webhook only for those who turned it on.
   */
  async notify(manager: EntityManager, n: NewNotification): Promise<void> {
    // One statement: a notification made before (same key) inserts nothing, and so enqueues no deliveries again.
    await manager.query(
      `WITH n AS (
         INSERT INTO notification (recipient_user_id, recipient_unit_id, kind, procedure_id, task_id, message, dedup_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING
         RETURNING id
       )
       INSERT INTO notification_delivery (notification_id, user_id, channel)
       SELECT n.id, u.id, c.channel
         FROM n
         CROSS JOIN app_user u
         LEFT JOIN notification_preference p ON p.user_id = u.id
         CROSS JOIN LATERAL (VALUES
           ('EMAIL', COALESCE(p.email, true) AND u.email IS NOT NULL),
           ('WEBHOOK', COALESCE(p.webhook, false))
         ) AS c(channel, enabled)
        WHERE u.active AND c.enabled
          AND (u.id = $1 OR ($1::uuid IS NULL AND u.org_unit_id = $2))
       ON CONFLICT DO NOTHING`,
      [n.recipientUserId, n.recipientUnitId, n.kind, n.procedureId, n.taskId, n.message, n.dedupKey],
    );
  }

  /** How many notifications for the user or their unit are unread (the bell). */
  async unreadCount(userId: string, unitId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM notification
        WHERE (recipient_user_id = $1 OR recipient_unit_id = $2) AND read_at IS NULL`,
      [userId, unitId],
    );
    return Number(row?.n ?? 0);
  }

  /** Marks every notification of the user or their unit read; returns how many were unread. */
  async markAllRead(userId: string, unitId: string): Promise<number> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification SET read_at = now()
        WHERE (recipient_user_id = $1 OR recipient_unit_id = $2) AND read_at IS NULL`,
      [userId, unitId],
    );
    return result[1];
  }

  async preferences(userId: string): Promise<{ email: boolean; webhook: boolean; emailAddress: string | null }> {
    const [row] = await this.dataSource.query<
      { email: boolean | null; webhook: boolean | null; address: string | null }[]
    >(
      `SELECT p.email, p.webhook, u.email AS address
         FROM app_user u LEFT JOIN notification_preference p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    return { email: row?.email ?? true, webhook: row?.webhook ?? false, emailAddress: row?.address ?? null };
  }

  async setPreferences(userId: string, prefs: { email: boolean; webhook: boolean }): Promise<void> {
    await this.dataSource
      .getRepository(NotificationPreferenceEntity)
      .upsert({ userId, email: prefs.email, webhook: prefs.webhook }, ['userId']);
  }

  /** Notifications for the user or their unit, newest first. */
  forUser(userId: string, unitId: string, unreadOnly: boolean, limit: number): Promise<NotificationEntity[]> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('(n.recipient_user_id = :userId OR n.recipient_unit_id = :unitId)', { userId, unitId })
      .orderBy('n.created_at', 'DESC')
      .limit(limit);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  /** Marks a notification read if it is addressed to the user or their unit; false otherwise. */
  async markRead(id: string, userId: string, unitId: string): Promise<boolean> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const found = await repo.findOne({ where: { id } });
    if (!found || (found.recipientUserId !== userId && found.recipientUnitId !== unitId)) return false;
    await repo.update({ id, readAt: IsNull() }, { readAt: new Date() });
    return true;
  }
}
