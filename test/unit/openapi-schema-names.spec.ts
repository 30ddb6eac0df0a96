import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const API = join(ROOT, 'apps', 'api', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The OpenAPI document names each schema after its class: two classes of one name become one schema, and one
 * operation's body is then documented as the other's. Every class the API exports has a name of its own.
 */
describe('the API classes that become OpenAPI schemas', () => {
  it('have names of their own', () => {
    const where = new Map<string, string[]>();
    for (const file of sources(API)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^export class (\w+)/gm)) {
        where.set(match[1], [...(where.get(match[1]) ?? []), relative(ROOT, file)]);
      }
    }
    const twice = [...where]
      .filter(([, files]) => files.length > 1)
      .map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(where.size).toBeGreaterThan(100);
    expect(twice).toEqual([]);
  });
});
