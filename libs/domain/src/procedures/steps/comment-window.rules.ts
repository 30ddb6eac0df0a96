import type { CommentWindowState } from './steps.contract';

/** Pure rules of a public comment window (公开征求意见), shared by every procedure that consults the public. */

/** Comments received and not yet answered: every one must be answered before the procedure moves on. */
export function unansweredComments(window: Pick<CommentWindowState, 'commentIds' | 'answeredIds'>): string[] {
  return window.commentIds.filter((id) => !window.answeredIds.includes(id));
}

/** Whether the window may be closed at `nowMs` at a person's request (never before its statutory minimum). */
export function mayCloseEarly(window: Pick<CommentWindowState, 'minimumClosesAt'>, nowMs: number): boolean {
  return nowMs >= Date.parse(window.minimumClosesAt);
}

/** Milliseconds left until the window closes by itself (0 once it is due). */
export function msUntilClose(window: Pick<CommentWindowState, 'closesAt'>, nowMs: number): number {
  return Math.max(0, Date.parse(window.closesAt) - nowMs);
}
