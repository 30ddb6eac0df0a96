import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FILING_REVIEW, type CatalogPeriod, type FilingReviewStatus } from '@lawgate/domain';
import { FilingCatalogEditionEntity, FilingEntity, type FilingCatalogEditionEntry } from '../entities';
import { AuditRepository } from './audit.repository';

/** Decisions by which a filed document's review passes and it enters the catalog (§3.4: 通过, 技术问题). */
const FILED_DECISIONS = ['FILING_REVIEW_PASSED', 'FILING_REVIEW_TECHNICAL'];

/** What is written back onto an issuing procedure's filing when its review case signs a decision. */
export interface FilingReviewStatusWrite {
  filingId: string;
  status: FilingReviewStatus;
  at: Date;
  reference: string;
  caseId: string;
  /** The sign-off's idempotency key: the same sign-off writes once. */
  key: string;
}

/**
 * E3: the editions of the filed-documents catalog, and the review status of filings reviewed in LawGate written back
 * onto the issuing procedure's filing.
 */
@Injectable()
export class FilingCatalogRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /** Where the newest edition of a cadence ends (null: none published yet). */
  async publishedUntil(cadence: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ end: Date | null }[]>(
      'SELECT max(period_end) AS "end" FROM filing_catalog_edition WHERE cadence = $1',
      [cadence],
    );
    return row?.end ?? null;
  }

  /**
   * Publishes the edition of a closed period: the documents whose review passed within it, in the order they did.
   * Once per period: publishing it again (another worker, a retry) returns the edition already there.
   */
  async publish(
    period: CatalogPeriod,
    cadence: string,
    receivingOrgan: string,
  ): Promise<{ edition: FilingCatalogEditionEntity; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(FilingCatalogEditionEntity).findOne({
        where: { periodKey: period.key },
      });
      if (existing) return { edition: existing, created: false };
      const entries = await this.entriesOf(manager, new Date(period.start), new Date(period.end));
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(FilingCatalogEditionEntity)
        .values({
          periodKey: period.key,
          cadence,
          label: period.label,
          periodStart: new Date(period.start),
          periodEnd: new Date(period.end),
          receivingOrgan,
          entries: entries as never,
        })
        .orIgnore()
        .returning('*')
        .execute();
      const created = ((inserted.raw as unknown[] | undefined) ?? []).length > 0;
      const edition = await manager
        .getRepository(FilingCatalogEditionEntity)
        .findOneOrFail({ where: { periodKey: period.key } });
      if (created) {
        await this.audit.record(manager, {
          actorKind: 'SYSTEM',
          actorId: null,
          action: 'filing.catalog.published',
          procedureId: null,
          details: { periodKey: period.key, cadence, entries: entries.length },
          dedupKey: `filing-catalog:${period.key}`,
        });
      }
      return { edition, created };
    });
  }

  private async entriesOf(manager: EntityManager, start: Date, end: Date): Promise<FilingCatalogEditionEntry[]> {
    const rows = await manager.query<
      { caseId: string; document: Record<string, string>; filedAt: Date; decision: string }[]
    >(
      `SELECT p.id AS "caseId", p.details->'document' AS document, l.recorded_at AS "filedAt"
         FROM ledger_entry l JOIN procedure p ON p.id = l.procedure_id
        WHERE p.type = $4 AND l.decision = ANY($1)
          AND l.recorded_at >= $2 AND l.recorded_at < $3
        ORDER BY l.recorded_at, l.seq`,
      [FILED_DECISIONS, start, end, FILING_REVIEW],
    );
    return rows.map((r) => ({
      caseId: r.caseId,
      title: r.document.title,
      documentNumber: r.document.documentNumber,
      issuer: r.document.issuerName,
      publishedOn: r.document.publishedOn,
      filedAt: new Date(r.filedAt).toISOString(),
    }));
  }

  /** The editions, newest period first. */
  editions(limit: number): Promise<FilingCatalogEditionEntity[]> {
    return this.dataSource.getRepository(FilingCatalogEditionEntity).find({
      order: { periodEnd: 'DESC' },
      take: limit,
    });
  }

  /** The filings of an issuing procedure with the receiving office's review status, in the order they were opened. */
  filingsOf(procedureId: string): Promise<FilingEntity[]> {
    return this.dataSource
      .getRepository(FilingEntity)
      .createQueryBuilder('f')
      .innerJoin('f.registerEntry', 'e')
      .where('e.procedure_id = :procedureId', { procedureId })
      .orderBy('f.opened_at', 'ASC')
      .getMany();
  }
}

/**
 * Writes the review status onto a filing, in the caller's transaction (the sign-off's). Once per sign-off: a retried
 * write (the same key) changes nothing and returns false.
 */
export async function writeFilingReviewStatus(
  manager: EntityManager,
  write: FilingReviewStatusWrite,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(FilingEntity)
    .set({
      reviewStatus: write.status,
      reviewStatusAt: write.at,
      reviewReference: write.reference,
      reviewCaseId: write.caseId,
      reviewKey: write.key,
    })
    .where('id = :id AND review_key IS DISTINCT FROM :key', { id: write.filingId, key: write.key })
    .execute();
  return (result.affected ?? 0) > 0;
}
