import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryChannel } from '../entities/notification-delivery.entity';

/** A delivery claimed for sending, with what the message needs. */
export interface ClaimedDelivery {
  id: string;
  channel: DeliveryChannel;
  attempts: number;
  notificationId: string;
  kind: string;
  message: string;
  procedureId: string | null;
  taskId: string | null;
  createdAt: Date;
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
}

/** The notification outbox as the worker's sender sees it. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` due deliveries: PENDING ones whose retry time has come, and SENDING ones whose sender's lease
   * ran out (a sender that died mid-send), of the channels this sender can send (the others wait for one that can). Claimed rows become SENDING with a lease of `leaseMs`; `SKIP LOCKED` lets
   * several workers share the outbox without taking the same row.
   */
  async claim(limit: number, leaseMs: number, channels: DeliveryChannel[]): Promise<ClaimedDelivery[]> {
    if (channels.length === 0) return [];
    const rows = await this.dataSource.query<
      {
        id: string;
        channel: DeliveryChannel;
        attempts: number;
        notification_id: string;
        kind: string;
        message: string;
        procedure_id: string | null;
        task_id: string | null;
        created_at: Date;
        user_id: string;
        username: string;
        display_name: string;
        email: string | null;
      }[]
    >(
      `WITH due AS (
         SELECT id FROM notification_delivery
          WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= now() AND channel = ANY($3)
          ORDER BY next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE notification_delivery d
            SET status = 'SENDING', next_attempt_at = now() + ($2 || ' milliseconds')::interval, updated_at = now()
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.channel, d.attempts, d.notification_id, d.user_id
       )
       SELECT c.id, c.channel, c.attempts, c.notification_id, n.kind, n.message, n.procedure_id, n.task_id,
              n.created_at, c.user_id, u.username, u.display_name, u.email
         FROM claimed c
         JOIN notification n ON n.id = c.notification_id
         JOIN app_user u ON u.id = c.user_id`,
      [limit, String(leaseMs), channels],
    );
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      attempts: r.attempts,
      notificationId: r.notification_id,
      kind: r.kind,
      message: r.message,
      procedureId: r.procedure_id,
      taskId: r.task_id,
      createdAt: new Date(r.created_at),
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      email: r.email,
    }));
  }

  /** Sent: only a row this sender still holds (SENDING) is marked, so a late duplicate marks nothing. */
  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'SENDING'`,
      [id],
    );
  }

  /** Failed: retried after `retryInMs`, or given up (FAILED) after the last attempt. */
  async markFailed(id: string, error: string, retryInMs: number, maxAttempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET attempts = attempts + 1,
              status = CASE WHEN attempts + 1 >= $4 THEN 'FAILED' ELSE 'PENDING' END,
              next_attempt_at = now() + ($3 || ' milliseconds')::interval,
              last_error = $2, updated_at = now()
        WHERE id = $1 AND status = 'SENDING'`,
      [id, error.slice(0, 2000), String(retryInMs), maxAttempts],
    );
  }
}
