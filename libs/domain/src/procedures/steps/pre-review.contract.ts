/**
 * The reviewer's word on each finding of the automatic pre-review of the text under review: confirmed or dismissed,
 * with a reason. The API joins the findings (computed from the exact version the opinion binds) with the reviewer's
 * decisions and hands them to the opinion's update; the sign-off writes both into the ledger entry of the opinion.
 */
export interface PreReviewDecision {
  /** The finding's key: rule, clause index and the words that triggered it. */
  key: string;
  ruleId: string;
  /** The rule's title (zh). */
  rule: string;
  /** The clause the finding is about (null: the whole document). */
  clause: string | null;
  words: string;
  /** UNDECIDED: the client signed without sending decisions (an older client); the ledger says so. */
  decision: 'CONFIRMED' | 'DISMISSED' | 'UNDECIDED';
  reason: string;
}

const DECISION_WORDS: Record<PreReviewDecision['decision'], string> = {
  CONFIRMED: '确认',
  DISMISSED: '排除',
  UNDECIDED: '未处理',
};

/** The opinion as the ledger records it: the reviewer's reasons, then each pre-review finding and its decision. */
export function opinionWithPreReview(opinion: string, decisions: readonly PreReviewDecision[] | undefined): string {
  if (!decisions?.length) return opinion;
  const lines = decisions.map(
    (d, i) =>
      `${i + 1}. [${DECISION_WORDS[d.decision]}] ${d.rule}（${d.ruleId}）` +
      `${d.clause ? `：「${d.clause.slice(0, 120)}」` : ''}（${d.words}）${d.reason ? `——${d.reason}` : ''}`,
  );
  return `${opinion}\n【自动预审发现及审核人意见】\n${lines.join('\n')}`;
}
