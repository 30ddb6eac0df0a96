import { opinionWithPreReview } from './pre-review.contract';

describe('the opinion as the ledger records it with the pre-review', () => {
  it('is the reasons alone when there were no findings', () => {
    expect(opinionWithPreReview('合法', undefined)).toBe('合法');
    expect(opinionWithPreReview('合法', [])).toBe('合法');
  });

  it('lists each finding with its rule, clause, words, decision and reason', () => {
    const text = opinionWithPreReview('第三条应删除', [
      {
        key: 'PENALTY_WITHOUT_BASIS:2:罚款',
        ruleId: 'PENALTY_WITHOUT_BASIS',
        rule: '设定行政处罚但无相应位阶的依据',
        clause: '第三条 处五十元罚款。',
        words: '罚款',
        decision: 'CONFIRMED',
        reason: '规范性文件不得设定罚款',
      },
      {
        key: 'MISSING_PART:doc:有效期',
        ruleId: 'MISSING_PART',
        rule: '缺少必备内容',
        clause: null,
        words: '有效期',
        decision: 'UNDECIDED',
        reason: '',
      },
    ]);
    expect(text.split('\n')).toEqual([
      '第三条应删除',
      '【自动预审发现及审核人意见】',
      '1. [确认] 设定行政处罚但无相应位阶的依据（PENALTY_WITHOUT_BASIS）：「第三条 处五十元罚款。」（罚款）——规范性文件不得设定罚款',
      '2. [未处理] 缺少必备内容（MISSING_PART）（有效期）',
    ]);
  });
});
