import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { writeBundle, type BundleFile, DECISION_RECORDS_FILE, STATE_RECORDS_FILE } from '@lawgate/archive';
import {
  ARCHIVE_STATE_RECORD_PREFIX,
  DomainError,
  ErrorCode,
  type MajorDecisionSnapshot,
  getProcedureStateQuery,
} from '@lawgate/domain';
import {
  CommentWindowEntity,
  PublicCommentEntity,
  ledgerEvidenceFiles,
  EvidenceKeys,
  LedgerRepository,
  DecisionRecordRepository,
  DocumentRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway } from '@lawgate/temporal';
import { procedureApiOf } from '../registry';

/** A file extension for a stored version: its own, else one for its media type. */
function extensionOf(filename: string, mediaType: string): string {
  const own = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1];
  if (own) return own;
  return mediaType.startsWith('text/') ? 'txt' : mediaType === 'application/pdf' ? 'pdf' : 'bin';
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

/**
 * The decision archive (决策档案, 国务院令第713号 Art 33; lifetime accountability, Art 38): one tar with every document
 * version (its bytes, named with its SHA-256), every ledger entry, the comment and adoption table, expert opinions,
 * the risk report, the legality opinions, the minutes with each member's position, the publication record, and a
 * manifest (file → SHA-256) that `npm run archive:verify` checks offline. Works for any procedure. A major
 * decision's step records (experts, hearing, risk, minutes, Party report, publication, execution, evaluation) are read
 * from PostgreSQL (`decision_record`, with each record's SHA-256 and the hash of the sign-off that recorded it), so the
 * archive does not depend on Temporal's retention; only procedures that kept no record yet fall back to the
 * workflow's state for them. An enforcement or contract review's own files are built from the state it kept in
 * PostgreSQL (`STATE:<field>` records, written with each step), so they too outlive the workflow's history.
 */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProcedureRepository,
    private readonly documents: DocumentRepository,
    private readonly ledger: LedgerRepository,
    private readonly tasks: TaskRepository,
    private readonly gateway: ProcedureGateway,
    private readonly keys: EvidenceKeys,
    private readonly records: DecisionRecordRepository,
  ) {}

  async export(procedureId: string): Promise<{ filename: string; tar: Buffer }> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure) throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId}.`);
    const files: BundleFile[] = [];
    files.push({ path: 'procedure.json', content: json({ ...procedure, department: procedure.department?.code }) });

    const versions = [];
    for (const { document, versions: list } of await this.documents.listForProcedure(procedureId)) {
      for (const v of list) {
        const content = await this.documents.content(v.sha256);
        const path = `documents/${document.kind}/v${v.version}-${v.sha256.slice(0, 16)}.${extensionOf(v.filename, v.mediaType)}`;
        if (content) files.push({ path, content });
        versions.push({
          kind: document.kind,
          version: v.version,
          sha256: v.sha256,
          size: v.size,
          mediaType: v.mediaType,
          filename: v.filename,
          uploadedBy: v.uploader?.displayName ?? v.uploadedBy,
          file: content ? path : null,
        });
      }
    }
    files.push({ path: 'documents/versions.json', content: json(versions) });

    const entries = await this.ledger.findByProcedure(procedureId);
    files.push({ path: 'ledger.json', content: json(entries.map(({ procedure: _p, ...e }) => e)) });
    const tasks = await this.tasks.findByProcedure(procedureId);
    files.push({
      path: 'tasks.json',
      content: json(tasks.map(({ procedure: _p, assigneeUnit: _u, assigneeUser: _a, ...t }) => t)),
    });

    const windows = await this.dataSource.getRepository(CommentWindowEntity).find({ where: { procedureId } });
    const comments = windows.length
      ? await this.dataSource
          .getRepository(PublicCommentEntity)
          .find({ where: { windowId: In(windows.map((w) => w.id)) }, order: { submittedAt: 'ASC' } })
      : [];
    files.push({
      path: 'public-participation/comments-and-adoption.json',
      content: json({
        windows: windows.map(({ procedure: _p, draftVersion: _d, ...w }) => w),
        comments: comments.map((c) => ({
          windowId: c.windowId,
          receiptNo: c.receiptNo,
          body: c.body,
          submittedAt: c.submittedAt,
          answer: c.answer,
          answerReason: c.answerReason,
          answeredBy: c.answeredBy,
          answeredAt: c.answeredAt,
        })),
      }),
    });

    const all = await this.records.findByProcedure(procedureId);
    const records = all.filter((r) => !r.kind.startsWith(ARCHIVE_STATE_RECORD_PREFIX));
    const stateRecords = all.filter((r) => r.kind.startsWith(ARCHIVE_STATE_RECORD_PREFIX));
    const live = await this.liveState(procedure.workflowId);
    if (live) files.push({ path: 'state.json', content: json(live) });
    if (records.length > 0) {
      // Each record as kept (its JSON text, SHA-256 and sign-off), then readable files by kind, all from PostgreSQL.
      files.push({
        path: DECISION_RECORDS_FILE,
        content: json(
          records.map((r) => ({
            kind: r.kind,
            round: r.round,
            content: r.content,
            contentSha256: r.contentSha256,
            ledgerHash: r.ledgerHash,
            recordedAt: r.recordedAt,
          })),
        ),
      });
      const of = (kind: string) => records.filter((r) => r.kind === kind).map((r) => JSON.parse(r.content) as unknown);
      const last = (kind: string) => of(kind).at(-1);
      const hearing = last('HEARING');
      if (hearing) files.push({ path: 'public-participation/hearing.json', content: json(hearing) });
      files.push({ path: 'experts/opinions.json', content: json(of('EXPERT_OPINION')) });
      const adoption = last('EXPERT_ADOPTION');
      if (adoption) files.push({ path: 'experts/adoption.json', content: json(adoption) });
      const risk = last('RISK_ASSESSMENT');
      if (risk) files.push({ path: 'risk/report.json', content: json(risk) });
      const minutes = last('MEETING_MINUTES');
      if (minutes) files.push({ path: 'meeting/minutes.json', content: json(minutes) });
      const party = last('PARTY_REPORT');
      if (party) files.push({ path: 'party-report.json', content: json(party) });
      const publication = last('PUBLICATION');
      if (publication) files.push({ path: 'publication.json', content: json(publication) });
      const reports = of('EXECUTION_REPORT');
      if (reports.length) files.push({ path: 'execution/reports.json', content: json(reports) });
      const evaluations = of('EVALUATION');
      if (evaluations.length) files.push({ path: 'execution/evaluations.json', content: json(evaluations) });
    } else if (live) {
      if (live.hearing) files.push({ path: 'public-participation/hearing.json', content: json(live.hearing) });
      files.push({ path: 'experts/opinions.json', content: json(live.experts ?? []) });
      if (live.risk) files.push({ path: 'risk/report.json', content: json(live.risk) });
      if (live.minutes) files.push({ path: 'meeting/minutes.json', content: json(live.minutes) });
      if (live.publication) files.push({ path: 'publication.json', content: json(live.publication) });
    }
    if (live) {
      files.push({ path: 'legality/opinions.json', content: json(live.legalityOpinions ?? []) });
      if (live.registration) files.push({ path: 'registration.json', content: json(live.registration) });
    }
    // The procedure type's own files (its registry line), from the state it kept in PostgreSQL (the last record of
    // each field), or from the workflow's state for a procedure started before it kept any; each replaces a common
    // file of the same path.
    const kept = stateRecords.length > 0 ? keptState(stateRecords) : null;
    if (kept) {
      files.push({
        path: STATE_RECORDS_FILE,
        content: json(
          stateRecords.map((r) => ({
            kind: r.kind,
            round: r.round,
            content: r.content,
            contentSha256: r.contentSha256,
            ledgerHash: r.ledgerHash,
            recordedAt: r.recordedAt,
          })),
        ),
      });
    }
    const source = kept ?? live;
    const own = source ? (procedureApiOf(procedure.type)?.archive?.(source) ?? {}) : {};
    for (const [path, value] of Object.entries(own)) {
      const at = files.findIndex((f) => f.path === path);
      if (at >= 0) files.splice(at, 1);
      if (value !== null && value !== undefined) files.push({ path, content: json(value) });
    }
    // Signed manifest and the ledger chain up to a signed checkpoint (docs/trust-boundary.md).
    const signer = this.keys.signer;
    if (signer) files.push(...(await ledgerEvidenceFiles(this.dataSource, procedureId, signer)));
    const tar = writeBundle(procedureId, files, new Date(), signer ?? undefined);
    return { filename: `decision-archive-${procedure.projectCode}.tar`, tar };
  }

  /** The workflow's own record (experts, risk, minutes, ...); null when the procedure's workflow cannot be asked. */
  private async liveState(workflowId: string): Promise<Partial<MajorDecisionSnapshot> | null> {
    return this.gateway
      .query<Partial<MajorDecisionSnapshot>>(workflowId, getProcedureStateQuery.name)
      .catch(() => null);
  }
}

/** A procedure's archived state from its `STATE:<field>` records: each field's last value, in the order written. */
function keptState(records: { kind: string; content: string }[]): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const r of records) state[r.kind.slice(ARCHIVE_STATE_RECORD_PREFIX.length)] = JSON.parse(r.content) as unknown;
  return state;
}
