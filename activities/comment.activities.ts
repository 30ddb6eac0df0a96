import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import {
  CalendarRangeError,
  periodEnd,
  type CalendarSnapshot,
  answerNeedsReason,
  COMMENT_ANSWERS,
  type CommentAnswer,
  ErrorCode,
  type Period,
  type Actor,
} from '@lawgate/domain';
import {
  CalendarRepository,
  DocumentVersionEntity,
  AuditRepository,
  CommentRepository,
  type CommentCounts,
} from '@lawgate/persistence';

export interface OpenCommentWindowInput {
  procedureId: string;
  workflowId: string;
  /** The title the public sees. */
  title: string;
  /** The exact draft version published for comment, and its SHA-256 (checked against the stored version). */
  draftVersionId: string;
  draftSha256: string;
  /** How long the window stays open. */
  period: Period;
  /** The statutory minimum (see `commentPeriodFor`): the floor `period` is measured against. */
  minimumPeriod: Period;
  /** Why the window is shorter than the minimum; required exactly when it is, and published with the window. */
  shortenedReason: string | null;
  idempotencyKey: string;
}

export interface OpenedCommentWindow {
  windowId: string;
  opensAt: string;
  closesAt: string;
  minimumClosesAt: string;
}

export interface ExtendCommentWindowInput {
  windowId: string;
  /** Added to the current closing time. */
  extension: Period;
  reason: string;
  actor: Actor;
  idempotencyKey: string;
}

export interface AnswerCommentInput {
  windowId: string;
  commentId: string;
  answer: CommentAnswer;
  /** Why; required unless the comment is adopted in full. */
  reason: string;
  actor: Actor;
  /** The workflow update id: a retry changes nothing, a new update replaces the answer (and is audited). */
  idempotencyKey: string;
}

const failure = (type: ErrorCode, message: string, details?: Record<string, unknown>) =>
  ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : undefined });

/**
 * Public consultation (公开征求意见, gate G-B4) for the workflows: open a window on an exact draft, extend it, close it
 * when its durable timer fires, and record the drafting unit's answer to every comment. Each is idempotent, because
 * Temporal retries activities; refusals are non-retryable failures whose type is an `ErrorCode`.
 */
