import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  FILING_REVIEW,
  FilingReviewStage,
  POLICY_VERSIONS,
  policyVersionFor,
  type FiledDocument,
  type FilingReviewPolicy,
} from '@lawgate/domain';
import { ProcedureEntity } from '@lawgate/persistence';

export interface FiledDocumentRow {
  caseId: string;
  title: string;
  documentNumber: string;
  issuer: string;
  publishedOn: string;
  filedAt: string;
}

/** E3: the catalog of filed documents, read from the procedures whose filing review passed. */
@Injectable()
export class FilingCatalogService {
  constructor(private readonly dataSource: DataSource) {}

  /** The statutory policy: the receiving organ and the catalog's cadence. */
  policy(): FilingReviewPolicy {
    return POLICY_VERSIONS[policyVersionFor(FILING_REVIEW, false)].policy as FilingReviewPolicy;
  }

  async items(limit: number): Promise<FiledDocumentRow[]> {
    const rows = await this.dataSource.getRepository(ProcedureEntity).find({
      where: { type: FILING_REVIEW, stage: FilingReviewStage.Filed },
      order: { updatedAt: 'DESC' },
      take: limit,
    });
    return rows.map((r) => {
      const d = r.details.document as FiledDocument;
      return {
        caseId: r.id,
        title: d.title,
        documentNumber: d.documentNumber,
        issuer: d.issuerName,
        publishedOn: d.publishedOn,
        filedAt: r.updatedAt.toISOString(),
      };
    });
  }
}
