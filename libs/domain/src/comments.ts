import { legalBasis } from './legal-bases';
import type { LegalBasis, Period } from './periods';

/**
 * Public consultation on a draft (公开征求意见, regulations.md §2.2 B4, gate G-B4). Pure: the workflow imports it
 * too, so nothing here may reach Node, Nest or the database.
 */

/**
 * How the drafting unit answers a comment. The consultation record that goes to legality review (B6 inputs) lists
 * each comment with whether it was adopted, so every comment gets one of these before the procedure moves on.
 */
export type CommentAnswer = 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

export const COMMENT_ANSWERS: readonly CommentAnswer[] = ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'];

/** An answer that does not adopt the comment in full must say why: the commenter and the reviewers read it. */
export function answerNeedsReason(answer: CommentAnswer): boolean {
  return answer !== 'ADOPTED';
}

/** The statutory minimum comment periods; policy values, because the reference marks part of them unverified. */
export interface CommentPeriodPolicy {
  /** Documents with a major effect on rights and obligations or the public's vital interests. */
  generalCommentPeriod: Period;
  /** Documents closely tied to the production and business of market actors. */
  businessCommentPeriod: Period;
}

/**
 * The defaults: 7 working days in general (the national rule-of-law demonstration indicator; 国办发〔2018〕37号
 * itself was not read in full), 30 calendar days for documents that concern market actors (优化营商环境条例 Art 62
 * says 30 日, which is calendar days). Both are "一般" (as a rule), so a shorter window is possible with a reason.
 */
export const DEFAULT_COMMENT_PERIODS: CommentPeriodPolicy = {
  generalCommentPeriod: { amount: 7, unit: 'WORKING_DAYS' },
  businessCommentPeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
};

/** Why each minimum exists, with the verification status the domain reference gives it (regulations.md §2.2 B4). */
export const COMMENT_PERIOD_BASIS: { general: LegalBasis; business: LegalBasis } = {
  // Verified only at second hand (the demonstration indicator quotes it); 37号's own wording was not found.
  general: legalBasis('GB37/comment'),
  business: legalBasis('OBE/62'),
};

/** The minimum comment period for a document: the business one when it concerns market actors, else the general. */
export function commentPeriodFor(
  touchesBusiness: boolean,
  policy: { generalCommentPeriod: Period; businessCommentPeriod: Period },
): Period {
  return touchesBusiness ? policy.businessCommentPeriod : policy.generalCommentPeriod;
}

/** The legal basis of the minimum that `commentPeriodFor` chose. */
export function commentPeriodBasisFor(touchesBusiness: boolean): LegalBasis {
  return touchesBusiness ? COMMENT_PERIOD_BASIS.business : COMMENT_PERIOD_BASIS.general;
}