@Injectable()
export class CommentActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly comments: CommentRepository,
    private readonly calendar: CalendarRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Opens the window now. The closing time and the statutory floor are counted on the same calendar snapshot (as
   * `ProcedureActivities.deadlineFrom` counts): a window shorter than the floor is refused unless it carries the
   * reason that will be published with it.
   */
  async openCommentWindow(input: OpenCommentWindowInput): Promise<OpenedCommentWindow> {
    const existing = await this.comments.findWindowByKey(this.dataSource.manager, input.idempotencyKey);
    if (existing) return openedOf(existing);
    const reason = input.shortenedReason?.trim() || null;
    const opensAt = new Date();
    const calendar = await snapshotFor(this.calendar, [input.period, input.minimumPeriod]);
    const closesAt = countPeriod(opensAt, input.period, calendar);
    const minimumClosesAt = countPeriod(opensAt, input.minimumPeriod, calendar);
    if (closesAt.getTime() < minimumClosesAt.getTime() && !reason) {
      throw failure(
        ErrorCode.RuleViolation,
        `The comment window would close at ${closesAt.toISOString()}, before the statutory minimum of ` +
          `${describePeriod(input.minimumPeriod)} (${minimumClosesAt.toISOString()}); a shorter window needs a ` +
          'reason, which is published with it.',
        { closesAt: closesAt.toISOString(), minimumClosesAt: minimumClosesAt.toISOString() },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const draft = await manager.getRepository(DocumentVersionEntity).findOne({
        where: { id: input.draftVersionId },
        relations: { document: true },
      });
      if (!draft || draft.sha256 !== input.draftSha256 || draft.document?.procedureId !== input.procedureId) {
        throw failure(
          ErrorCode.StaleVersion,
          `The procedure has no draft version ${input.draftVersionId} with SHA-256 ${input.draftSha256}; ` +
            'only the exact draft that was uploaded can be published for comment.',
        );
      }
      const window = await this.comments.openWindow(manager, {
        procedureId: input.procedureId,
        workflowId: input.workflowId,
        title: input.title,
        draftVersionId: input.draftVersionId,
        draftSha256: input.draftSha256,
        opensAt,
        minimumClosesAt,
        closesAt,
        // Recorded only when the window is in fact shorter: the reason is what justifies the shortening.
        shortenedReason: closesAt.getTime() < minimumClosesAt.getTime() ? reason : null,
        calendarVersion: calendar?.version ?? null,
        idempotencyKey: input.idempotencyKey,
      });
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'comment.window.opened',
        procedureId: input.procedureId,
        reason: window.shortenedReason,
        details: {
          windowId: window.id,
          draftVersionId: window.draftVersionId,
          draftSha256: window.draftSha256,
          opensAt: window.opensAt.toISOString(),
          closesAt: window.closesAt.toISOString(),
          minimumClosesAt: window.minimumClosesAt.toISOString(),
          calendarVersion: window.calendarVersion,
        },
        dedupKey: `comment-window:${input.idempotencyKey}`,
      });
      return openedOf(window);
    });
  }

  /** Moves the closing time later by `extension`, while the window is open; the extension is recorded and audited. */
  async extendCommentWindow(input: ExtendCommentWindowInput): Promise<{ closesAt: string }> {
    const reason = input.reason.trim();
    if (!reason) throw failure(ErrorCode.RuleViolation, 'Extending a comment window needs a reason.');
    if (input.extension.amount <= 0) {
      throw failure(ErrorCode.RuleViolation, 'An extension must add time to the window.');
    }
    const done = await this.comments.findExtension(this.dataSource.manager, input.idempotencyKey);
    if (done) return { closesAt: done.newClosesAt.toISOString() };
    const calendar = await snapshotFor(this.calendar, [input.extension]);
    return this.dataSource.transaction(async (manager) => {
      const window = await this.comments.lockWindow(manager, input.windowId, 'pessimistic_write');
      if (!window) throw failure(ErrorCode.NotFound, `There is no comment window ${input.windowId}.`);
      // A retry that raced the first attempt finds the extension once the window lock is held.
      const again = await this.comments.findExtension(manager, input.idempotencyKey);
      if (again) return { closesAt: again.newClosesAt.toISOString() };
      if (window.status !== 'OPEN') {
        throw failure(
          ErrorCode.CommentWindowNotOpen,
          `The comment window closed at ${window.closedAt?.toISOString() ?? window.closesAt.toISOString()}; ` +
            'a closed window cannot be extended.',
        );
      }
      // closesAt is 24:00 of the last day, i.e. the first instant of the next: count days from the last day itself.
      const from = input.extension.unit === 'SECONDS' ? window.closesAt : new Date(window.closesAt.getTime() - 1);
      const newClosesAt = countPeriod(from, input.extension, calendar);
      const at = new Date();
      const extension = await this.comments.extend(manager, window, {
        newClosesAt,
        reason,
        actorId: input.actor.userId,
        idempotencyKey: input.idempotencyKey,
        at,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: 'comment.window.extended',
        procedureId: window.procedureId,
        reason,
        details: {
          windowId: window.id,
          oldClosesAt: extension.oldClosesAt.toISOString(),
          newClosesAt: newClosesAt.toISOString(),
        },
        dedupKey: `comment-window-extension:${input.idempotencyKey}`,
        at,
      });
      return { closesAt: newClosesAt.toISOString() };
    });
  }

  /**
   * Closes the window (the workflow calls it when the closing timer fires). Idempotent: closing a closed window
   * returns the same comments. It waits for submissions in flight, and none is accepted after it.
   */
  async closeCommentWindow(input: { windowId: string }): Promise<{ total: number; commentIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const closed = await this.comments.close(manager, input.windowId, new Date());
      if (!closed) throw failure(ErrorCode.NotFound, `There is no comment window ${input.windowId}.`);
      const { window, comments } = closed;
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'comment.window.closed',
        procedureId: window.procedureId,
        details: { windowId: window.id, total: comments.length, closedAt: window.closedAt?.toISOString() ?? null },
        dedupKey: `comment-window-closed:${window.id}`,
        at: window.closedAt ?? undefined,
      });
      return { total: comments.length, commentIds: comments.map((c) => c.id) };
    });
  }

  /**
   * Records the drafting unit's answer to one comment. Answering again with the same key changes nothing; a new key
   * replaces the answer, and the audit keeps the one it replaced.
   */
  async answerComment(input: AnswerCommentInput): Promise<{ answered: number; total: number }> {
    if (!COMMENT_ANSWERS.includes(input.answer)) {
      throw failure(ErrorCode.RuleViolation, `An answer is one of ${COMMENT_ANSWERS.join(', ')}.`);
    }
    const reason = input.reason.trim();
    if (answerNeedsReason(input.answer) && !reason) {
      throw failure(
        ErrorCode.RuleViolation,
        `A comment that is ${input.answer === 'NOT_ADOPTED' ? 'not adopted' : 'only partly adopted'} needs the ` +
          'reason; the commenter and the legality review read it.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const comment = await this.comments.lockComment(manager, input.commentId);
      if (!comment || comment.windowId !== input.windowId) {
        throw failure(ErrorCode.NotFound, `The comment window ${input.windowId} has no comment ${input.commentId}.`);
      }
      // The audit entry of each answer carries its key: a retry of any earlier update, even one whose answer was
      // replaced since, changes nothing.
      const dedupKey = `comment-answer:${input.idempotencyKey}`;
      if (!(await this.audit.recorded(manager, dedupKey))) {
        const window = await this.comments.lockWindow(manager, input.windowId, 'pessimistic_read');
        const at = new Date();
        await this.comments.setAnswer(manager, comment.id, {
          answer: input.answer,
          reason,
          answeredBy: input.actor.userId,
          at,
          idempotencyKey: input.idempotencyKey,
        });
        await this.audit.record(manager, {
          actorKind: 'USER',
          actorId: input.actor.userId,
          action: comment.answer === null ? 'comment.answered' : 'comment.answer.replaced',
          procedureId: window?.procedureId ?? null,
          reason: reason || null,
          details: {
            windowId: input.windowId,
            commentId: comment.id,
            receiptNo: comment.receiptNo,
            answer: input.answer,
            previousAnswer: comment.answer,
            previousReason: comment.answerReason,
          },
          dedupKey,
          at,
        });
      }
      const { answered, total } = await this.comments.counts(input.windowId, manager);
      return { answered, total };
    });
  }

  /** How many comments the window has and how they were answered. */
  async commentSummary(input: { windowId: string }): Promise<CommentCounts> {
    if (!(await this.comments.findWindow(input.windowId))) {
      throw failure(ErrorCode.NotFound, `There is no comment window ${input.windowId}.`);
    }
    return this.comments.counts(input.windowId);
  }
}

