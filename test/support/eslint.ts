import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export type LintJob = { filePath: string; code: string } | { patterns: string[] };
export interface LintMessage {
  ruleId: string | null;
  message: string;
  /** The file linted, for a job of files on disk. */
  filePath?: string;
}

/**
 * Lints every job with the project's ESLint configuration, type information included, in one ESLint process: the
 * type-checked program is built once for the batch, not once per job (tens of seconds each on a busy machine).
 * ESLint loads its flat config with a dynamic import, which Jest's CommonJS sandbox cannot do, hence the process.
 */
export function lintBatch(jobs: LintJob[]): LintMessage[][] {
  const run = spawnSync(process.execPath, [join(__dirname, 'eslint-batch.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ESLint failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as LintMessage[][];
}
