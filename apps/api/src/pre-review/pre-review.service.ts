import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentKind, DomainError, ErrorCode, type PreReviewDecision, canReadDrafts } from '@lawgate/domain';
import {
  isPreReviewRuleId,
  LawList,
  normaliseLawName,
  PRE_REVIEW_RULES,
  reviewDocument,
  type LawRank,
  type PreReviewFinding,
  type PreReviewRuleId,
} from '@lawgate/pre-review';
import {
  PreReviewLawOverrideEntity,
  PreReviewRuleSettingEntity,
  type DocumentVersionEntity,
  type ProcedureEntity,
  AuditRepository,
  DocumentRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import type { Principal } from '../auth/principal';
import { DocumentContentService } from '../documents/document-content.service';
import { canSeeProcedure, visibilityOf } from '../procedures/procedures.service';
import type { PreReviewDecisionDto, SetLawOverrideDto, SetPreReviewRuleDto } from './pre-review.dto';

/** A finding with the key the reviewer's decision names. */
export type KeyedFinding = PreReviewFinding & { key: string };

/** The key of a finding: its rule, its clause and the words that triggered it. */
export function findingKey(f: PreReviewFinding): string {
  return `${f.ruleId}:${f.clause ? f.clause.index : 'doc'}:${f.words}`;
}

/**
 * The pre-review of draft texts (libs/pre-review) as LawGate runs it: on the exact version a reviewer reads, with the
 * rules an administrator switched off left out and the recorded changes to the dated list of laws on top. Its findings
 * are advice; the reviewer confirms or dismisses each with the opinion (`decide`), and both go into its ledger entry.
 */
@Injectable()
export class PreReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly contents: DocumentContentService,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly audit: AuditRepository,
  ) {}

  private async settings() {
    const [rules, overrides] = await Promise.all([
      this.dataSource.getRepository(PreReviewRuleSettingEntity).find(),
      this.dataSource.getRepository(PreReviewLawOverrideEntity).find({ order: { changedAt: 'ASC' } }),
    ]);
    const disabled = new Set(rules.filter((r) => !r.enabled).map((r) => r.ruleId as PreReviewRuleId));
    const laws = new LawList(
      undefined,
      overrides.map((o) => ({
        name: o.name,
        status: o.status,
        rank: o.rank as LawRank | null,
        repealedBy: o.repealedBy,
        reason: o.reason,
        changedAt: o.changedAt.toISOString(),
      })),
    );
    return { rules, overrides, disabled, laws };
  }

  /** The findings on one version's text (none for a version with no text to read, e.g. a PDF). */
  async findingsOn(procedure: ProcedureEntity, version: DocumentVersionEntity) {
    const { disabled, laws } = await this.settings();
    const content = await this.documents.content(version.sha256);
    const text = content ? await this.contents.textOf(version.mediaType, content) : null;
    const findings: KeyedFinding[] = text
      ? reviewDocument(text, { laws, disabled, title: procedure.title }).map((f) => ({ ...f, key: findingKey(f) }))
      : [];
    return { readable: text !== null, findings, disabled: [...disabled], lawList: laws.source };
  }

  private async draftVersions(procedureId: string): Promise<DocumentVersionEntity[]> {
    const docs = await this.documents.listForProcedure(procedureId);
    return docs.find((d) => d.document.kind === (DocumentKind.Draft as string))?.versions ?? [];
  }

  /** `GET /api/procedures/:id/pre-review`: the findings on the current draft, for whoever may read the draft. */
  async forProcedure(principal: Principal, procedureId: string) {
    const procedure = await this.procedures.findById(procedureId);
    const tasks = procedure ? await this.tasks.findByProcedure(procedureId) : [];
    if (!procedure || !canSeeProcedure(principal, procedure, tasks)) {
      throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId} that you can see.`);
    }
    if (!canReadDrafts(visibilityOf(principal, procedure, tasks))) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'You can see this procedure but not its draft texts in its current stage.',
      );
    }
    const current = (await this.draftVersions(procedureId)).pop();
    if (!current) {
      const { disabled, laws } = await this.settings();
      return {
        procedureId,
        versionId: null,
        sha256: null,
        readable: false,
        findings: [],
        disabledRules: [...disabled],
        lawList: laws.source,
      };
    }
    const result = await this.findingsOn(procedure, current);
    return {
      procedureId,
      versionId: current.id,
      sha256: current.sha256,
      readable: result.readable,
      findings: result.findings,
      disabledRules: result.disabled,
      lawList: result.lawList,
    };
  }

  /**
   * Joins the reviewer's decisions with the findings on the version the opinion binds: every finding needs one
   * decision, and a decision must name a finding. A client that sends no decisions at all (one older than the
   * pre-review) signs as before, and the ledger entry lists the findings as not decided. An opinion on a version that
   * is not the procedure's draft is left to the workflow, which refuses it as stale.
   */
  async decide(
    procedure: ProcedureEntity,
    reviewedSha256: string,
    decisions: readonly PreReviewDecisionDto[] | undefined,
  ): Promise<PreReviewDecision[] | undefined> {
    const version = (await this.draftVersions(procedure.id)).find((v) => v.sha256 === reviewedSha256);
    if (!version) return undefined;
    const { findings } = await this.findingsOn(procedure, version);
    if (decisions === undefined) {
      return findings.map((f) => ({
        key: f.key,
        ruleId: f.ruleId,
        rule: f.title[0],
        clause: f.clause?.text ?? null,
        words: f.words,
        decision: 'UNDECIDED' as const,
        reason: '',
      }));
    }
    const given = new Map((decisions ?? []).map((d) => [d.key, d]));
    const unknown = [...given.keys()].filter((k) => !findings.some((f) => f.key === k));
    if (unknown.length) {
      throw new DomainError(ErrorCode.ValidationFailed, `No pre-review finding has the key ${unknown.join(', ')}.`, {
        fields: { preReviewDecisions: unknown.map((k) => `unknown finding ${k}`) },
      });
    }
    const open = findings.filter((f) => !given.has(f.key));
    if (open.length) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `Confirm or dismiss, with a reason, each finding of the pre-review before signing: ${open.length} left ` +
          `(${open.map((f) => f.key).join('; ')}).`,
      );
    }
    return findings.map((f) => {
      const d = given.get(f.key)!;
      return {
        key: f.key,
        ruleId: f.ruleId,
        rule: f.title[0],
        clause: f.clause?.text ?? null,
        words: f.words,
        decision: d.decision,
        reason: d.reason.trim(),
      };
    });
  }

  async rules() {
    const { rules, overrides, laws } = await this.settings();
    return {
      rules: PRE_REVIEW_RULES.map((r) => {
        const s = rules.find((x) => x.ruleId === r.id);
        return {
          id: r.id,
          title: [...r.title],
          basis: [...r.basis],
          enabled: s?.enabled ?? true,
          reason: s?.reason ?? null,
          changedAt: s?.changedAt.toISOString() ?? null,
        };
      }),
      lawList: laws.source,
      laws: laws.size,
      overrides: overrides.map((o) => ({
        name: o.name,
        status: o.status,
        rank: o.rank,
        repealedBy: o.repealedBy,
        reason: o.reason,
        changedAt: o.changedAt.toISOString(),
      })),
    };
  }

  /** An administrator switches a rule off or on, with the reason (audited). */
  async setRule(principal: Principal, ruleId: string, dto: SetPreReviewRuleDto) {
    if (!isPreReviewRuleId(ruleId)) throw new DomainError(ErrorCode.NotFound, `There is no pre-review rule ${ruleId}.`);
    const at = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PreReviewRuleSettingEntity).save({
        ruleId,
        enabled: dto.enabled,
        reason: dto.reason.trim(),
        changedBy: principal.userId,
        changedAt: at,
      });
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId: principal.userId,
        action: dto.enabled ? 'pre-review.rule.enabled' : 'pre-review.rule.disabled',
        procedureId: null,
        reason: dto.reason.trim(),
        details: { ruleId },
        dedupKey: `pre-review-rule:${ruleId}:${at.getTime()}`,
      });
    });
    return this.rules();
  }

  /** An administrator records a change to the dated list of laws (a repeal, a new law, a rank), with the reason. */
  async setLaw(principal: Principal, dto: SetLawOverrideDto) {
    if (dto.status === 'IN_FORCE' && !dto.rank) {
      throw new DomainError(ErrorCode.ValidationFailed, 'A law in force needs its rank.', {
        fields: { rank: ['rank is required for a law in force'] },
      });
    }
    const name = normaliseLawName(dto.name);
    const at = new Date();
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PreReviewLawOverrideEntity);
      const row = {
        name,
        status: dto.status,
        rank: dto.rank ?? null,
        repealedBy: dto.repealedBy?.trim() || null,
        reason: dto.reason.trim(),
        changedBy: principal.userId,
        changedAt: at,
      };
      await repo.upsert(row, ['name']);
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId: principal.userId,
        action: 'pre-review.law.changed',
        procedureId: null,
        reason: row.reason,
        details: { name: dto.name, status: row.status, rank: row.rank, repealedBy: row.repealedBy },
        dedupKey: `pre-review-law:${name}:${at.getTime()}`,
      });
    });
    return this.rules();
  }
}
