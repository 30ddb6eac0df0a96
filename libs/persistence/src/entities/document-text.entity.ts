import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The searchable text of a registered document, by the SHA-256 of its bytes: the extracted text and its words
 * (segmented by jieba) as a `tsvector` of the `simple` configuration, GIN-indexed for the register's full-text search.
 */
@Entity('document_text')
export class DocumentTextEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_document_text' })
  sha256: string;

  @Column({ type: 'text' })
  body: string;

  @Index('ix_document_text_words', { synchronize: false })
  @Column({ type: 'tsvector' })
  words: string;
}
