import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type DeliveryChannel = 'EMAIL' | 'WEBHOOK';
export type DeliveryStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

/**
 * The outbox: one row per notification, recipient and channel, written in the same transaction as the notification.
 * The worker sends due rows and retries failures with backoff, so that nothing is lost while a mail server is down;
 * the unique key and the SENDING lease make each delivery go out once.
 */
@Entity('notification_delivery')
@Index('uq_notification_delivery', ['notificationId', 'userId', 'channel'], { unique: true })
@Index('ix_notification_delivery_due', ['nextAttemptAt'], { where: `"status" IN ('PENDING', 'SENDING')` })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_delivery' })
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  channel: DeliveryChannel;

  @Column({ type: 'text', default: 'PENDING' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When to try next (for SENDING: when the lease of the sender ends). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The channels a person chose. The in-app bell is always on; e-mail needs an address on the account. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_notification_preference' })
  userId: string;

  @Column({ type: 'boolean', default: true })
  email: boolean;

  @Column({ type: 'boolean', default: false })
  webhook: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
