import {
  COMMENT_PERIOD_BASIS,
  DEFAULT_COMMENT_PERIODS,
  answerNeedsReason,
  commentPeriodBasisFor,
  commentPeriodFor,
} from './comments';
import { formatLegalBasis } from './periods';

describe(commentPeriodFor.name, () => {
  it('should give 7 working days in general and 30 calendar days for documents that concern market actors', () => {
    expect(commentPeriodFor(false, DEFAULT_COMMENT_PERIODS)).toEqual({ amount: 7, unit: 'WORKING_DAYS' });
    expect(commentPeriodFor(true, DEFAULT_COMMENT_PERIODS)).toEqual({ amount: 30, unit: 'CALENDAR_DAYS' });
  });

  it('should take the periods from the policy, so that tests and a changed rule need no code change', () => {
    const policy = {
      generalCommentPeriod: { amount: 5, unit: 'SECONDS' as const },
      businessCommentPeriod: { amount: 9, unit: 'SECONDS' as const },
    };
    expect(commentPeriodFor(false, policy)).toBe(policy.generalCommentPeriod);
    expect(commentPeriodFor(true, policy)).toBe(policy.businessCommentPeriod);
  });
});

describe('comment period legal basis', () => {
  it('should mark the business period verified and the general one not, as the reference does', () => {
    expect(commentPeriodBasisFor(true)).toBe(COMMENT_PERIOD_BASIS.business);
    expect(COMMENT_PERIOD_BASIS.business.verified).toBe(true);
    expect(formatLegalBasis(commentPeriodBasisFor(true))).toBe('《优化营商环境条例》 第六十二条（一般不少于30日）');
    expect(COMMENT_PERIOD_BASIS.general.verified).toBe(false);
    expect(formatLegalBasis(commentPeriodBasisFor(false))).toMatch(/7个工作日）（待核实）$/);
  });
});

describe(answerNeedsReason.name, () => {
  it('should need a reason unless the comment is adopted in full', () => {
    expect(answerNeedsReason('ADOPTED')).toBe(false);
    expect(answerNeedsReason('PARTLY_ADOPTED')).toBe(true);
    expect(answerNeedsReason('NOT_ADOPTED')).toBe(true);
  });
});
