import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../../bench/pre-review';

const corpus = JSON.parse(readFileSync(join(__dirname, '../fixtures/pre-review/clauses.json'), 'utf8')) as {
  clauses: { id: string; text: string; source: Record<string, string>; findings: string[] }[];
};

const readSet = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/pre-review', file), 'utf8')) as {
    clauses: { id: string; text: string; source: Record<string, string> }[];
  };

describe('pre-review corpus and benchmark', () => {
  it('has at least 150 clauses, half of them must-not-flag, each published one cited and each other one marked constructed', () => {
    expect(corpus.clauses.length).toBeGreaterThanOrEqual(150);
    expect(corpus.clauses.filter((c) => c.findings.length === 0).length * 2).toBeGreaterThanOrEqual(
      corpus.clauses.length,
    );
    for (const c of corpus.clauses) {
      if (c.source.kind === 'constructed') continue;
      expect(c.source).toEqual(
        expect.objectContaining({ kind: 'published', repository: expect.any(String), path: expect.any(String) }),
      );
      expect(c.source.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('holds the targets on the development corpus (the rules were written against it: a regression floor, not an estimate)', () => {
    const dev = measure('development');
    expect(dev.setsMeasure.any.recall).toBeGreaterThanOrEqual(0.95);
    expect(dev.noBasisOfRequiredRank.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('scores the first held-out clauses (the licence rules were extended with its misses in view: now a floor)', () => {
    const held = measure('heldOut');
    expect(held.corpus.clauses).toBe(40);
    expect(held.noBasisOfRequiredRank.precision).toBeGreaterThanOrEqual(0.8);
    expect(held.setsMeasure.any.recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['heldOutFresh', 'heldOut3'] as const)(
    'scores the held-out draw %s (measured once, then tuned on: now a floor)',
    (name) => {
      const held = measure(name);
      expect(held.noBasisOfRequiredRank.precision).toBeGreaterThanOrEqual(0.8);
      expect(held.setsMeasure.any.recall).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('holds the targets over the union of every set', () => {
    const all = measure('all');
    expect(all.corpus.clauses).toBe(341);
    expect(all.setsMeasure.any.recall).toBeGreaterThanOrEqual(0.95);
    expect(all.noBasisOfRequiredRank.precision).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['heldout-fresh.json', 'heldOutFresh', 30],
    ['heldout-3.json', 'heldOut3', 40],
    ['heldout-4.json', 'heldOut4', 40],
  ] as const)(
    'keeps the held-out draw %s apart: cited, published clauses, none in another set (figures in the docs)',
    (file, name, size) => {
      const draw = readSet(file);
      const elsewhere = new Set(
        ['clauses.json', 'heldout.json', 'heldout-fresh.json', 'heldout-3.json', 'heldout-4.json']
          .filter((f) => f !== file)
          .flatMap((f) => readSet(f).clauses.map((c) => c.text)),
      );
      expect(draw.clauses).toHaveLength(size);
      expect(new Set(draw.clauses.map((c) => c.id)).size).toBe(size);
      for (const c of draw.clauses) {
        expect(c.source).toEqual(expect.objectContaining({ kind: 'published', path: expect.any(String) }));
        expect(c.source.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(elsewhere.has(c.text)).toBe(false);
      }
      expect(measure(name).corpus.clauses).toBe(size);
    },
  );
});
