/** One item of a review checklist as the reviewer answers it. */
export interface ChecklistAnswer<I extends string = string> {
  item: I;
  ok: boolean;
  note: string;
}

/** What a reviewer sends with a checklist opinion: the conclusion, its reasons and checklist, and the text reviewed. */
export interface ChecklistOpinionArgs<C extends string, I extends string> {
  taskId: string;
  conclusion: C;
  reasons: string;
  checklist: ChecklistAnswer<I>[];
  reviewedSha256: string;
  actor: { userId: string; displayName: string };
}

/**
 * The record of a checklist opinion (a legality review that answers a checklist item by item): the round, who gave
 * it on which text, when, and a copy of the checklist.
 */
export function checklistOpinion<C extends string, I extends string>(args: ChecklistOpinionArgs<C, I>, round: number) {
  return {
    round,
    taskId: args.taskId,
    conclusion: args.conclusion,
    reasons: args.reasons,
    checklist: args.checklist.map((c) => ({ ...c })),
    reviewerId: args.actor.userId,
    reviewerName: args.actor.displayName,
    reviewedSha256: args.reviewedSha256,
    givenAt: new Date().toISOString(),
  };
}

/** The opinion as signed into the ledger: its reasons and, under `heading`, each checklist item found wanting. */
export function checklistOpinionText(args: { reasons: string; checklist: ChecklistAnswer[] }, heading: string): string {
  const failed = args.checklist.filter((c) => !c.ok).map((c) => `${c.item}：${c.note}`);
  return args.reasons + (failed.length ? `\n${heading}：${failed.join('；')}` : '');
}
