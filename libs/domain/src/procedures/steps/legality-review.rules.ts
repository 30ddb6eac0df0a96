/**
 * Pure rules of the legality review (合法性审核／审查) that every procedure shares: an opinion binds the exact text the
 * reviewer read (its SHA-256), and a gate after the review passes only while the text is still that text.
 */

/** A reviewer's conclusion on a draft (国办发〔2018〕115号 (六): 合法 / 不合法 / 应当予以修改). */
export type OpinionConclusion = 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND';

/** The latest opinion as far as the binding rule is concerned. */
export interface ReviewedText {
  conclusion: string;
  /** SHA-256 of the version the reviewer read and signed. */
  sha256: string;
  version?: number;
}

/** Why a gate after the review is closed: no opinion, an opinion that does not let the text go on, or a changed text. */
export type ReviewGap = 'NO_OPINION' | 'NOT_PASSING' | 'TEXT_CHANGED';

/**
 * Whether the text may pass a gate after the legality review. `passing` says which conclusions let a text go on in
 * this procedure (a must-amend opinion answered with a statement may go to deliberation in one statute, not in
 * another). Null when the gate may pass.
 */
export function reviewGap(
  last: ReviewedText | undefined,
  currentSha256: string | undefined,
  passing: (conclusion: string) => boolean,
): ReviewGap | null {
  if (!last) return 'NO_OPINION';
  if (!passing(last.conclusion)) return 'NOT_PASSING';
  if (currentSha256 !== last.sha256) return 'TEXT_CHANGED';
  return null;
}

/** True when the text changed since the reviewer signed it, so the review has to be done again. */
export function textChangedSince(last: ReviewedText | undefined, currentSha256: string | undefined): boolean {
  return !!last && currentSha256 !== undefined && currentSha256 !== last.sha256;
}

/** The refusal a gate gives when the text changed after the opinion; `basis` names the article. */
export function changedTextRefusal(last: ReviewedText, currentSha256: string, gate: string, basis: string): string {
  const version = last.version !== undefined ? `version ${last.version}, ` : '';
  return (
    `${gate} is refused: the legality opinion (${last.conclusion}) binds the text it reviewed (${version}SHA-256 ` +
    `${last.sha256.slice(0, 12)}…), and the text is now ${currentSha256.slice(0, 12)}…; it goes back to legality ` +
    `review first (${basis}).`
  );
}
