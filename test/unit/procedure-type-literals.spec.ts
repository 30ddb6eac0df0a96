import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROCEDURE_TYPES } from '@lawgate/domain';

const ROOT = join(__dirname, '..', '..');

/** `MAJOR_DECISION` → `major-decision`: the name of the procedure's own folders. */
const folderOf = (type: string) => type.toLowerCase().replace(/_/g, '-');

/** Where a procedure type may be named by its literal: its own folders, the registries and the union itself. */
function allowed(file: string, type: string): boolean {
  const own = folderOf(type);
  return (
    [
      `libs/domain/src/procedures/${own}/`,
      `workflows/${own}/`,
      `apps/api/src/procedures/${own}/`,
      `apps/web/src/procedures/${own}/`,
    ].some((dir) => file.startsWith(dir)) ||
    /(^|\/)registry(\.typecheck)?\.tsx?$/.test(file) ||
    file === 'libs/domain/src/procedures/procedure-type.ts' ||
    // Generated from the OpenAPI document (`npm run openapi:types`).
    file === 'apps/web/src/api/schema.d.ts' ||
    /\.(spec|int-spec|e2e-spec|workflow-spec|replay-spec|browser-spec)\.tsx?$/.test(file)
  );
}

function sources(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !file.split(sep).includes('node_modules'))
    .map((file) =>
      relative(ROOT, join(ROOT, dir, file))
        .split(sep)
        .join('/'),
    );
}

/**
 * Nothing outside a procedure's own folders branches on a procedure type: the shared code reads the definitions and
 * the registries. A literal `'MAJOR_DECISION'` (or any other type) anywhere else fails here.
 */
describe('procedure-type literals', () => {
  it('should appear only in their procedure’s own folders, the registries and tests', () => {
    const found: string[] = [];
    for (const file of ['apps', 'libs', 'workflows', 'activities'].flatMap(sources)) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      for (const type of PROCEDURE_TYPES) {
        const literal = new RegExp(`(['"\`])${type}\\1`);
        lines.forEach((line, i) => {
          if (literal.test(line) && !allowed(file, type)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('should catch a literal outside the procedure’s folders', () => {
    expect(allowed('apps/api/src/oversight/oversight.service.ts', 'MAJOR_DECISION')).toBe(false);
    expect(allowed('apps/api/src/procedures/normative-document/x.ts', 'MAJOR_DECISION')).toBe(false);
    expect(allowed('apps/api/src/procedures/major-decision/decisions.service.ts', 'MAJOR_DECISION')).toBe(true);
  });
});
