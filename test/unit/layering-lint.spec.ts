import { join } from 'node:path';
import { lintBatch } from '../support/eslint';

const ROOT = join(__dirname, '..', '..');

/** Layering is enforced by lint: controllers call services, services live in their own files. */
describe('lint rules for API layering', () => {
  const controller = join(ROOT, 'apps/api/src/procedures/procedures.controller.ts');
  const sneaky = [
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
  ].join('\n');
  const proper = [
    "import type { ProcedureEntity } from '../../../../libs/persistence/src/entities';",
    "import { ProceduresService } from './procedures.service';",
    'export const uses = (s: ProceduresService, p: ProcedureEntity): unknown => [s, p];',
  ].join('\n');
  // Both texts in one ESLint run: the type-checked program is built once.
  let messages: { sneaky: string[]; proper: string[] };
  beforeAll(() => {
    const [a, b] = lintBatch([
      { filePath: controller, code: sneaky },
      { filePath: controller, code: proper },
    ]).map((list) => list.map((m) => `${m.ruleId}: ${m.message}`));
    messages = { sneaky: a, proper: b };
  }, 180_000);

  it('should refuse TypeORM, entity loading and a service defined in a controller file', () => {
    expect(messages.sneaky).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-restricted-imports: 'typeorm' import is restricted/),
        expect.stringMatching(/no-restricted-imports: .*entities as types only/),
        expect.stringMatching(/no-restricted-syntax: A service lives in its own \.service\.ts file/),
      ]),
    );
  });

  it('should let a controller use entities as types and call its service', () => {
    expect(messages.proper.filter((m) => /restricted/.test(m))).toEqual([]);
  });
});
