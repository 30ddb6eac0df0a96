import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROCEDURES, PROCEDURE_DEFINITIONS, STAGE_TABLE_DOCS, stageTableMarkdown } from '@lawgate/domain';

/** A Markdown table's cells, trimmed (Prettier only pads them), without the separator row. */
function cells(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe('the stage tables in docs/', () => {
  const docs = STAGE_TABLE_DOCS.map((path) => readFileSync(join(__dirname, '..', '..', path), 'utf8'));

  it.each(PROCEDURE_DEFINITIONS.filter((d) => docs.some((doc) => doc.includes(`stage-table:${d.type}:start`))))(
    'the $type table is the one its definition gives (regenerate with npm run docs:stages)',
    (def) => {
      const doc = docs.find((d) => d.includes(`stage-table:${def.type}:start`))!;
      const block = doc.slice(doc.indexOf(`stage-table:${def.type}:start`), doc.indexOf(`stage-table:${def.type}:end`));
      expect(cells(block)).toEqual(cells(stageTableMarkdown(def)));
    },
  );

  it('covers the normative document and the major decision', () => {
    const joined = docs.join('\n');
    expect(joined).toContain('stage-table:MAJOR_DECISION:start');
    expect(joined).toContain('stage-table:NORMATIVE_DOCUMENT:start');
  });

  it('lists every stage in the definition’s order with its basis from the table of legal bases', () => {
    const md = stageTableMarkdown(PROCEDURES.MAJOR_DECISION).split('\n');
    const order = md.slice(2).map((row) => row.split('|')[2].trim());
    expect(order.indexOf('`REGISTRATION`')).toBeLessThan(order.indexOf('`PUBLICATION`'));
    expect(md.find((row) => row.includes('`NOT_LAUNCHED`'))).toContain('第十条');
  });
});
