import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CleanupCampaignStatus, CleanupDecision } from '@lawgate/domain';
import { ProcedureEntity } from './procedure.entity';
import { RegisterEntryEntity } from './register.entity';
import { UserEntity } from './user.entity';

/**
 * A clean-up campaign (清理, B12): one review per document in force when its page of the register was read. The row
 * is the campaign's read model; its workflow (`cleanup-campaign:<id>`) owns the progress.
 */
@Entity('cleanup_campaign')
export class CleanupCampaignEntity {
  /** The business key, e.g. `2026`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'started_by', type: 'uuid' })
  startedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'started_by', foreignKeyConstraintName: 'fk_cleanup_campaign_starter' })
  starter?: UserEntity;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** RUNNING while reviews are being started, STARTED_ALL once every one is, DONE once every one is decided. */
  @Column({ type: 'text' })
  status: CleanupCampaignStatus;

  /** Documents in force when the campaign started. */
  @Column({ name: 'total_in_force', type: 'int' })
  totalInForce: number;

  @Column({ name: 'reviews_started', type: 'int', default: 0 })
  reviewsStarted: number;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** One document's review in a campaign, and the office's decision once taken. */
@Entity('cleanup_review')
@Index('uq_cleanup_review_entry', ['campaignId', 'registerEntryId'], { unique: true })
@Index('ix_cleanup_review_decision', ['campaignId', 'decision'])
export class CleanupReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'text' })
  campaignId: string;

  @ManyToOne(() => CleanupCampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_cleanup_review_campaign' })
  campaign?: CleanupCampaignEntity;

  @Column({ name: 'register_entry_id', type: 'uuid' })
  registerEntryId: string;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_entry_id', foreignKeyConstraintName: 'fk_cleanup_review_entry' })
  registerEntry?: RegisterEntryEntity;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_cleanup_review_procedure' })
  procedure?: ProcedureEntity;

  /** The printed number and title when the review started (the lists print them). */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  title: string;

  /** The review's workflow (`cleanup-review:<campaign>:<entry>`). */
  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** The review task, once decided (the task row itself is keyed by the review workflow). */
  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ type: 'text', nullable: true })
  decision: CleanupDecision | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_cleanup_review_decider' })
  decider?: UserEntity | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
