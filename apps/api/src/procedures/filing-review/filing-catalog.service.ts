import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  FILING_REVIEW,
  FilingReviewStage,
  POLICY_VERSIONS,
  policyVersionFor,
  type FiledDocument,
  type FilingReviewPolicy,
} from '@lawgate/domain';
import { FilingCatalogRepository, LedgerEntryEntity, ProcedureEntity } from '@lawgate/persistence';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: FilingCatalogRepository,
  ) {}

  /** E3: the editions published on the cadence (by the worker), newest period first. */
  async editions(limit: number): Promise<FilingCatalogEditionRow[]> {
    return (await this.catalog.editions(limit)).map((e) => ({
      periodKey: e.periodKey,
      label: e.label,
      cadence: e.cadence,
      periodStart: e.periodStart.toISOString(),
      periodEnd: e.periodEnd.toISOString(),
      publishedAt: e.publishedAt.toISOString(),
      receivingOrgan: e.receivingOrgan,
      entries: e.entries,
    }));
  }

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

  /**
   * E9: the annual catalog and report for the government: every document of the year (by publication date) filed
   * with the office, where its review stands, and the year's figures (late filings, refusals, corrections).
   */
  async annual(year: number): Promise<AnnualFilingReport> {
    const cases = (
      await this.dataSource
        .getRepository(ProcedureEntity)
        .find({ where: { type: FILING_REVIEW }, order: { createdAt: 'ASC' } })
    ).filter((r) => (r.details.document as FiledDocument).publishedOn.startsWith(`${year}-`));
    const entries = cases.length
      ? await this.dataSource.getRepository(LedgerEntryEntity).find({
          where: { procedureId: In(cases.map((c) => c.id)) },
          select: { procedureId: true, decision: true },
        })
      : [];
    const decided = (id: string, prefix: string) =>
      entries.some((e) => e.procedureId === id && e.decision.startsWith(prefix));
    const documents = cases.map((r) => {
      const d = r.details.document as FiledDocument;
      return {
        caseId: r.id,
        title: d.title,
        documentNumber: d.documentNumber,
        issuer: d.issuerName,
        publishedOn: d.publishedOn,
        stage: r.stage as FilingReviewStage,
        late: decided(r.id, 'FILING_RECEIVED_LATE'),
        corrected: decided(r.id, 'FILING_CORRECTED_REFILED'),
      };
    });
    const count = (f: (x: (typeof documents)[number]) => boolean) => documents.filter(f).length;
    return {
      year,
      receivingOrgan: this.policy().receivingOrgan,
      documents,
      figures: {
        total: documents.length,
        filed: count((x) => x.stage === FilingReviewStage.Filed),
        awaitingFiling: count((x) => x.stage === FilingReviewStage.AwaitingFiling),
        notRegistered: count((x) => x.stage === FilingReviewStage.NotRegistered),
        late: count((x) => x.late),
        corrected: count((x) => x.corrected),
        repealedOrRevoked: count(
          (x) => x.stage === FilingReviewStage.Repealed || x.stage === FilingReviewStage.Revoked,
        ),
      },
    };
  }
}

export interface FilingCatalogEditionRow {
  periodKey: string;
  label: string;
  cadence: string;
  periodStart: string;
  periodEnd: string;
  publishedAt: string;
  receivingOrgan: string;
  entries: FiledDocumentRow[];
}

export interface AnnualFilingReport {
  year: number;
  receivingOrgan: string;
  documents: (Omit<FiledDocumentRow, 'filedAt'> & { stage: FilingReviewStage; late: boolean; corrected: boolean })[];
  figures: Record<
    'total' | 'filed' | 'awaitingFiling' | 'notRegistered' | 'late' | 'corrected' | 'repealedOrRevoked',
    number
  >;
}
