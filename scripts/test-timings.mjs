// `npm run test:timings`: keeps the durations of this machine's last full `npm test` (`.cache/test-timings.json`)
// in the repository (`test/timings.json`), rounded to the second and sorted, so that a fresh clone shares its test
// files out between the Jest lanes by measured durations rather than by each tier's guess.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const measured = JSON.parse(readFileSync(join(root, '.cache', 'test-timings.json'), 'utf8')).files ?? {};
const files = Object.fromEntries(
  Object.entries(measured)
    .filter(([path]) => existsSync(join(root, path)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, seconds]) => [path, Math.max(1, Math.round(seconds))]),
);
writeFileSync(join(root, 'test', 'timings.json'), `${JSON.stringify({ files }, null, 2)}\n`);
console.error(`[test:timings] ${Object.keys(files).length} files' durations kept in test/timings.json`);
