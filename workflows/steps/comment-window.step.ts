import type { UpdateDefinition } from '@temporalio/common';
import { condition, setHandler } from '@temporalio/workflow';
import { acts, refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import {
  ErrorCode,
  type Period,
  type Actor,
  mayCloseEarly,
  unansweredComments,
  type CommentWindowState,
  Role,
} from '@lawgate/domain';

type ActorArgs = { actor: Actor };
type OpenArgs = { period?: Period; shortenedReason?: string; actor: Actor };
type AnswerArgs = { commentId: string; answer: string; reason: string; actor: Actor };
type ExtendArgs = { extension: Period; reason: string; actor: Actor };

export interface CommentWindowOptions<S extends string, Snap> {
  /** The stage the window belongs to, and the basis a refusal names. */
  stage: S;
  basis: string;
  /** Refuses a person who may not act for the drafting side. */
  mayAct: (actor: Actor, what: string) => void;
  /** The statutory minimum the window lasts, and the key that makes opening it idempotent. */
  minimum: () => Period;
  idempotencyKey: () => string;
  /** Extra checks on the period asked for (a shorter one needs a published reason). */
  checkPeriod?: (args: OpenArgs) => void;
  /** Whether the open stage task is closed by publishing (else it stays open until the comments are answered). */
  publishingClosesTask: boolean;
  /** How the sign-off states the window (and the published reason for a shorter one). */
  publishedOpinion: (closesAt: string, reason: string | null) => string;
  /** A window shortened with a published reason may close at its own (earlier) end. */
  reasonEndsMinimum: boolean;
  /** Runs once the window has closed by itself or on request (e.g. opens the task of answering the comments). */
  afterClose?: () => Promise<void>;
  updates: {
    open: UpdateDefinition<Snap, [OpenArgs]>;
    close: UpdateDefinition<Snap, [ActorArgs]>;
    answer: UpdateDefinition<Snap, [AnswerArgs]>;
    extend?: UpdateDefinition<Snap, [ExtendArgs]>;
  };
}

/**
 * The public comment window (公开征求意见), written once: publishing the draft, extending and closing the window (never
 * before its statutory minimum), answering every comment, and the durable timer that closes it at its end.
 */
export class CommentWindow<S extends string, Snap> {
  window: CommentWindowState | null = null;
  /** Bumped whenever the window's end moves or a close is asked for, so the timer re-arms. */
  private revision = 0;
  private closeRequested = false;

  constructor(
    private readonly p: ProcedureRun<S, Snap>,
    private readonly o: CommentWindowOptions<S, Snap>,
  ) {
    this.registerOpen();
    this.registerCloseAndExtend();
    this.registerAnswer();
  }

  /** A new round of the procedure consults afresh. */
  reset(): void {
    this.window = null;
    this.revision = 0;
    this.closeRequested = false;
  }

  /** For the snapshot: a copy, so a client never holds the live state. */
  view(): CommentWindowState | null {
    const w = this.window;
    return w ? { ...w, commentIds: [...w.commentIds], answeredIds: [...w.answeredIds] } : null;
  }

  /** Refuses to leave the stage before the window closed and every comment was answered. */
  requireAnswered(): void {
    const w = this.window;
    if (!w) refuse(ErrorCode.RuleViolation, `The draft has not been published for comment yet (${this.o.basis}).`);
    if (!w.closed) {
      refuse(ErrorCode.RuleViolation, `The comment window is open until ${w.closesAt}; it cannot be skipped.`);
    }
    const open = unansweredComments(w);
    if (open.length > 0) {
      refuse(
        ErrorCode.RuleViolation,
        `Every public comment must be answered before the procedure moves on; ${open.length} are not (${this.o.basis}).`,
      );
    }
  }

  private registerOpen(): void {
    const { p, o } = this;
    p.step(o.updates.open, {
      check: (args) => {
        o.mayAct(args.actor, 'publish the draft for comment');
        p.requireStage(o.stage, 'Publishing the draft for comment');
        if (this.window) refuse(ErrorCode.WrongStage, 'The draft has already been published for comment.');
        if (args.shortenedReason !== undefined) {
          p.requireText(args.shortenedReason, 'A shortened comment period needs its reason, which is published.');
        }
        o.checkPeriod?.(args);
      },
      run: async (args) => {
        const draft = p.documents.DRAFT!;
        const reason = args.shortenedReason?.trim() || null;
        const minimum = o.minimum();
        const opened = await acts.openCommentWindow({
          procedureId: p.procedureId,
          workflowId: p.workflowId,
          title: p.title,
          draftVersionId: draft.versionId,
          draftSha256: draft.sha256,
          period: args.period ?? minimum,
          minimumPeriod: minimum,
          shortenedReason: reason,
          idempotencyKey: o.idempotencyKey(),
        });
        await p.sign({
          taskId: o.publishingClosesTask ? p.openTaskId : null,
          decision: 'PUBLISHED_FOR_COMMENT',
          opinion: o.publishedOpinion(opened.closesAt, reason),
          actor: args.actor,
          role: Role.Drafter,
          sha256: draft.sha256,
        });
        if (o.publishingClosesTask) p.closeTask();
        this.window = {
          windowId: opened.windowId,
          opensAt: opened.opensAt,
          closesAt: opened.closesAt,
          minimumClosesAt: reason && o.reasonEndsMinimum ? opened.closesAt : opened.minimumClosesAt,
          shortenedReason: reason,
          closed: false,
          commentIds: [],
          answeredIds: [],
        };
      },
    });
  }

  private registerCloseAndExtend(): void {
    const { p, o } = this;
    setHandler(
      o.updates.close,
      async () => {
        this.closeRequested = true;
        this.revision++;
        await condition(() => this.window?.closed === true);
        return p.snapshot();
      },
      {
        validator: (args: ActorArgs) => {
          o.mayAct(args.actor, 'close the comment period');
          p.requireStage(o.stage, 'Closing the comment period');
          const w = this.window;
          if (!w || w.closed) refuse(ErrorCode.WrongStage, 'There is no open comment window to close.');
          if (!mayCloseEarly(w, Date.now())) {
            refuse(
              ErrorCode.RuleViolation,
              `The comment window may not close before ${w.minimumClosesAt}: that is the statutory minimum ` +
                `(${o.basis}).`,
            );
          }
        },
      },
    );
    if (!o.updates.extend) return;
    p.step(o.updates.extend, {
      check: (args) => {
        o.mayAct(args.actor, 'extend the comment period');
        p.requireStage(o.stage, 'Extending the comment period');
        if (!this.window || this.window.closed) {
          refuse(ErrorCode.WrongStage, 'There is no open comment window to extend.');
        }
        p.requireText(args.reason, 'An extension of the comment period needs a reason; it is recorded.');
        if (!(args.extension.amount > 0)) refuse(ErrorCode.RuleViolation, 'An extension must be longer than zero.');
      },
      run: async (args) => {
        const w = this.window!;
        const { closesAt } = await acts.extendCommentWindow({
          windowId: w.windowId,
          extension: args.extension,
          reason: args.reason,
          actor: args.actor,
          idempotencyKey: p.updateKey('extend'),
        });
        w.closesAt = closesAt;
        this.revision++;
      },
    });
  }

  private registerAnswer(): void {
    const { p, o } = this;
    p.step(o.updates.answer, {
      check: (args) => {
        o.mayAct(args.actor, 'answer public comments');
        p.requireStage(o.stage, 'Answering public comments');
        const w = this.window;
        if (!w || !w.closed) refuse(ErrorCode.WrongStage, 'Comments are answered once the comment window has closed.');
        if (!w.commentIds.includes(args.commentId)) {
          refuse(ErrorCode.NotFound, `Comment ${args.commentId} was not received in this procedure's window.`);
        }
        if (args.answer !== 'ADOPTED') {
          p.requireText(args.reason, `A comment not (fully) adopted needs the reason it was not adopted (${o.basis}).`);
        }
      },
      run: async (args) => {
        const w = this.window!;
        await acts.answerComment({
          windowId: w.windowId,
          commentId: args.commentId,
          answer: args.answer as 'ADOPTED',
          reason: args.reason,
          actor: args.actor,
          idempotencyKey: p.updateKey(`answer:${args.commentId}`),
        });
        if (!w.answeredIds.includes(args.commentId)) w.answeredIds.push(args.commentId);
      },
    });
  }

  /** The stage's timer: waits until the window closes (at its end, possibly extended, or early once asked). */
  async run(): Promise<void> {
    const { p, o } = this;
    const here = () => p.stage === o.stage;
    await condition(() => this.window !== null || !here());
    const w = this.window;
    if (!w || !here()) return;
    while (!this.closeRequested && here()) {
      const revision = this.revision;
      const left = Date.parse(w.closesAt) - Date.now();
      if (left <= 0) break;
      await condition(() => this.revision !== revision || !here(), left);
    }
    if (!here()) return;
    await condition(() => !p.busy);
    if (!here() || w.closed) return;
    p.busy = true;
    try {
      const closed = await acts.closeCommentWindow({ windowId: w.windowId });
      // Shown closed once what follows the close is open too (the task of answering the comments).
      if (o.afterClose) await o.afterClose();
      w.closed = true;
      w.commentIds = closed.commentIds;
    } finally {
      p.busy = false;
    }
  }
}
