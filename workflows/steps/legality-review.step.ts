import { acts, refuse } from '../activity-proxies';
import type { AssignTo, ProcedureRun } from '../kernel/procedure-run';
import { requireCurrentDraft } from './document-versions.step';
import {
  DocumentKind,
  ErrorCode,
  type Period,
  changedTextRefusal,
  reviewGap,
  textChangedSince,
  type ReviewedText,
} from '@lawgate/domain';

export interface LegalityReviewOptions<S extends string, O> {
  /** The stage in which the reviewing body reviews. */
  stage: S;
  /** What an opinion record says about the text it binds. */
  reviewed: (opinion: O) => ReviewedText;
  /** Which conclusions let the text go on to the later gates in this procedure. */
  passing: (conclusion: string) => boolean;
  /** The article a refusal at a later gate names. */
  basis: string;
}

export interface ReviewTask {
  round: number;
  kind: string;
  title: string;
  period: Period;
  departmentId: string;
  drafterIds: string[];
  expertise: string[];
  /** The reviewer is left at least this long (null: no minimum, e.g. an emergency). */
  minimum: Period | null;
  /**
   * A review held by a unit (its officers claim it) instead of routed to one legal adviser: the legal-affairs office
   * itself for a major decision (the department responsible for the review gives the opinion, Decree 713 Art 28), or
   * an enforcement department's own legal review unit. Recusal is then the procedure's check on the opinion.
   */
  assignTo?: AssignTo;
}

/**
 * The legality review (合法性审核／审查), written once. The review task is routed to a legal adviser; the opinion binds
 * the exact version reviewed (its SHA-256); the text cannot change while it is under review; and in procedures that
 * bind the reviewed text, a text changed after the opinion closes every later gate until it is reviewed again.
 */
export class LegalityReview<S extends string, Snap, O> {
  opinions: O[] = [];
  reviewTaskId: string | null = null;
  minimumEndsAt: string | null = null;

  constructor(
    private readonly p: ProcedureRun<S, Snap>,
    private readonly o: LegalityReviewOptions<S, O>,
  ) {}

  /** A new round of the procedure is reviewed afresh. */
  reset(): void {
    this.opinions = [];
    this.reviewTaskId = null;
    this.minimumEndsAt = null;
  }

  last(): O | undefined {
    return this.opinions[this.opinions.length - 1];
  }

  private lastReviewed(): ReviewedText | undefined {
    const last = this.last();
    return last ? this.o.reviewed(last) : undefined;
  }

  /** True while a review task is open: the text cannot change then. */
  underReview(): boolean {
    return this.reviewTaskId !== null && this.p.stage === this.o.stage;
  }

  /** Opens the review: the task goes to a legal adviser by the routing rules; the reviewer's clock starts now. */
  async open(t: ReviewTask): Promise<void> {
    const p = this.p;
    const draft = p.documents.DRAFT!;
    if (t.assignTo) {
      await this.openForUnit(t, t.assignTo, draft.version);
      return;
    }
    const task = await acts.routeTask({
      procedureId: p.procedureId,
      workflowId: p.workflowId,
      stage: this.o.stage,
      round: t.round,
      kind: t.kind,
      title: `${t.title}：${p.title}（草案第${draft.version}稿）`,
      legalBasis: p.spec.stages.basis[this.o.stage],
      period: t.period,
      departmentId: t.departmentId,
      drafterIds: t.drafterIds,
      expertise: t.expertise,
      subjectVersionId: draft.versionId,
    });
    await this.started(task.taskId, task.dueAt, t.minimum);
  }

  private async started(taskId: string, dueAt: string | null, minimum: Period | null): Promise<void> {
    this.reviewTaskId = taskId;
    this.minimumEndsAt = minimum
      ? (await acts.computeDeadline({ from: new Date().toISOString(), period: minimum })).dueAt
      : null;
    this.p.adoptTask(taskId, dueAt);
  }

  private async openForUnit(t: ReviewTask, assignTo: AssignTo, version: number): Promise<void> {
    const p = this.p;
    const task = await acts.openTask({
      procedureId: p.procedureId,
      workflowId: p.workflowId,
      stage: this.o.stage,
      round: t.round,
      kind: t.kind,
      title: `${t.title}：${p.title}（第${version}稿）`,
      legalBasis: p.spec.stages.basis[this.o.stage],
      assignTo,
      period: t.period,
    });
    this.reviewTaskId = task.taskId;
    this.minimumEndsAt = null;
    p.adoptTask(task.taskId, task.dueAt);
  }

  /** Closes the open review task without an opinion (e.g. re-opened with an extended period). */
  dropReviewTask(): void {
    this.reviewTaskId = null;
  }

  /** Refuses an opinion on anything but the open review task and the current text. */
  checkOpinion(args: { taskId: string; reviewedSha256: string }): void {
    if (!this.reviewTaskId || args.taskId !== this.reviewTaskId) {
      refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not the open legality-review task of this procedure.`);
    }
    requireCurrentDraft(this.p.documents, args.reviewedSha256);
  }

  /** Records a given opinion: the review task is closed and the opinion binds the text it names. */
  record(opinion: O): void {
    this.opinions.push(opinion);
    this.reviewTaskId = null;
  }

  /** True when a text changed after a passing opinion (only in procedures that bind the reviewed text). */
  changedAfterOpinion(): boolean {
    const last = this.lastReviewed();
    return (
      this.p.bindsReviewedText &&
      !!last &&
      this.o.passing(last.conclusion) &&
      textChangedSince(last, this.p.documents.DRAFT?.sha256)
    );
  }

  /** True when a new version of the text was added after the opinion, so the review must be done again. */
  changedSinceOpinion(): boolean {
    return textChangedSince(this.lastReviewed(), this.p.documents.DRAFT?.sha256);
  }

  /**
   * A gate after the review (meeting package, meeting, deliberation, registration, publication) passes only on the
   * text the opinion binds; the refusal names the article.
   */
  requireReviewedText(gate: string): void {
    if (!this.p.bindsReviewedText) return;
    const last = this.lastReviewed();
    const current = this.p.documents.DRAFT?.sha256;
    if (last && current && reviewGap(last, current, this.o.passing) === 'TEXT_CHANGED') {
      refuse(ErrorCode.RuleViolation, changedTextRefusal(last, current, gate, this.o.basis));
    }
  }

  /** Whether an upload of `kind` changed the reviewed text after a passing opinion. */
  reopens(kind: DocumentKind): boolean {
    return kind === DocumentKind.Draft && this.changedAfterOpinion();
  }
}
