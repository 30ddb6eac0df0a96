import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Layering is enforced by lint: controllers call services, services live in their own files. */
describe('lint rules for API layering', () => {
  // ESLint loads its flat config with a dynamic import, which Jest's CommonJS sandbox cannot do: run the CLI.
  const lintAs = (file: string, code: string): string[] => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '--format',
        'json',
        '--stdin',
        '--stdin-filename',
        file,
      ],
      { cwd: ROOT, input: code, encoding: 'utf8' },
    );
    const results = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return results.flatMap((r) => r.messages).map((m) => `${m.ruleId}: ${m.message}`);
  };

  it('should refuse TypeORM, entity loading and a service defined in a controller file', () => {
    const messages = lintAs(
      join(ROOT, 'apps/api/src/procedures/procedures.controller.ts'),
      [
        "import { Injectable } from '@nestjs/common';",
        "import { DataSource } from 'typeorm';",
        "import { ProcedureEntity } from '../../../../libs/persistence/src/entities';",
        '@Injectable()',
        'export class SneakyService {',
        '  constructor(private readonly dataSource: DataSource) {}',
        '  all() {',
        '    return this.dataSource.getRepository(ProcedureEntity).find();',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-imports: 'typeorm' import is restricted/),
        expect.stringMatching(/no-restricted-imports: .*entities as types only/),
        expect.stringMatching(/no-restricted-syntax: A service lives in its own \.service\.ts file/),
      ]),
    );
  });

  it('should let a controller use entities as types and call its service', () => {
    const messages = lintAs(
      join(ROOT, 'apps/api/src/procedures/procedures.controller.ts'),
      [
        "import type { ProcedureEntity } from '../../../../libs/persistence/src/entities';",
        "import { ProceduresService } from './procedures.service';",
        'export const uses = (s: ProceduresService, p: ProcedureEntity): unknown => [s, p];',
      ].join('\n'),
    );
    expect(messages.filter((m) => /restricted/.test(m))).toEqual([]);
  });
});
