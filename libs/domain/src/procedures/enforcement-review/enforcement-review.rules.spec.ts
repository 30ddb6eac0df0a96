import { CHECKLIST_ITEMS, DEFAULT_ENFORCEMENT_REVIEW_POLICY } from './enforcement-review.contract';
import {
  catalogOf,
  checklistRefusal,
  classifyMajor,
  disclosurePeriodKey,
  missingCaseMaterials,
  needsQualifiedReviewer,
} from './enforcement-review.rules';
import { resolvePolicyVersion } from '../policies';

const all = (failed: Record<string, string> = {}) =>
  CHECKLIST_ITEMS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '' }));

describe('enforcement review rules', () => {
  it('should classify by the department catalog by measure and threshold, or by a statutory ground', () => {
    const mkt = catalogOf('JT-MKT');
    expect(mkt.version).toBe('2026.1');
    const fine = { measure: 'FINE' as const, field: '市场监管', statutoryGrounds: [] };
    expect(classifyMajor(mkt, { ...fine, amountYuan: 50000 })).toMatchObject({ major: true, itemKey: 'MKT-FINE' });
    expect(classifyMajor(mkt, { ...fine, amountYuan: 49999 })).toMatchObject({ major: false, itemKey: null });
    expect(classifyMajor(mkt, { ...fine, amountYuan: 1, statutoryGrounds: ['MAJOR_PUBLIC_INTEREST'] })).toMatchObject({
      major: true,
      itemKey: null,
    });
    // A department without a catalog of its own uses the default one (marked unverified).
    const other = catalogOf('JT-EDU');
    expect([other.version, other.verified]).toEqual(['default-2026.1', false]);
    expect(classifyMajor(other, { ...fine, amountYuan: 60000 }).major).toBe(false);
  });

  it('should list what is missing from the materials, evidence files and hearing record included', () => {
    const m = {
      facts: '事实',
      evidence: [{ title: '笔录', source: '现场', fileSha256: 'a'.repeat(64) }],
      provisions: ['第四十九条'],
      discretionStandard: '基准',
      proposedDecision: '罚款',
      hearingHeld: true,
      hearingRecordSha256: 'b'.repeat(64),
    };
    expect(missingCaseMaterials(m, { draft: true, evidence: ['a'.repeat(64)], hearing: ['b'.repeat(64)] })).toEqual([]);
    expect(missingCaseMaterials(m, { draft: false, evidence: [], hearing: [] })).toHaveLength(3);
  });

  it('should fit each conclusion to its checklist', () => {
    expect(checklistRefusal('AGREE', all())).toBeNull();
    expect(checklistRefusal('AGREE', all({ PROCEDURE: '未告知' }))).toContain('PROCEDURE');
    expect(checklistRefusal('PROBLEMS', all())).toContain('存在问题');
    expect(checklistRefusal('PROBLEMS', all({ PROCEDURE: '未告知' }))).toBeNull();
    expect(checklistRefusal('TRANSFER', all({ PROCEDURE: 'x' }))).toContain('NO_SUSPECTED_CRIME');
    expect(checklistRefusal('AGREE', all().slice(1))).toContain('BODY_AND_CREDENTIALS');
  });

  it('should take qualification, disclosure periods and the policy versions from policy', () => {
    expect(needsQualifiedReviewer(DEFAULT_ENFORCEMENT_REVIEW_POLICY, 'PENALTY')).toBe(true);
    expect(needsQualifiedReviewer(DEFAULT_ENFORCEMENT_REVIEW_POLICY, 'COERCION')).toBe(false);
    expect(needsQualifiedReviewer({ qualifiedReviewersFor: 'ALL' }, 'COERCION')).toBe(true);
    expect([disclosurePeriodKey('PERMIT'), disclosurePeriodKey('LEVY')]).toEqual([
      'disclosurePeriod',
      'otherDisclosurePeriod',
    ]);
    expect(DEFAULT_ENFORCEMENT_REVIEW_POLICY.unverified).toContain('reviewPeriod');
    expect(resolvePolicyVersion('ENFORCEMENT_REVIEW', 'er-2026.1', false)).toHaveProperty('policy');
    expect(resolvePolicyVersion('ENFORCEMENT_REVIEW', 'er-2026.1-demo', false)).toHaveProperty('refusal');
  });
});
