/**
 * `ts-node --transpile-only scripts/pre-review/draw-clauses.ts --repo <LawRefBook/Laws clone> --seed <n>
 *   --with <n> --without <n>`: draws articles at random from the local regulations (`DLC/`) of the public
 * LawRefBook/Laws repository at the commit the corpus names, for labelling as held-out clauses. Prints them as
 * corpus entries with empty labels, to be labelled by hand BEFORE the rules are run on them. Articles already in the
 * corpus or in any held-out set are skipped. `--with` articles contain a measure keyword (penalty, licence, compulsory measure, fee), and
 * `--without` do not, so that both recall and false alarms are sampled. Deterministic for a seed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const COMMIT = '2f4c5c23716267af9dbebbbbd6cbbf732b101981';
const REPOSITORY = 'https://github.com/LawRefBook/Laws';
const KEYWORDS =
  /罚款|吊销|没收|拘留|停产停业|批准|许可|审批|核准|登记|备案|同意|资格|准入|查封|扣押|冻结|强制|拆除|收取|缴纳|征收|费/;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      seed: { type: 'string' },
      with: { type: 'string', default: '20' },
      without: { type: 'string', default: '10' },
      prefix: { type: 'string', default: 'N' },
    },
  });
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', values.repo!, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const fixtures = join(__dirname, '../../test/fixtures/pre-review');
  const known = new Set(
    readdirSync(fixtures)
      .filter((f) => f === 'clauses.json' || /^heldout.*\.json$/.test(f))
      .flatMap((f) =>
        (JSON.parse(readFileSync(join(fixtures, f), 'utf8')) as { clauses: { text: string }[] }).clauses.map(
          (c) => c.text,
        ),
      ),
  );
  const paths = git('ls-tree', '-r', '-z', '--name-only', COMMIT)
    .split('\0')
    .filter((p) => p.startsWith('DLC/') && p.endsWith('.md'))
    .sort();
  const random = mulberry32(Number(values.seed));
  const picked: { with: unknown[]; without: unknown[] } = { with: [], without: [] };
  const want = { with: Number(values.with), without: Number(values.without) };
  let tries = 0;
  while ((picked.with.length < want.with || picked.without.length < want.without) && tries++ < 10000) {
    const path = paths[Math.floor(random() * paths.length)];
    const lines = git('show', `${COMMIT}:${path}`).split('\n');
    const articles = lines
      .map((l) => /^(第[零一二三四五六七八九十百]+条)\s*(.+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null && m[2].length >= 15 && m[2].length <= 220);
    if (articles.length === 0) continue;
    const m = articles[Math.floor(random() * articles.length)];
    if (known.has(m[2])) continue;
    const bucket = KEYWORDS.test(m[2]) ? 'with' : 'without';
    if (picked[bucket].length >= want[bucket]) continue;
    const title = path
      .split('/')
      .pop()!
      .replace(/\(\d{4}-\d{2}-\d{2}\)\.md$/, '')
      .replace(/\.md$/, '');
    known.add(m[2]);
    picked[bucket].push({
      text: m[2],
      source: { kind: 'published', title, article: m[1], repository: REPOSITORY, commit: COMMIT, path },
      measures: [],
      findings: [],
    });
  }
  const all = [...picked.with, ...picked.without].map((c, i) => ({
    id: `${values.prefix}${String(i + 1).padStart(3, '0')}`,
    ...(c as object),
  }));
  process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
}

main();
