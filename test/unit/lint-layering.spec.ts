import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintBatch, type LintJob, type LintMessage } from '../support/eslint';

const ROOT = join(__dirname, '..', '..');
const CONTROLLER = join(ROOT, 'apps/api/src/procedures/procedures.controller.ts');

/** Layering is enforced by lint: controllers call services, services live in their own files. */
describe('lint rules for API layering', () => {
  // Every case is linted in one ESLint run (`lintBatch`): the type-checked program is built once, not once per case
  // (a dozen ESLint processes before, each building it again).
  const jobs: LintJob[] = [];
  let answers: LintMessage[][] = [];
  /** A case linted as `file`; its messages as `rule: message` once the batch has run. */
  const lintAs = (file: string, code: string): (() => string[]) => {
    const index = jobs.push({ filePath: file, code }) - 1;
    return () => answers[index].map((m) => `${m.ruleId}: ${m.message}`);
  };

  const serviceInController = lintAs(
    CONTROLLER,
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
  const queriesInController = lintAs(
    CONTROLLER,
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
  const typesInController = lintAs(
    CONTROLLER,
    [
      "import { type ProcedureEntity, type TaskEntity, ProcedureRepository } from '@lawgate/persistence';",
      "import { ProceduresService } from './procedures.service';",
      'export const uses = (s: ProceduresService, p: ProcedureEntity, t: TaskEntity): unknown => [s, p, t];',
      "export const summary = 'SELECTED procedures, UPDATE the task';",
      'export const repository = ProcedureRepository;',
    ].join('\n'),
  );
  const controllers = (readdirSync(join(ROOT, 'apps/api/src'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.controller.ts'))
    .map((file) => join(ROOT, 'apps/api/src', file));
  const controllersAsTheyAre = jobs.push({ patterns: controllers }) - 1;
  /** The lib-entry-points messages for a file importing `x` from `source`. */
  const deep = (file: string, source: string) => {
    const messages = lintAs(join(ROOT, file), `import { x } from '${source}';\nexport const y = x;\n`);
    return () => messages().filter((m) => m.startsWith('lawgate/lib-entry-points'));
  };
  const deepImports = {
    serviceIntoDomain: deep('apps/api/src/procedures/procedures.service.ts', '../../../../libs/domain/src/roles'),
    workflowIntoDomain: deep('workflows/kernel/procedure-run.ts', '../../libs/domain/src/procedures/registry'),
    testIntoPersistence: deep('test/support/http.ts', '../../libs/persistence/src'),
    libIntoLib: deep('libs/persistence/src/password.ts', '../../domain/src/roles'),
    withinLib: deep('libs/persistence/src/password.ts', './repositories/org.repository'),
    withinLibUp: deep('libs/persistence/src/ledger/checkpoint.ts', '../../src/entities'),
    entryPoint: deep('apps/api/src/procedures/procedures.service.ts', '@lawgate/domain'),
  };

  beforeAll(() => {
    answers = lintBatch(jobs);
  }, 300_000);

  it('should refuse TypeORM, entity loading and a service defined in a controller file', () => {
    expect(serviceInController()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-imports: 'typeorm' import is restricted/),
        expect.stringMatching(/no-restricted-imports: .*entities as types only/),
        expect.stringMatching(/no-restricted-syntax: A service lives in its own \.service\.ts file/),
      ]),
    );
  });

  it('should refuse transactions, entity managers, entity values and SQL in a controller', () => {
    const messages = queriesInController();
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
    expect(typesInController().filter((m) => /restricted|lib-entry-points/.test(m))).toEqual([]);
  });

  it('should find every controller as it is within the layering, with no rule switched off', () => {
    expect(controllers.length).toBeGreaterThan(10);
    const switchedOff = controllers.filter((file) =>
      /eslint-disable[^\n]*(no-restricted-imports|no-restricted-syntax)/.test(readFileSync(file, 'utf8')),
    );
    expect(switchedOff.map((file) => relative(ROOT, file))).toEqual([]);
    const found = answers[controllersAsTheyAre].map(
      (m) => `${relative(ROOT, m.filePath ?? '')}: ${m.ruleId}: ${m.message}`,
    );
    expect(found).toEqual([]);
  });

  it('should refuse a relative import into another library, and accept its entry point and imports within one', () => {
    const d = deepImports;
    expect(d.serviceIntoDomain()).toEqual([
      expect.stringMatching(/Import library 'domain' by its entry point: '@lawgate\/domain'/),
    ]);
    expect(d.workflowIntoDomain()).toHaveLength(1);
    expect(d.testIntoPersistence()).toHaveLength(1);
    expect(d.libIntoLib()).toHaveLength(1);
    expect(d.withinLib()).toEqual([]);
    expect(d.withinLibUp()).toEqual([]);
    expect(d.entryPoint()).toEqual([]);
  });
});
