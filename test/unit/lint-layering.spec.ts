import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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
        "import { ProcedureEntity } from '@lawgate/persistence';",
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

  it('should refuse transactions, entity managers, entity values and SQL in a controller', () => {
    const messages = lintAs(
      join(ROOT, 'apps/api/src/procedures/procedures.controller.ts'),
      [
        "import { ProcedureEntity, ProcedureRepository } from '@lawgate/persistence';",
        'export class SneakyController {',
        '  constructor(private readonly store: { transaction: Function; manager: unknown; query: Function }) {}',
        '  async all(procedures: ProcedureRepository) {',
        '    await this.store.transaction(async () => procedures);',
        '    await this.store.query(`SELECT * FROM procedure WHERE id = $1`, [1]);',
        "    await this.store.query('DELETE FROM task');",
        '    return [this.store.manager, ProcedureEntity];',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /no-restricted-imports: 'ProcedureEntity' import from '@lawgate\/persistence'.*types only/,
        ),
        expect.stringMatching(/no-restricted-syntax: Controllers call services; queries and transactions/),
        expect.stringMatching(/no-restricted-syntax: Controllers call services; an entity manager/),
        expect.stringMatching(/no-restricted-syntax: No SQL in a controller/),
      ]),
    );
    expect(messages.filter((m) => m.includes('No SQL'))).toHaveLength(2);
  });

  it('should let a controller use entities as types and call its service', () => {
    const messages = lintAs(
      join(ROOT, 'apps/api/src/procedures/procedures.controller.ts'),
      [
        "import { type ProcedureEntity, type TaskEntity, ProcedureRepository } from '@lawgate/persistence';",
        "import { ProceduresService } from './procedures.service';",
        'export const uses = (s: ProceduresService, p: ProcedureEntity, t: TaskEntity): unknown => [s, p, t];',
        "export const summary = 'SELECTED procedures, UPDATE the task';",
        'export const repository = ProcedureRepository;',
      ].join('\n'),
    );
    expect(messages.filter((m) => /restricted|lib-entry-points/.test(m))).toEqual([]);
  });

  it('should find every controller as it is within the layering, with no rule switched off', () => {
    const files = (readdirSync(join(ROOT, 'apps/api/src'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.controller.ts'))
      .map((file) => join(ROOT, 'apps/api/src', file));
    expect(files.length).toBeGreaterThan(10);
    const switchedOff = files.filter((file) =>
      /eslint-disable[^\n]*(no-restricted-imports|no-restricted-syntax)/.test(readFileSync(file, 'utf8')),
    );
    expect(switchedOff.map((file) => relative(ROOT, file))).toEqual([]);
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', ...files],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const found = results.flatMap((r) =>
      r.messages.map((m) => `${relative(ROOT, r.filePath)}: ${m.ruleId}: ${m.message}`),
    );
    expect(found).toEqual([]);
  }, 300000);

  it('should refuse a relative import into another library, and accept its entry point and imports within one', () => {
    const deep = (file: string, source: string) =>
      lintAs(join(ROOT, file), `import { x } from '${source}';\nexport const y = x;\n`).filter((m) =>
        m.startsWith('lawgate/lib-entry-points'),
      );
    expect(deep('apps/api/src/procedures/procedures.service.ts', '../../../../libs/domain/src/roles')).toEqual([
      expect.stringMatching(/Import library 'domain' by its entry point: '@lawgate\/domain'/),
    ]);
    expect(deep('workflows/kernel/procedure-run.ts', '../../libs/domain/src/procedures/registry')).toHaveLength(1);
    expect(deep('test/support/http.ts', '../../libs/persistence/src')).toHaveLength(1);
    expect(deep('libs/persistence/src/password.ts', '../../domain/src/roles')).toHaveLength(1);
    expect(deep('libs/persistence/src/password.ts', './repositories/org.repository')).toEqual([]);
    expect(deep('libs/persistence/src/ledger/checkpoint.ts', '../../src/entities')).toEqual([]);
    expect(deep('apps/api/src/procedures/procedures.service.ts', '@lawgate/domain')).toEqual([]);
  });
});
