import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProcedureEntity } from './procedure.entity';
import { UserEntity } from './user.entity';

/** File content, addressed by its SHA-256: stored once however many versions or procedures refer to it. */
@Entity('blob')
export class BlobEntity {
  @PrimaryColumn({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ type: 'int' })
  size: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One of a procedure's documents: the draft, its drafting explanation, the basis list, ... */
@Entity('document')
@Index('uq_document_kind', ['procedureId', 'kind'], { unique: true })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_document_procedure' })
  procedure?: ProcedureEntity;

  @Column({ type: 'text' })
  kind: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A version of a document, bound to its bytes by SHA-256. Versions are numbered 1, 2, 3 per document. */
@Entity('document_version')
@Index('uq_document_version', ['documentId', 'version'], { unique: true })
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_version_document' })
  document?: DocumentEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  sha256: string;

  @ManyToOne(() => BlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sha256', foreignKeyConstraintName: 'fk_document_version_blob' })
  blob?: BlobEntity;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'media_type', type: 'text' })
  mediaType: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_document_version_uploader' })
  uploader?: UserEntity;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  /** The workflow update that recorded it: a retried activity records the version once. */
  @Index('uq_document_version_idempotency', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;
}