function openedOf(window: { id: string; opensAt: Date; closesAt: Date; minimumClosesAt: Date }): OpenedCommentWindow {
  return {
    windowId: window.id,
    opensAt: window.opensAt.toISOString(),
    closesAt: window.closesAt.toISOString(),
    minimumClosesAt: window.minimumClosesAt.toISOString(),
  };
}

function describePeriod(period: Period): string {
  switch (period.unit) {
    case 'WORKING_DAYS':
      return `${period.amount} working days`;
    case 'CALENDAR_DAYS':
      return `${period.amount} days`;
    case 'HOURS':
      return `${period.amount} hours`;
    case 'SECONDS':
      return `${period.amount} seconds`;
  }
}

/** The calendar for counting these periods; none needed when all are test periods in seconds. */
async function snapshotFor(
  calendarRepository: CalendarRepository,
  periods: Period[],
): Promise<CalendarSnapshot | null> {
  if (periods.every((p) => p.unit === 'SECONDS')) return null;
  const calendar = await calendarRepository.snapshot();
  if (!calendar) {
    throw failure(ErrorCode.RuleViolation, 'The working-day calendar is empty; an administrator must load it.');
  }
  return calendar;
}

/**
 * The end of a period from `from`. A comment window cannot open without its closing time (the workflow's timer
 * waits for it), so a period the calendar cannot count refuses the act with the reason, instead of a task with no
 * due date.
 */
function countPeriod(from: Date, period: Period, calendar: CalendarSnapshot | null): Date {
  const empty: CalendarSnapshot = { years: new Set(), version: 0, holidays: new Set(), adjustedWorkdays: new Set() };
  try {
    return periodEnd(from, period, calendar ?? empty);
  } catch (err) {
    if (err instanceof CalendarRangeError || err instanceof RangeError) {
      throw failure(ErrorCode.RuleViolation, err.message);
    }
    throw err;
  }
}
