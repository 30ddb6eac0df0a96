import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BlobEntity, DocumentEntity, DocumentVersionEntity } from '../entities';

export interface NewDocumentVersion {
  procedureId: string;
  kind: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  note: string;
  uploadedBy: string;
  idempotencyKey: string;
}

/** Documents, their numbered versions, and the content-addressed bytes behind them. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores bytes under their SHA-256 (once: identical content is stored a single time). */
  async storeBlob(sha256: string, content: Buffer): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(BlobEntity)
      .values({ sha256, content, size: content.length })
      .orIgnore()
      .execute();
  }

  async hasBlob(manager: EntityManager, sha256: string): Promise<boolean> {
    return (await manager.getRepository(BlobEntity).count({ where: { sha256 } })) > 0;
  }

  async content(sha256: string): Promise<Buffer | null> {
    const row = await this.dataSource.getRepository(BlobEntity).findOne({ where: { sha256 } });
    return row?.content ?? null;
  }

  /** Adds the next version of the procedure's document of that kind; idempotent on `idempotencyKey`. */
  async addVersion(manager: EntityManager, v: NewDocumentVersion): Promise<DocumentVersionEntity> {
    const versions = manager.getRepository(DocumentVersionEntity);
    const existing = await versions.findOne({ where: { idempotencyKey: v.idempotencyKey } });
    if (existing) return existing;
    await manager
      .createQueryBuilder()
      .insert()
      .into(DocumentEntity)
      .values({ procedureId: v.procedureId, kind: v.kind })
      .orIgnore()
      .execute();
    // Lock the document row: versions of one document are numbered one at a time.
    const document = await manager
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.procedure_id = :procedureId AND d.kind = :kind', { procedureId: v.procedureId, kind: v.kind })
      .getOneOrFail();
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(version), 0)::int + 1 AS next FROM document_version WHERE document_id = $1',
      [document.id],
    );
    return versions.save(
      versions.create({
        documentId: document.id,
        version: next,
        sha256: v.sha256,
        size: v.size,
        mediaType: v.mediaType,
        filename: v.filename,
        note: v.note,
        uploadedBy: v.uploadedBy,
        idempotencyKey: v.idempotencyKey,
      }),
    );
  }

  findVersion(versionId: string): Promise<DocumentVersionEntity | null> {
    return this.dataSource
      .getRepository(DocumentVersionEntity)
      .findOne({ where: { id: versionId }, relations: { document: true, uploader: true } });
  }

  /** The version before this one of the same document, if any. */
  previousVersion(version: DocumentVersionEntity): Promise<DocumentVersionEntity | null> {
    return this.dataSource
      .getRepository(DocumentVersionEntity)
      .findOne({ where: { documentId: version.documentId, version: version.version - 1 } });
  }

  /** The procedure's documents, each with its versions, oldest first. */
  async listForProcedure(
    procedureId: string,
  ): Promise<{ document: DocumentEntity; versions: DocumentVersionEntity[] }[]> {
    const documents = await this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { procedureId }, order: { kind: 'ASC' } });
    const out = [];
    for (const document of documents) {
      const versions = await this.dataSource.getRepository(DocumentVersionEntity).find({
        where: { documentId: document.id },
        order: { version: 'ASC' },
        relations: { uploader: true },
      });
      out.push({ document, versions });
    }
    return out;
  }
}
