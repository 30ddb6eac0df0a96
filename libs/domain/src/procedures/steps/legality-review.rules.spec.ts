import { changedTextRefusal, reviewGap, textChangedSince } from './legality-review.rules';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const lawfulOnly = (c: string) => c === 'LAWFUL';

describe('legality review rules', () => {
  it('should close a later gate until an opinion is given', () => {
    expect(reviewGap(undefined, A, lawfulOnly)).toBe('NO_OPINION');
  });

  it('should close a later gate on an opinion that does not let the text go on', () => {
    expect(reviewGap({ conclusion: 'UNLAWFUL', sha256: A }, A, lawfulOnly)).toBe('NOT_PASSING');
    expect(reviewGap({ conclusion: 'MUST_AMEND', sha256: A }, A, (c) => c !== 'UNLAWFUL')).toBeNull();
  });

  it('should bind the opinion to the exact text reviewed', () => {
    expect(reviewGap({ conclusion: 'LAWFUL', sha256: A }, A, lawfulOnly)).toBeNull();
    expect(reviewGap({ conclusion: 'LAWFUL', sha256: A }, B, lawfulOnly)).toBe('TEXT_CHANGED');
    expect(textChangedSince({ conclusion: 'LAWFUL', sha256: A }, B)).toBe(true);
    expect(textChangedSince({ conclusion: 'LAWFUL', sha256: A }, A)).toBe(false);
    expect(textChangedSince(undefined, B)).toBe(false);
  });

  it('should name the version, both hashes and the article in the refusal', () => {
    const message = changedTextRefusal({ conclusion: 'LAWFUL', sha256: A, version: 1 }, B, 'The meeting', '第二十五条');
    expect(message).toContain('version 1');
    expect(message).toContain('aaaaaaaaaaaa…');
    expect(message).toContain('bbbbbbbbbbbb…');
    expect(message).toContain('第二十五条');
  });
});
