import {
  formatDocumentNumber,
  nextFilingStatus,
  parseDocumentNumber,
  registrationYear,
  validityYearsFor,
  validUntilOf,
  type FilingEvent,
  type FilingStatus,
} from './register';

describe('document numbers (GB/T 9704-2012 form)', () => {
  it('should print the year in 〔〕 and the sequence without leading zeros', () => {
    expect(formatDocumentNumber('坛政规', 2026, 3)).toBe('坛政规〔2026〕3号');
    expect(formatDocumentNumber('坛教规', 2027, 120)).toBe('坛教规〔2027〕120号');
  });

  it.each<[string, string, number, number]>([
    ['an empty prefix', '', 2026, 1],
    ['a prefix with digits or brackets', '坛政规1', 2026, 1],
    ['a sequence of 0', '坛政规', 2026, 0],
    ['a negative sequence', '坛政规', 2026, -2],
    ['a fractional sequence', '坛政规', 2026, 1.5],
    ['a two-digit year', '坛政规', 26, 1],
    ['a fractional year', '坛政规', 2026.5, 1],
  ])('should refuse %s', (_what, prefix, year, seq) => {
    expect(() => formatDocumentNumber(prefix, year, seq)).toThrow(RangeError);
  });

  it('should parse what it prints, and nothing else', () => {
    expect(parseDocumentNumber('坛政规〔2026〕3号')).toEqual({ prefix: '坛政规', year: 2026, seq: 3 });
    expect(parseDocumentNumber(formatDocumentNumber('苏政规', 2025, 5))).toEqual({
      prefix: '苏政规',
      year: 2025,
      seq: 5,
    });
    for (const text of [
      '坛政规〔2026〕03号',
      '坛政规〔26〕3号',
      '坛政规[2026]3号',
      '坛政规〔2026〕第3号',
      '〔2026〕3号',
      '',
    ]) {
      expect(parseDocumentNumber(text)).toBeNull();
    }
  });
});

describe('validity (policy values, not constants)', () => {
  const policy = { defaultValidityYears: 5, provisionalValidityYears: 2 };

  it('should give provisional documents (暂行, 试行) the shorter validity', () => {
    expect(validityYearsFor('金坛区校外培训机构管理办法', policy)).toBe(5);
    expect(validityYearsFor('金坛区校外培训机构管理暂行办法', policy)).toBe(2);
    expect(validityYearsFor('金坛区农村集体资产管理办法（试行）', policy)).toBe(2);
    expect(validityYearsFor('暂行', { defaultValidityYears: 4, provisionalValidityYears: 3 })).toBe(3);
  });

  it('should end the day before the anniversary, in China Standard Time', () => {
    expect(validUntilOf(new Date('2026-03-01T02:00:00Z'), 5)).toBe('2031-02-28');
    // 23:30 UTC on 31 December is already 1 January in China.
    expect(validUntilOf(new Date('2026-12-31T23:30:00Z'), 2)).toBe('2028-12-31');
    expect(validUntilOf(new Date('2028-02-29T04:00:00Z'), 2)).toBe('2030-02-28');
    expect(() => validUntilOf(new Date(), 0)).toThrow(RangeError);
  });

  it('should count the registration year in China Standard Time', () => {
    expect(registrationYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(registrationYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});

describe('the filing correction loop', () => {
  it.each<[FilingStatus, FilingEvent, FilingStatus | null]>([
    ['PENDING', 'SUBMITTED', 'SUBMITTED'],
    ['SUBMITTED', 'CORRECTION_REQUESTED', 'CORRECTION_REQUESTED'],
    ['CORRECTION_REQUESTED', 'RESUBMITTED', 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPTED', 'ACCEPTED'],
    ['PENDING', 'ACCEPTED', null],
    ['CORRECTION_REQUESTED', 'ACCEPTED', null],
    ['ACCEPTED', 'CORRECTION_REQUESTED', null],
    ['ACCEPTED', 'SUBMITTED', null],
    ['SUBMITTED', 'RESUBMITTED', null],
  ])('from %s, %s should lead to %s', (status, event, next) => {
    expect(nextFilingStatus(status, event)).toBe(next);
  });
});
