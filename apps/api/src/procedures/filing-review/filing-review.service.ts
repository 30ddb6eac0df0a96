import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  DocumentKind,
  ErrorCode,
  OrgUnitKind,
  Role,
  FILING_REVIEW,
  filingReviewWorkflowId,
  frAwaitSettledUpdate,
  type FiledItem,
  type FilingReviewInput,
  type FilingReviewSnapshot,
  policyVersionFor,
} from '@lawgate/domain';
import { DocumentRepository, OrgRepository } from '@lawgate/persistence';
import { ProcedureGateway } from '@lawgate/temporal';
import { actorOf, type Principal } from '../../auth/principal';
import { DocumentContentService } from '../../documents/document-content.service';
import type { StartFilingReviewDto } from './filing-review.dto';

const ISSUERS: readonly string[] = [OrgUnitKind.Department, OrgUnitKind.Town];

/**
 * Opens a filing-review case for a document issued outside LawGate: its issuer (a department, town or street office)
 * files it by uploading its package (E1), or the legal-affairs office records a published document whose filing it
 * expects (E8: the case waits for the filing and follows it up when it is late).
 */
@Injectable()
export class FilingReviewService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly org: OrgRepository,
    private readonly documents: DocumentRepository,
    private readonly contents: DocumentContentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, body: StartFilingReviewDto): Promise<FilingReviewSnapshot> {
    const office = principal.roles.includes(Role.LegalAffairsOfficer) && body.issuerUnitCode !== undefined;
    if (!office && (!principal.roles.includes(Role.Drafter) || !ISSUERS.includes(principal.unitKind))) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'A filing is made by its issuer (a department, town or street office); the legal-affairs office records an ' +
          'expected filing by naming the issuer (issuerUnitCode).',
      );
    }
    const issuer = (await this.org.listUnits()).find(
      (u) => u.code === (office ? body.issuerUnitCode : principal.unitCode),
    );
    if (!issuer || !ISSUERS.includes(issuer.kind)) {
      throw new DomainError(ErrorCode.ValidationFailed, `There is no department or town ${body.issuerUnitCode}.`, {
        fields: { issuerUnitCode: ['must be the code of a department or town'] },
      });
    }
    if (office && body.files.length > 0) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        'The issuer files the package itself; an expected filing has none.',
      );
    }
    const kinds = body.files.map((f) => f.kind);
    if (!office && (!kinds.includes(DocumentKind.Draft) || !kinds.includes(DocumentKind.FilingReport))) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        'A filing package carries the official text (DRAFT) and the filing report (FILING_REPORT).',
      );
    }
    if (new Set(kinds).size !== kinds.length) {
      throw new DomainError(ErrorCode.ValidationFailed, 'One file per document kind.');
    }
    const pkg: FiledItem[] = [];
    for (const file of body.files) {
      const bytes = Buffer.from(file.contentBase64, 'base64');
      if (bytes.length === 0) throw new DomainError(ErrorCode.ValidationFailed, `${file.filename} is empty.`);
      await this.contents.check(file.mediaType, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      pkg.push({ kind: file.kind, sha256, size: bytes.length, mediaType: file.mediaType, filename: file.filename });
    }
    for (const [i, file] of body.files.entries()) {
      await this.documents.storeBlob(pkg[i].sha256, Buffer.from(file.contentBase64, 'base64'));
    }
    const input: FilingReviewInput = {
      procedureId: randomUUID(),
      document: {
        title: body.title,
        issuerUnitId: issuer.id,
        issuerUnitCode: issuer.code,
        issuerName: issuer.name,
        documentNumber: body.documentNumber,
        publishedOn: body.publishedOn,
      },
      source: office ? 'EXPECTED' : 'UPLOAD',
      origin: null,
      package: pkg,
      filedBy: actorOf(principal),
      policyVersion: policyVersionFor(FILING_REVIEW, this.config.PROCEDURE_PERIODS === 'demo'),
    };
    return this.gateway.start({
      type: FILING_REVIEW,
      workflowId: filingReviewWorkflowId('document', `${issuer.code}:${body.documentNumber}`),
      input,
      departmentCode: issuer.code,
      settle: frAwaitSettledUpdate,
    });
  }
}
