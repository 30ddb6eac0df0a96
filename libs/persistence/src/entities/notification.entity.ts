import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message for a person or a whole unit: a reminder before a due date, an escalation when overdue. */
@Entity('notification')
@Index('ix_notification_recipient', ['recipientUserId', 'recipientUnitId'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ name: 'recipient_unit_id', type: 'uuid', nullable: true })
  recipientUnitId: string | null;

  /** TASK_REMINDER or TASK_OVERDUE. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'procedure_id', type: 'uuid', nullable: true })
  procedureId: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ type: 'text' })
  message: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Makes a retried activity notify once. */
  @Index('uq_notification_dedup', { unique: true })
  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey: string;
}
