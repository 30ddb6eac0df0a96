/**
 * Builds `libs/pre-review/src/data/laws.json`, the dated list of laws the pre-review reads (rank, in force, repealed
 * and by what), from a checkout of the public LawRefBook/Laws repository:
 *
 *   npx ts-node --transpile-only scripts/pre-review/build-laws-data.ts <checkout dir> <commit> <commit date>
 *
 * Rank is the repository's own folder (法律 categories → LAW, 行政法规 → ADMINISTRATIVE_REGULATION, 部门规章 →
 * DEPARTMENT_RULE, DLC/*地方法规 → LOCAL_REGULATION). A law is recorded as repealed only where a text in the checkout
 * says so in its own words ("《…》同时废止"), with the repealing text and its sentence as the source. Nothing is guessed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

type Rank = 'LAW' | 'ADMINISTRATIVE_REGULATION' | 'DEPARTMENT_RULE' | 'LOCAL_REGULATION';
const LAW_FOLDERS = [
  '其他',
  '刑法',
  '宪法',
  '宪法相关法',
  '民法典',
  '民法商法',
  '社会法',
  '经济法',
  '行政法',
  '诉讼与非诉讼程序法',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.md') && name !== '_index.md' ? [path] : [];
  });
}

function rankOf(path: string): Rank | null {
  const top = path.split('/')[0];
  if (LAW_FOLDERS.includes(top)) return 'LAW';
  if (top === '行政法规') return 'ADMINISTRATIVE_REGULATION';
  if (top === '部门规章') return 'DEPARTMENT_RULE';
  if (top === 'DLC' && path.includes('地方性法规')) return 'LOCAL_REGULATION';
  return null;
}

const [root, commit, commitDate] = process.argv.slice(2);
if (!root || !commit || !commitDate) throw new Error('usage: build-laws-data.ts <checkout> <commit> <commit date>');

const inForce = new Map<string, { name: string; rank: Rank; version: string | null; path: string }>();
const repeals: { name: string; repealedBy: string; path: string; sentence: string }[] = [];
for (const file of files(root)) {
  const path = relative(root, file);
  const rank = rankOf(path);
  if (!rank) continue;
  const text = readFileSync(file, 'utf8');
  const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  if (!title) continue;
  const version = /\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(path)?.[1] ?? null;
  const known = inForce.get(title);
  if (!known || (version ?? '') > (known.version ?? '')) inForce.set(title, { name: title, rank, version, path });
  for (const sentence of text.split(/[。\n]/)) {
    if (!sentence.includes('同时废止')) continue;
    const before = sentence.slice(0, sentence.lastIndexOf('同时废止'));
    for (const m of before.matchAll(/《([^《》]+)》/g)) {
      if (/^关于修改/.test(m[1])) continue;
      repeals.push({ name: m[1], repealedBy: title, path, sentence: sentence.trim() + '。' });
    }
  }
}
const repealed = new Map<string, (typeof repeals)[number]>();
for (const r of repeals) if (!inForce.has(r.name) && !repealed.has(r.name)) repealed.set(r.name, r);

const data = {
  source: {
    repository: 'https://github.com/LawRefBook/Laws',
    commit,
    date: commitDate,
    note: 'Ranks from the repository folders; repeals from the texts’ own “《…》同时废止” sentences.',
  },
  laws: [...inForce.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .map(({ name, rank, version }) => ({ name, rank, version })),
  repealed: [...repealed.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .map(({ name, repealedBy, sentence }) => ({ name, repealedBy, sentence })),
};
writeFileSync(
  join(__dirname, '../../libs/pre-review/src/data/laws.json'),
  JSON.stringify(data).replace(/},{/g, '},\n{') + '\n',
);
console.log(JSON.stringify({ laws: data.laws.length, repealed: data.repealed.length }));
