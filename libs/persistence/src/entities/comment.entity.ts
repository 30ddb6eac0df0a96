import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DocumentVersionEntity } from './document.entity';
import { ProcedureEntity } from './procedure.entity';
import { UserEntity } from './user.entity';

export type CommentWindowStatus = 'OPEN' | 'CLOSED';

/**
 * A public consultation on one draft (公开征求意见): which exact draft was published, from when, until when, and
 * the statutory floor it was measured against. A window shorter than the floor exists only with the reason, which is
 * published with it (gate G-B4).
 */
@Entity('comment_window')
@Index('ix_comment_window_status', ['status', 'closesAt'])
// The database keeps the rule too: no window shorter than its statutory floor without the reason.
@Check('ck_comment_window_shortened', `"closes_at" >= "minimum_closes_at" OR "shortened_reason" IS NOT NULL`)
@Check('ck_comment_window_status', `"status" IN ('OPEN', 'CLOSED')`)
export class CommentWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_comment_window_procedure')
  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_comment_window_procedure' })
  procedure?: ProcedureEntity;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** The title the public sees. */
  @Column({ type: 'text' })
  title: string;

  /** The draft version published for comment: the comments are about these bytes and no others. */
  @Column({ name: 'draft_version_id', type: 'uuid' })
  draftVersionId: string;

  @ManyToOne(() => DocumentVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'draft_version_id', foreignKeyConstraintName: 'fk_comment_window_draft_version' })
  draftVersion?: DocumentVersionEntity;

  @Column({ name: 'draft_sha256', type: 'text' })
  draftSha256: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  /** Where the statutory minimum period would end: the floor the actual window is measured against. */
  @Column({ name: 'minimum_closes_at', type: 'timestamptz' })
  minimumClosesAt: Date;

  /** When the window closes (later by every extension). */
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  /** Why the window is shorter than the minimum; set exactly when it is, and published with the window. */
  @Column({ name: 'shortened_reason', type: 'text', nullable: true })
  shortenedReason: string | null;

  /** The working-day calendar version the dates were counted with (null for test periods in seconds). */
  @Column({ name: 'calendar_version', type: 'int', nullable: true })
  calendarVersion: number | null;

  @Column({ type: 'text' })
  status: CommentWindowStatus;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The workflow's key for opening it: a retried activity opens one window. */
  @Index('uq_comment_window_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An extension of a window is an act of its own: who moved the closing time, from when to when, and why. */
@Entity('comment_window_extension')
export class CommentWindowExtensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_comment_window_extension_window')
  @Column({ name: 'window_id', type: 'uuid' })
  windowId: string;

  @ManyToOne(() => CommentWindowEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'window_id', foreignKeyConstraintName: 'fk_comment_window_extension_window' })
  window?: CommentWindowEntity;

  @Column({ name: 'old_closes_at', type: 'timestamptz' })
  oldClosesAt: Date;

  @Column({ name: 'new_closes_at', type: 'timestamptz' })
  newClosesAt: Date;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_comment_window_extension_actor' })
  actor?: UserEntity;

  @Column({ name: 'extended_at', type: 'timestamptz' })
  extendedAt: Date;

  @Index('uq_comment_window_extension_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}

/**
 * One comment from the public. The name and contact are for the drafting unit only and never shown publicly; the
 * client is kept as a keyed hash of its address (for rate limits and abuse review), never the address itself.
 */
@Entity('public_comment')
@Index('ix_public_comment_window', ['windowId', 'submittedAt'])
// The console: comments still unanswered.
@Index('ix_public_comment_unanswered', { synchronize: false })
export class PublicCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'window_id', type: 'uuid' })
  windowId: string;

  @ManyToOne(() => CommentWindowEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'window_id', foreignKeyConstraintName: 'fk_public_comment_window' })
  window?: CommentWindowEntity;

  /** What the commenter is given to follow their comment, e.g. `ZQ-20261125-0007`. */
  @Index('uq_public_comment_receipt', { unique: true })
  @Column({ name: 'receipt_no', type: 'text' })
  receiptNo: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'client_fingerprint', type: 'text' })
  clientFingerprint: string;

  /** ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED; null until the drafting unit answers. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answer_reason', type: 'text', nullable: true })
  answerReason: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by', foreignKeyConstraintName: 'fk_public_comment_answered_by' })
  answerer?: UserEntity;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** The workflow update that gave the current answer: a retry changes nothing, a new update replaces it. */
  @Column({ name: 'answer_idempotency_key', type: 'text', nullable: true })
  answerIdempotencyKey: string | null;
}

/** The last receipt number given on each day (China Standard Time), so that receipts count up per day. */
@Entity('comment_receipt_sequence')
export class CommentReceiptSequenceEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ name: 'last_no', type: 'int' })
  lastNo: number;
}
