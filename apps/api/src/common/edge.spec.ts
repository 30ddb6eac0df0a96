import { checkRequestTarget, EdgeRefusal, MAX_JSON_DEPTH, parseJsonBody } from './edge';
import { isRealDate, unrealDates } from './validation';

const parse = (text: string) => parseJsonBody(Buffer.from(text), JSON.parse);

describe(parseJsonBody.name, () => {
  it('should read a JSON object', () => {
    expect(parse('{"a":[1,{"b":"c"}]}')).toEqual({ a: [1, { b: 'c' }] });
  });

  it('should refuse nesting deeper than the limit without recursing into it', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(() => parse(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).not.toThrow();
    expect(() => parse(`{"a":${nested(MAX_JSON_DEPTH)}}`)).toThrow(/deeper than 32/);
    expect(() => parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))).toThrow(/deeper/);
    // Brackets inside strings are text, not nesting.
    expect(parse(`{"a":"${'['.repeat(100)}"}`)).toEqual({ a: '['.repeat(100) });
  });

  it('should refuse NUL, raw or escaped, and invalid UTF-8', () => {
    expect(() => parse('{"a":"x\u0000"}')).toThrow(/NUL/);
    expect(() => parse('{"a":"x\\u0000"}')).toThrow(/NUL/);
    expect(parse('{"a":"x\\\\u0000"}')).toEqual({ a: 'x\\u0000' });
    expect(() => parseJsonBody(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), JSON.parse)).toThrow(/UTF-8/);
  });

  it('should refuse a body that is not a JSON object', () => {
    for (const text of ['null', '[]', '"a"', '1', 'true', '', '  ']) {
      expect(() => parse(text)).toThrow(EdgeRefusal);
    }
  });
});

describe(checkRequestTarget.name, () => {
  it('should pass ordinary addresses and refuse NUL, control characters and broken escapes', () => {
    expect(() => checkRequestTarget('/api/public/register?q=%E5%8A%9E%E6%B3%95&limit=5')).not.toThrow();
    expect(() => checkRequestTarget('/api/public/register?q=a%00b')).toThrow(/NUL/);
    expect(() => checkRequestTarget('/api/x%1F')).toThrow(/control/);
    expect(() => checkRequestTarget('/api/public/register?q=%FF')).toThrow(/UTF-8/);
    expect(() => checkRequestTarget('/api/public/register?q=%E4%B8')).toThrow(/UTF-8/);
  });
});

describe(isRealDate.name, () => {
  it('should tell real dates from rolled-over ones', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-13-45')).toBe(false);
    expect(isRealDate('2026-11-20T08:30:00+08:00')).toBe(true);
    expect(isRealDate('2026-11-20T25:00:00Z')).toBe(false);
    expect(isRealDate('not a date')).toBe(true);
    expect(unrealDates({ from: '2026-02-30', nested: { at: ['2026-01-01', '2026-04-31'] } })).toEqual([
      'from',
      'nested.at.1',
    ]);
  });
});
