import { catalogPeriodAt, catalogPeriodsDue, filingReviewStatusOf } from './filing-catalog';

describe('the filing catalog’s periods (E3, G-E5)', () => {
  it('should cut quarters and months in China Standard Time', () => {
    // 2026-03-31 17:00 UTC is 1 April 01:00 CST: the second quarter has begun.
    expect(catalogPeriodAt('QUARTERLY', new Date('2026-03-31T17:00:00Z'))).toEqual({
      key: '2026-Q2',
      start: '2026-03-31T16:00:00.000Z',
      end: '2026-06-30T16:00:00.000Z',
      label: '2026年第2季度',
    });
    expect(catalogPeriodAt('QUARTERLY', new Date('2026-12-31T15:59:59Z')).key).toBe('2026-Q4');
    expect(catalogPeriodAt('QUARTERLY', new Date('2026-12-31T16:00:00Z')).key).toBe('2027-Q1');
    expect(catalogPeriodAt('MONTHLY', new Date('2026-02-10T00:00:00Z'))).toMatchObject({
      key: '2026-02',
      end: '2026-02-28T16:00:00.000Z',
      label: '2026年2月',
    });
  });

  it('should publish only closed periods: the last one at first, then each one after the newest edition', () => {
    const now = new Date('2026-08-15T00:00:00Z');
    expect(catalogPeriodsDue('QUARTERLY', now, null).map((p) => p.key)).toEqual(['2026-Q2']);
    expect(catalogPeriodsDue('QUARTERLY', now, new Date('2026-06-30T16:00:00Z'))).toEqual([]);
    const gap = catalogPeriodsDue('QUARTERLY', now, new Date('2025-12-31T16:00:00Z'));
    expect(gap.map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2']);
    expect(catalogPeriodsDue('MONTHLY', now, new Date('2026-01-31T16:00:00Z'), null, 3).map((p) => p.key)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
  });

  it('should cut windows of seconds under the demonstration policy only', () => {
    const demo = { amount: 20, unit: 'SECONDS' as const };
    const p = catalogPeriodAt('QUARTERLY', new Date('2026-08-15T00:00:07Z'), demo);
    expect(p).toMatchObject({ start: '2026-08-15T00:00:00.000Z', end: '2026-08-15T00:00:20.000Z' });
    expect(catalogPeriodsDue('QUARTERLY', new Date('2026-08-15T00:00:41Z'), null, demo)[0].start).toBe(
      '2026-08-15T00:00:20.000Z',
    );
    expect(() => catalogPeriodAt('MONTHLY', new Date(), { amount: 1, unit: 'CALENDAR_DAYS' })).toThrow(RangeError);
  });
});

describe('the review status written back to the issuing procedure’s filing', () => {
  it('should name each outcome of the case and nothing else', () => {
    expect(filingReviewStatusOf('FILING_REGISTERED')).toBe('REGISTERED');
    expect(filingReviewStatusOf('FILING_NOT_REGISTERED_NOT_NORMATIVE')).toBe('NOT_REGISTERED');
    expect(filingReviewStatusOf('FILING_DEFERRED')).toBe('DEFERRED');
    expect(filingReviewStatusOf('FILING_REVIEW_PASSED')).toBe('PASSED');
    expect(filingReviewStatusOf('FILING_REVIEW_FORMAL_OPINION')).toBe('FORMAL_OPINION');
    expect(filingReviewStatusOf('FILING_REVIEW_ESCALATE')).toBe('ESCALATED');
    expect(filingReviewStatusOf('GOVERNMENT_REVOKE')).toBe('GOVERNMENT_REVOKE');
    expect(filingReviewStatusOf('FILING_FOLLOW_UP_NOTICE')).toBeNull();
    expect(filingReviewStatusOf('LEGALITY_OPINION')).toBeNull();
  });
});
