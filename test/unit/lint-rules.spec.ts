import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The determinism rules for workflow code are enforced by lint; this proves they bite. */
describe('lint rules for workflow code', () => {
  // ESLint loads its flat config with a dynamic import, which Jest's CommonJS sandbox cannot do: run the CLI.
  const eslint = (args: string[], input?: string): { ruleId: string; message: string }[] => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', ...args],
      {
        cwd: ROOT,
        input,
        encoding: 'utf8',
      },
    );
    const results = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return results.flatMap((r) => r.messages);
  };
  const lintAs = async (file: string, code: string) =>
    eslint(['--stdin', '--stdin-filename', join(ROOT, file)], code).map((m) => `${m.ruleId}: ${m.message}`);

  it('should refuse Node built-ins, Nest and TypeORM in workflows/', async () => {
    const messages = await lintAs(
      'workflows/normative-document/normative-document.workflow.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { Injectable } from '@nestjs/common';",
        "import { DataSource } from 'typeorm';",
        'export const used = [readFileSync, Injectable, DataSource];',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-imports: .*no Node built-ins/),
        expect.stringMatching(/no-restricted-imports: .*No Nest/),
        expect.stringMatching(/no-restricted-imports: .*never touch the database/),
      ]),
    );
  });

  it('should refuse timers and value imports of activities in workflows/', async () => {
    const messages = await lintAs(
      'workflows/normative-document/normative-document.workflow.ts',
      [
        "import { ProcedureActivities } from '../activities/procedure.activities';",
        'setTimeout(() => ProcedureActivities, 1);',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-globals: .*sleep\(\)/),
        expect.stringMatching(/no-restricted-imports: .*import type/),
      ]),
    );
  });

  it('should accept the workflow code as it is', async () => {
    expect(eslint([join(ROOT, 'workflows')])).toEqual([]);
  });
});
