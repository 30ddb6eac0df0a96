import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { FilingStatus, RegisterStatus } from '@lawgate/domain';
import { BlobEntity } from './document.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { ProcedureEntity } from './procedure.entity';
import { UserEntity } from './user.entity';

/**
 * A number series of an issuing organ: the government's normative documents print 坛政规, the education bureau's
 * 坛教规. Configuration, changed by administrators (audited); numbers already given keep their printed form.
 */
@Entity('issuer_series')
@Index('uq_issuer_series', ['issuerUnitId', 'series'], { unique: true })
export class IssuerSeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'issuer_unit_id', type: 'uuid' })
  issuerUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_unit_id', foreignKeyConstraintName: 'fk_issuer_series_unit' })
  issuerUnit?: OrgUnitEntity;

  /** The series code, e.g. `NORMATIVE`. */
  @Column({ type: 'text' })
  series: string;

  /** The printed issuer code, e.g. 坛政规. Unique: two series printing the same code would print the same numbers. */
  @Index('uq_issuer_series_prefix', { unique: true })
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The last sequence given per series and year. Incremented in the transaction that writes the register entry, so a
 * rolled-back registration gives its number back and numbers stay gap-free; never decremented.
 */
@Entity('number_counter')
export class NumberCounterEntity {
  @PrimaryColumn({ name: 'issuer_series_id', type: 'uuid' })
  issuerSeriesId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @ManyToOne(() => IssuerSeriesEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_series_id', foreignKeyConstraintName: 'fk_number_counter_series' })
  issuerSeries?: IssuerSeriesEntity;

  @Column({ name: 'last_seq', type: 'int', default: 0 })
  lastSeq: number;
}

/** One registered, numbered document (统一登记、统一编号), and where it stands. */
@Entity('register_entry')
@Index('uq_register_entry_seq', ['issuerSeriesId', 'year', 'seq'], { unique: true })
@Index('ix_register_entry_status', ['status', 'validUntil'])
@Index('ix_register_entry_registered_at', ['registeredAt'])
export class RegisterEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_register_entry_procedure')
  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_register_entry_procedure' })
  procedure?: ProcedureEntity;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'issuer_series_id', type: 'uuid' })
  issuerSeriesId: string;

  @ManyToOne(() => IssuerSeriesEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_series_id', foreignKeyConstraintName: 'fk_register_entry_series' })
  issuerSeries?: IssuerSeriesEntity;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  seq: number;

  /** The printed number, e.g. 坛政规〔2026〕3号. */
  @Index('uq_register_entry_number', { unique: true })
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  title: string;

  /** SHA-256 of the text registered. */
  @Column({ name: 'document_sha256', type: 'text' })
  documentSha256: string;

  @Column({ type: 'text' })
  status: RegisterStatus;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'fk_register_entry_registrar' })
  registrar?: UserEntity | null;

  /** Last day of validity, China Standard Time (YYYY-MM-DD). */
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  /** When the first publication made it usable as a basis for administration (G-B10). */
  @Column({ name: 'in_force_at', type: 'timestamptz', nullable: true })
  inForceAt: Date | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;

  @Column({ name: 'repealed_at', type: 'timestamptz', nullable: true })
  repealedAt: Date | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  /** 施行日期: when the document takes effect (set on publication; null before, and in entries published earlier). */
  @Column({ name: 'effective_at', type: 'timestamptz', nullable: true })
  effectiveAt: Date | null;

  /** When an amendment that took effect replaced it. */
  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  /** The entry of the amended document that replaced it. */
  @Column({ name: 'replaced_by_entry_id', type: 'uuid', nullable: true })
  replacedByEntryId: string | null;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'replaced_by_entry_id', foreignKeyConstraintName: 'fk_register_entry_replaced_by' })
  replacedBy?: RegisterEntryEntity | null;

  /** Why it was voided, repealed or declared expired. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** The activity's key: a retried registration returns this entry's number instead of taking another. */
  @Index('uq_register_entry_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}

/** A number cancelled before publication: recorded, and never given again (the counter is not decremented). */
@Entity('voided_number')
export class VoidedNumberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_voided_number_entry', { unique: true })
  @Column({ name: 'register_entry_id', type: 'uuid' })
  registerEntryId: string;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_entry_id', foreignKeyConstraintName: 'fk_voided_number_entry' })
  registerEntry?: RegisterEntryEntity;

  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_voided_number_actor' })
  actor?: UserEntity;

  @Column({ name: 'voided_at', type: 'timestamptz' })
  voidedAt: Date;

  @Index('uq_voided_number_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}

/** Where and when a registered document was published, bound to the bytes of the published text. */
@Entity('publication')
export class PublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_publication_entry')
  @Column({ name: 'register_entry_id', type: 'uuid' })
  registerEntryId: string;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_entry_id', foreignKeyConstraintName: 'fk_publication_entry' })
  registerEntry?: RegisterEntryEntity;

  /** GAZETTE, WEBSITE, NEWSPAPER, ... */
  @Column({ type: 'text' })
  channel: string;

  /** The URL, or the gazette issue and page. */
  @Column({ type: 'text' })
  reference: string;

  @Index('ix_publication_published_at')
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'text_sha256', type: 'text' })
  textSha256: string;

  @ManyToOne(() => BlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'text_sha256', foreignKeyConstraintName: 'fk_publication_blob' })
  text?: BlobEntity;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_publication_recorder' })
  recorder?: UserEntity;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Index('uq_publication_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}

/** A filing for record (备案) with an authority, with the package of documents filed. */
@Entity('filing')
export class FilingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_filing_entry')
  @Column({ name: 'register_entry_id', type: 'uuid' })
  registerEntryId: string;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_entry_id', foreignKeyConstraintName: 'fk_filing_entry' })
  registerEntry?: RegisterEntryEntity;

  /** The authority filed with (the government one level up, the people's congress standing committee, ...). */
  @Column({ type: 'text' })
  recipient: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** The filing report, text, drafting explanation, ... each bound to its bytes. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  package: { kind: string; versionId: string; sha256: string }[];

  @Column({ type: 'text' })
  status: FilingStatus;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /**
   * Where the receiving office's review of this filing stands, when the recipient reviews it in LawGate (a
   * filing-review case): written by the case's sign-offs, never typed (`FilingReviewStatus`).
   */
  @Column({ name: 'review_status', type: 'text', nullable: true })
  reviewStatus: string | null;

  @Column({ name: 'review_status_at', type: 'timestamptz', nullable: true })
  reviewStatusAt: Date | null;

  /** The case's reference for that status: its ledger entry (`备案审查 #<ledger seq>`). */
  @Column({ name: 'review_reference', type: 'text', nullable: true })
  reviewReference: string | null;

  /** The filing-review case (its procedure). */
  @Column({ name: 'review_case_id', type: 'uuid', nullable: true })
  reviewCaseId: string | null;

  /** The sign-off that wrote the status (its idempotency key): a retried write changes nothing. */
  @Column({ name: 'review_key', type: 'text', nullable: true })
  reviewKey: string | null;

  @Index('uq_filing_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}

/** One step of a filing: submitted, correction requested, resubmitted, accepted. */
@Entity('filing_event')
export class FilingEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_filing_event_filing')
  @Column({ name: 'filing_id', type: 'uuid' })
  filingId: string;

  @ManyToOne(() => FilingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'filing_id', foreignKeyConstraintName: 'fk_filing_event_filing' })
  filing?: FilingEntity;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_filing_event_actor' })
  actor?: UserEntity;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Index('uq_filing_event_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}
