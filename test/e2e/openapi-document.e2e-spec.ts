import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessOf } from '../../apps/api/src/access/access-table';
import { absentValueFor, deref, fillPath, operationsOf, USER_OF_ROLE, type OpenApiDocument } from '../support/openapi';
import { useStack } from '../support/stack';

/**
 * The OpenAPI document against the API that serves it. Its structure: no header declared twice, the error shape on
 * every refusal an operation can give. Its truth: every GET operation called as a user it admits (for something that
 * does not exist, and without parameters), each answer checked against the document by the shared client. And the
 * web app's API types are generated from it.
 */
describe('the OpenAPI document tells the truth', () => {
  const stack = useStack('openapi-document', { withWorker: false });
  let doc: OpenApiDocument;
  beforeAll(async () => {
    doc = (await stack.http.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
  });

  it('declares each header of an operation once', () => {
    const twice = operationsOf(doc).flatMap((op) => {
      const headers = (op.op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
      return headers.filter((h, i) => headers.indexOf(h) !== i).map((h) => `${op.key}: ${h}`);
    });
    expect(twice).toEqual([]);
  });

  it('documents the error shape for the refusals every operation can give', () => {
    const missing: string[] = [];
    for (const op of operationsOf(doc)) {
      const statuses = ['400', '429', '500', ...(op.op.security?.length ? ['401', '403'] : [])];
      // The edge reads a body on these methods whether or not the operation takes one, and may refuse it.
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method)) statuses.push('413', '415');
      for (const status of statuses) {
        const schema = op.op.responses[status]?.content?.['application/json']?.schema;
        if (deref(doc, schema)?.properties?.code === undefined) missing.push(`${op.key} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers every read as the document says', async () => {
    for (const op of operationsOf(doc).filter((o) => o.method === 'GET')) {
      const access = accessOf(op.key);
      const token = !access || access === 'public' ? undefined : await stack.http.tokenFor(USER_OF_ROLE[access[0]]);
      const path = fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, absentValueFor(p)])));
      const res = await stack.http.request('GET', path, { token });
      expect({ operation: op.key, status: res.status < 500 }).toEqual({ operation: op.key, status: true });
    }
    expect(stack.http.violations).toEqual([]);
  }, 120_000);

  it('is the document the web app’s API types are generated from (npm run openapi:types)', async () => {
    const root = join(__dirname, '..', '..');
    const dir = mkdtempSync(join(tmpdir(), 'lawgate-openapi-types-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    // openapi-typescript is loaded by the script's own Node process (Jest cannot load its ES-module dependencies).
    execFileSync(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin'),
        '--transpile-only',
        'scripts/openapi-types.ts',
        '--from',
        join(dir, 'openapi.json'),
        '--out',
        join(dir, 'schema.d.ts'),
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const committed = readFileSync(join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts'), 'utf8').split('\n');
    const live = readFileSync(join(dir, 'schema.d.ts'), 'utf8').split('\n');
    // On a difference, the first line that differs says where to look.
    const lines = Math.max(committed.length, live.length);
    const at = Array.from({ length: lines }, (_, i) => i).find((i) => committed[i] !== live[i]);
    expect(at === undefined ? null : { line: at + 1, committed: committed[at], live: live[at] }).toBeNull();
  }, 60_000);
});
