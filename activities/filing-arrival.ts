import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DocumentKind,
  FILING_REVIEW,
  FILING_REVIEW_WORKFLOW_TYPE,
  POLICY_VERSIONS,
  ProcedureTypeAttr,
  filingReviewWorkflowId,
  policyVersionFor,
  type Actor,
  type FiledItem,
  type FilingReviewInput,
  type FilingReviewPolicy,
} from '@lawgate/domain';
import { DocumentRepository, FilingEntity, RegisterEntryEntity } from '@lawgate/persistence';
import { TemporalClientService } from '@lawgate/temporal';

/** Package items of a LawGate filing and the document kind each is filed as (the ledger opinion is cited, not filed). */
const KIND_OF: Record<string, DocumentKind> = {
  TEXT: DocumentKind.Draft,
  DRAFTING_EXPLANATION: DocumentKind.DraftingExplanation,
};

/** A date as China Standard Time sees it (YYYY-MM-DD). */
const cstDate = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * E1 on the receiving side: a filing submitted in LawGate to the organ that receives filings here (the policy's
 * `receivingOrgan`, the district government) arrives as a filing-review case with its package and a filing report
 * written from the filing. Idempotent: the case is keyed by the filing, so a retried or repeated submission is the
 * same case.
 */
@Injectable()
export class FilingArrivals {
  private readonly logger = new Logger(FilingArrivals.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly temporal: TemporalClientService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private policy(): FilingReviewPolicy {
    const version = policyVersionFor(FILING_REVIEW, this.config.PROCEDURE_PERIODS === 'demo');
    return { ...(POLICY_VERSIONS[version].policy as FilingReviewPolicy), version };
  }

  /** Whether a filing to `recipient` is received in LawGate (and so arrives as a case). */
  receivesHere(recipient: string): boolean {
    return recipient === this.policy().receivingOrgan;
  }

  /** Opens the case of a submitted filing (nothing if its recipient receives filings elsewhere). */
  async arrive(filingId: string, actor: Actor): Promise<{ workflowId: string; started: boolean } | null> {
    const filing = await this.dataSource.getRepository(FilingEntity).findOne({ where: { id: filingId } });
    if (!filing || !this.receivesHere(filing.recipient)) return null;
    const entry = await this.dataSource.getRepository(RegisterEntryEntity).findOne({
      where: { id: filing.registerEntryId },
      relations: { issuerSeries: { issuerUnit: true } },
    });
    const unit = entry?.issuerSeries?.issuerUnit;
    if (!entry || !unit) return null;
    const publishedOn = cstDate(entry.inForceAt ?? filing.openedAt);
    const pkg: FiledItem[] = [];
    const listed: string[] = [];
    for (const item of filing.package) {
      const kind = KIND_OF[item.kind];
      const version = kind ? await this.documents.findVersion(item.versionId) : null;
      listed.push(`${item.kind}：SHA-256 ${item.sha256}`);
      if (!kind || !version) continue;
      pkg.push({
        kind,
        sha256: item.sha256,
        size: version.size,
        mediaType: version.mediaType,
        filename: version.filename,
      });
    }
    const report = Buffer.from(
      [
        `关于报送《${entry.title}》备案的报告`,
        `${filing.recipient}：`,
        `${unit.name}制定的《${entry.title}》（${entry.number}）已于 ${publishedOn} 发布，现报送备案。`,
        `备案材料：`,
        ...listed,
        '',
      ].join('\n'),
      'utf8',
    );
    const reportSha = createHash('sha256').update(report).digest('hex');
    await this.documents.storeBlob(reportSha, report);
    pkg.push({
      kind: DocumentKind.FilingReport,
      sha256: reportSha,
      size: report.length,
      mediaType: 'text/plain',
      filename: 'filing-report.txt',
    });
    const policy = this.policy();
    const input: FilingReviewInput = {
      procedureId: randomUUID(),
      document: {
        title: entry.title,
        issuerUnitId: unit.id,
        issuerUnitCode: unit.code,
        issuerName: unit.name,
        documentNumber: entry.number,
        publishedOn,
      },
      source: 'LAWGATE',
      origin: { procedureId: entry.procedureId, filingId: filing.id },
      package: pkg,
      filedBy: actor,
      policyVersion: policy.version,
    };
    const workflowId = filingReviewWorkflowId('filing', filing.id);
    const client = await this.temporal.client();
    try {
      await client.workflow.start(FILING_REVIEW_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        // One case per filing, running or ended: a second arrival is the first one.
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [{ key: ProcedureTypeAttr, value: FILING_REVIEW }],
      });
      return { workflowId, started: true };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      this.logger.log(`filing ${filing.id} has arrived already (${workflowId})`);
      return { workflowId, started: false };
    }
  }
}
