import { DEFAULT_FILING_REVIEW_POLICY, DEMO_FILING_REVIEW_POLICY, FILING_STANDARDS } from './filing-review.contract';
import { DEFAULT_NORMATIVE_DOCUMENT_POLICY } from '../normative-document/normative-document.contract';
import { filingLate, registrationRefusal, standardsRefusal } from './filing-review.rules';

const all = (failed: Record<string, string> = {}) =>
  FILING_STANDARDS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '' }));

describe('filing review rules', () => {
  it('fits the standards to the outcome', () => {
    expect(standardsRefusal('PASSED', all())).toBeNull();
    expect(standardsRefusal('PASSED', all({ APPROPRIATE: '措施过严' }))).toContain('APPROPRIATE');
    expect(standardsRefusal('TECHNICAL', all({ DRAFTING_TECHNIQUE: '条文序号错误' }))).toBeNull();
    expect(standardsRefusal('TECHNICAL', all({ WITHIN_POWERS: '越权' }))).toContain('drafting-technique');
    expect(standardsRefusal('FORMAL_OPINION', all({ DRAFTING_TECHNIQUE: '序号' }))).toContain('substantive');
    expect(
      standardsRefusal('FORMAL_OPINION', all({ NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE: '设定罚款' })),
    ).toBeNull();
    expect(standardsRefusal('ESCALATE', all({ WITHIN_POWERS: '' }))).toContain('note');
    expect(standardsRefusal('PASSED', all().slice(1))).toContain('MAKER_COMPETENT');
  });

  it('needs a ground and reasons for a refusal, and the missing list for a deferral', () => {
    expect(registrationRefusal({ decision: 'REFUSE', reasons: '内部管理文件' })).toContain('ground');
    expect(registrationRefusal({ decision: 'REFUSE', ground: 'NOT_NORMATIVE', reasons: ' ' })).toContain('reasons');
    expect(registrationRefusal({ decision: 'DEFER', reasons: '', missing: [''] })).toContain('missing');
    expect(registrationRefusal({ decision: 'REGISTER', reasons: '', ground: 'OUT_OF_SCOPE' })).toContain('ground');
    expect(registrationRefusal({ decision: 'REGISTER', reasons: '' })).toBeNull();
  });

  it('knows a late filing', () => {
    expect(filingLate('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(true);
    expect(filingLate('2026-02-28T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(false);
    expect(filingLate('2026-02-28T00:00:00Z', null)).toBe(false);
  });
});

describe('where filings arrive', () => {
  it('receives, as filing-review cases, the filings of the documents a department issues', () => {
    // A department's document is filed with the recipients the normative-document policy names; the district
    // government's office receives one of them here, or no filing made in LawGate would ever arrive as a case.
    for (const policy of [DEFAULT_FILING_REVIEW_POLICY, DEMO_FILING_REVIEW_POLICY]) {
      expect(DEFAULT_NORMATIVE_DOCUMENT_POLICY.filingRecipients.DEPARTMENT).toContain(policy.receivingOrgan);
      expect(DEFAULT_NORMATIVE_DOCUMENT_POLICY.filingRecipients.GOVERNMENT).not.toContain(policy.receivingOrgan);
    }
  });
});
