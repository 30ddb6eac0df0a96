import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  INSTRUMENTS,
  LEGAL_BASES,
  cite,
  legalBasis,
  type BasisEntry,
  formatLegalBasis,
  MAJOR_DECISION_STAGE_BASIS,
  MajorDecisionStage,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NormativeDocumentStage,
  PROCEDURE_DEFINITIONS,
} from '@lawgate/domain';

const ROOT = join(__dirname, '..', '..');

/** 一 … 九十九 as a number. */
function numeral(text: string): number {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!text.includes('十')) return digits[text];
  const [tens, ones] = text.split('十');
  return (tens ? digits[tens] : 1) * 10 + (ones ? digits[ones] : 0);
}

/** Decree 713 as held in the fixture: article number → its paragraphs. */
function decree(): Map<number, string[]> {
  const articles = new Map<number, string[]>();
  let current: number | null = null;
  for (const line of readFileSync(join(ROOT, 'test/fixtures/law/decree-713.txt'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const head = /^第([一二三四五六七八九十]+)条 /.exec(line);
    if (head) {
      current = numeral(head[1]);
      articles.set(current, [line.slice(head[0].length)]);
    } else if (current !== null) {
      articles.get(current)!.push(line);
    }
  }
  return articles;
}

/** Every TypeScript source under `dir` (no tests). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.(spec|d)\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('the table of legal bases', () => {
  const text = decree();
  const d713 = Object.entries(LEGAL_BASES as Record<string, BasisEntry>).filter(([, e]) => e.instrument === 'D713');

  it.each(d713.filter(([, e]) => e.quote))('%s stands in the decree where it is cited', (_key, e) => {
    const m =
      /^第([一二三四五六七八九十]+)条(?:第([一二三四五六七八九十]+)款|第（([一二三四五六七八九十]+)）项)?$/.exec(
        e.article,
      );
    expect(m).not.toBeNull();
    const paragraphs = text.get(numeral(m![1]));
    expect(paragraphs).toBeDefined();
    const where = m![2] ? [paragraphs![numeral(m![2]) - 1]] : paragraphs!;
    const found = where.some((p) => p?.includes(e.quote!));
    if (!found) throw new Error(`${e.article} does not say “${e.quote}”`);
    if (m![3]) expect(where.join('')).toContain(`(${m![3]})${e.quote}`);
  });

  it('gives the corrected articles (Decree 713 and the State Council documents)', () => {
    // The launch decision is Art 10; signed written expert opinions Art 19 ¶2; answering public opinions Art 18; the
    // written review opinion Art 28; exploratory reform Art 25 ¶2.
    expect(MAJOR_DECISION_STAGE_BASIS[MajorDecisionStage.NotLaunched].article).toBe('第十条');
    expect(MAJOR_DECISION_STAGE_BASIS[MajorDecisionStage.Launch].article).toBe('第十条、第十一条');
    expect(MAJOR_DECISION_STAGE_BASIS[MajorDecisionStage.ExpertArgumentation].article).toBe('第十九条、第二十条');
    expect(cite('D713/19.2')).toContain('第十九条第二款');
    expect(cite('D713/28')).toContain('第二十八条');
    expect(cite('D713/25.2')).toContain('第二十五条第二款');
    // 115号 (七) only forbids deliberation without a review; the duty to deliberate and the signature come from 37号,
    // whose text was not at hand: the citation says so.
    const deliberation = NORMATIVE_DOCUMENT_STAGE_BASIS[NormativeDocumentStage.Deliberation];
    expect(deliberation.regulation).toContain('国办发〔2018〕37号');
    expect(deliberation.verified).toBe(false);
    expect(formatLegalBasis(deliberation)).toContain('（待核实）');
    expect(cite('GB115/7')).toContain('不得提交集体审议');
  });

  it('refusals name the corrected articles where the workflow cites them', () => {
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    const legality = read('workflows/major-decision/stages/legality.stage.ts');
    expect(legality).toMatch(/is written, with reasons \(\$\{A\('D713\/28'\)\}\)/);
    expect(legality).toMatch(/without a clear rule \(G-A8, \$\{A\('D713\/25\.2'\)\}\)/);
    expect(read('workflows/major-decision/stages/assessment.stage.ts')).toMatch(
      /must be signed or sealed[^\n]*\$\{A\('D713\/19\.2'\)\}/,
    );
    expect(read('workflows/major-decision/major-decision.workflow.ts')).toContain("A('D713/15', 'D713/18')");
  });

  it('is the only place a procedure spells an article or an instrument', () => {
    const literal = [
      /(['"`])第[零一二三四五六七八九十]+条/,
      /国务院令第713号/,
      /国办发〔2018〕(37|115)号/,
      /中办发〔2016〕30号/,
      /['"`]《(公平竞争审查条例|优化营商环境条例|政府信息公开条例)》/,
    ];
    const offenders: string[] = [];
    const files = ['workflows', 'libs/domain/src', 'apps/api/src', 'apps/web/src', 'libs/persistence/src/repositories']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((file) => !file.endsWith('legal-bases.ts'));
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*')) return;
          if (literal.some((re) => re.test(code))) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${code}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('every stage of every procedure cites an instrument of the table', () => {
    const titles = Object.values(INSTRUMENTS).map((i) => i.title);
    for (const def of PROCEDURE_DEFINITIONS) {
      for (const spec of [...def.stages, ...def.terminal]) {
        const cited = titles.filter((t) => spec.basis.regulation.includes(t));
        if (cited.length === 0) {
          throw new Error(`${def.type} ${spec.stage}: ${spec.basis.regulation} is not in the table`);
        }
      }
    }
  });

  it('builds one basis per instrument and marks an unverified instrument', () => {
    expect(legalBasis('D713/19', 'D713/20')).toEqual({
      regulation: INSTRUMENTS.D713.title,
      article: '第十九条、第二十条',
      verified: true,
    });
    expect(() => legalBasis('D713/19', 'GB115/7')).toThrow('one instrument');
    expect(cite('D713/25', 'GB37/deliberation')).toBe(
      `${INSTRUMENTS.D713.title} 第二十五条；${INSTRUMENTS.GB37.title} 集体审议决定；主要负责人签发（待核实）`,
    );
  });
});
