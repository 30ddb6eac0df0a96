import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ACCESS_TABLE } from '../../apps/api/src/access/access-table';
import { OPERATIONS_WITHOUT_SCREEN } from '../../apps/web/src/operations-without-screen';

const ROOT = join(__dirname, '..', '..');
const WEB = 'apps/web/src';

/** A path the web app names, as segments: a literal segment, or `null` where the path has an expression (`${id}`). */
interface NamedPath {
  file: string;
  segments: (string | null)[];
  /** The last segment is an expression that may stand for several (`/api/tasks/${id}/${action}`). */
  composed: boolean;
}

interface WebSource {
  file: string;
  text: string;
}

function webSources(): WebSource[] {
  return (readdirSync(join(ROOT, WEB), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) =>
      relative(ROOT, join(ROOT, WEB, f))
        .split(sep)
        .join('/'),
    )
    .filter((f) => f !== `${WEB}/api/schema.d.ts` && f !== `${WEB}/operations-without-screen.ts`)
    .map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

/**
 * The API paths a source names in its string literals and templates (`'/api/x'`, `"/api/x"`, `` `/api/x/${id}` ``),
 * the query left off; a path inside `Answer<…>` is a type, not a call, and does not count.
 */
function namedPaths(source: WebSource): NamedPath[] {
  const found: NamedPath[] = [];
  const quoted = /(['"])(\/(?:api\/|metrics)[^'"\s]*)\1|`(\/(?:api\/|metrics)(?:[^`$\s]|\$\{[^}]*\})*)`/g;
  for (const m of source.text.matchAll(quoted)) {
    if (/Answer<\s*$/.test(source.text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // The path before its query; an expression (`${…}`) becomes one marker, whatever it holds.
    const segments = (m[2] ?? m[3])
      .replace(/\$\{[^}]*\}/g, '${}')
      .split('?')[0]
      .split('/')
      .slice(1)
      .map((s) => (s.includes('${') ? null : s));
    found.push({ file: source.file, segments, composed: segments[segments.length - 1] === null });
  }
  return found;
}

/** The literal strings of a source (`'claim'`, `'items'`): the suffixes a composed path is completed with. */
function literals(source: WebSource): Set<string> {
  return new Set([...source.text.matchAll(/(['"`])([A-Za-z0-9._/-]+)\1/g)].map((m) => m[2]));
}

/** Whether a source shows the method at all: a GET is any read or link; the others are named by the call. */
function usesMethod(source: WebSource, method: string): boolean {
  if (method === 'GET') return true;
  if (method === 'POST' && /\bpost\s*[<(]/.test(source.text)) return true;
  return source.text.includes(`'${method}'`);
}

/**
 * Where the web app calls `operation`: a file that names its path (each `{param}` standing for an expression), or
 * names a prefix of it ending in an expression and, as a literal, the rest (`/api/tasks/${id}/${action}` with
 * `'claim'`), and shows the operation's method.
 */
function callersOf(operation: string, sources: WebSource[]): string[] {
  const [method, path] = operation.split(' ');
  const want = path.split('/').slice(1);
  const isParam = (s: string) => s.startsWith('{');
  const callers = new Set<string>();
  for (const source of sources) {
    if (!usesMethod(source, method)) continue;
    const words = literals(source);
    for (const named of namedPaths(source)) {
      const segs = named.segments;
      const exact =
        segs.length === want.length && segs.every((s, i) => (s === null ? isParam(want[i]) : s === want[i]));
      const prefix = segs.slice(0, -1);
      const rest = want.slice(prefix.length);
      const composed =
        named.composed &&
        prefix.length >= 2 &&
        want.length > prefix.length &&
        prefix.every((s, i) => (s === null ? isParam(want[i]) : s === want[i])) &&
        !rest.some(isParam) &&
        words.has(rest.join('/'));
      if (exact || composed) callers.add(source.file);
    }
  }
  return [...callers];
}

describe('a screen for every operation of the API', () => {
  const sources = webSources();
  const operations = Object.keys(ACCESS_TABLE);

  it('should find a caller in the web app, or a reason in the list of operations without a screen', () => {
    const missing = operations.filter(
      (op) => !(op in OPERATIONS_WITHOUT_SCREEN) && callersOf(op, sources).length === 0,
    );
    expect(missing).toEqual([]);
  });

  it('should keep the list of operations without a screen true: each exists, has a reason and no caller', () => {
    const wrong = Object.entries(OPERATIONS_WITHOUT_SCREEN)
      .filter(([op, reason]) => !(op in ACCESS_TABLE) || reason.trim().length < 10 || callersOf(op, sources).length > 0)
      .map(([op]) => op);
    expect(wrong).toEqual([]);
  });

  it('should tell a called operation from one without a caller', () => {
    const fake: WebSource[] = [
      { file: 'a.tsx', text: "await post(`/api/tasks/${task.id}/${action}`); type A = 'claim' | 'release';" },
      { file: 'c.tsx', text: "api('POST', `/api/users/${u.id}/${u.active ? 'deactivate' : 'activate'}`)" },
      { file: 'b.tsx', text: "api('PUT', `/api/calendar/years/${year}`); get<Answer<'/api/x/{id}', 'get'>>('/api/y')" },
    ];
    expect(callersOf('POST /api/tasks/{id}/claim', fake)).toEqual(['a.tsx']);
    expect(callersOf('POST /api/tasks/{id}/reassign', fake)).toEqual([]);
    expect(callersOf('PUT /api/calendar/years/{year}', fake)).toEqual(['b.tsx']);
    expect(callersOf('PATCH /api/calendar/years/{year}', fake)).toEqual([]);
    expect(callersOf('GET /api/x/{id}', fake)).toEqual([]);
    expect(callersOf('GET /api/y', fake)).toEqual(['b.tsx']);
    expect(callersOf('POST /api/users/{id}/activate', fake)).toEqual(['c.tsx']);
    expect(operations.length).toBeGreaterThan(100);
  });
});
