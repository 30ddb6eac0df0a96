// `npm run docs:stages`: rewrites the stage tables in docs/ from the procedure definitions (formatted as Prettier
// formats Markdown, so `prettier --check .` agrees).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { STAGE_TABLE_DOCS, withStageTables } from '@lawgate/domain';

export async function renderStageTableDoc(path: string): Promise<string> {
  const file = join(__dirname, '..', path);
  const options = (await resolveConfig(file)) ?? {};
  return format(withStageTables(readFileSync(file, 'utf8')), { ...options, filepath: file });
}

async function main(): Promise<void> {
  for (const path of STAGE_TABLE_DOCS) {
    writeFileSync(join(__dirname, '..', path), await renderStageTableDoc(path));
    console.log(`wrote ${path}`);
  }
}

if (require.main === module) {
  void main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
