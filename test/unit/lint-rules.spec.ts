import { join } from 'node:path';
import { lintBatch } from '../support/eslint';

const ROOT = join(__dirname, '..', '..');

/** The determinism rules for workflow code are enforced by lint; this proves they bite. */
describe('lint rules for workflow code', () => {
  const workflowFile = join(ROOT, 'workflows/normative-document/normative-document.workflow.ts');
  const forbiddenImports = [
    "import { readFileSync } from 'node:fs';",
    "import { Injectable } from '@nestjs/common';",
    "import { DataSource } from 'typeorm';",
    'export const used = [readFileSync, Injectable, DataSource];',
  ].join('\n');
  const timersAndActivities = [
    "import { ProcedureActivities } from '../activities/procedure.activities';",
    'setTimeout(() => ProcedureActivities, 1);',
  ].join('\n');
  // Everything in one ESLint run: the type-checked program is built once, not once per case.
  let results: { imports: string[]; timers: string[]; workflows: { ruleId: string | null; message: string }[] };
  beforeAll(() => {
    const [imports, timers, workflows] = lintBatch([
      { filePath: workflowFile, code: forbiddenImports },
      { filePath: workflowFile, code: timersAndActivities },
      { patterns: [join(ROOT, 'workflows')] },
    ]);
    const text = (list: typeof imports) => list.map((m) => `${m.ruleId}: ${m.message}`);
    results = { imports: text(imports), timers: text(timers), workflows };
  }, 180_000);

  it('should refuse Node built-ins, Nest and TypeORM in workflows/', () => {
    expect(results.imports).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-imports: .*no Node built-ins/),
        expect.stringMatching(/no-restricted-imports: .*No Nest/),
        expect.stringMatching(/no-restricted-imports: .*never touch the database/),
      ]),
    );
  });

  it('should refuse timers and value imports of activities in workflows/', () => {
    expect(results.timers).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-globals: .*sleep\(\)/),
        expect.stringMatching(/no-restricted-imports: .*import type/),
      ]),
    );
  });

  it('should accept the workflow code as it is', () => {
    expect(results.workflows).toEqual([]);
  });
});
