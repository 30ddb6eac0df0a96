import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessOf } from '../../apps/api/src/access/access-table';
import { changedTables, snapshotTables } from './db-snapshot';
import { casesFor, type HostileCase } from './hostile-corpus';
import { operationsOf, USER_OF_ROLE, type OpenApiDocument } from './openapi';
import { useStack } from './stack';

/**
 * The bad-input corpus runs in this many files (`test/e2e/hostile-corpus-<k>-of-<n>.e2e-spec.ts`), each taking every
 * n-th operation of the document, so that the test lanes share it out like any other file.
 */
export const CORPUS_SHARDS = 3;
/** How many of one operation's malformed requests are under way at once. */
const CASES_AT_ONCE = 4;
/**
 * How many operations run between two fingerprints of the database: a fingerprint reads every row, so one per
 * operation cost more than the requests. A change is reported with the operations of its group.
 */
const OPERATIONS_PER_FINGERPRINT = 6;
const RESULTS = join(__dirname, '..', '..', 'test-results');

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * One shard of the bad-input corpus, generated from the live OpenAPI document: for each of its operations, malformed
 * path and query parameters, malformed bodies (depth, NUL, invalid UTF-8, null, wrong types, missing and unknown
 * fields, oversize, injection strings) and wrong content types, sent as a user the operation admits. Every response
 * must be a 4xx in the error shape where the request is wrong (never a 5xx), and no table may change.
 */
export function describeCorpusShard(shard: number): void {
  describe(`bad-input corpus from the OpenAPI document, shard ${shard} of ${CORPUS_SHARDS}`, () => {
    // Clients are told apart by X-Forwarded-For, so this file's failed sign-ins and request counts are its own.
    const stack = useStack('hostile-corpus', {
      extraEnv: {
        API_TRUST_PROXY: 'true',
        API_RATE_LIMIT_PER_MINUTE: '10000000',
        SIGN_IN_FAILURES_PER_ADDRESS: '100000',
      },
    });

    it('should have a file for every shard, so that together they cover every operation', () => {
      const missing = Array.from({ length: CORPUS_SHARDS }, (_, i) => `hostile-corpus-${i + 1}-of-${CORPUS_SHARDS}`)
        .map((name) => join(__dirname, '..', 'e2e', `${name}.e2e-spec.ts`))
        .filter((file) => !existsSync(file));
      expect(missing).toEqual([]);
    });

    it('should refuse every malformed request with a 4xx and the error shape, and change nothing', async () => {
      const doc = (await stack.http.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
      const all = operationsOf(doc);
      expect(all.length).toBeGreaterThan(80);
      const operations = all.filter((_, i) => i % CORPUS_SHARDS === shard - 1);
      const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
      const tally = { shard, operations: 0, cases: 0, refused4xx: 0, other2xx3xx: 0, server5xx: 0 };
      const problems: string[] = [];
      for (let g = 0; g < operations.length; g += OPERATIONS_PER_FINGERPRINT) {
        const group = operations.slice(g, g + OPERATIONS_PER_FINGERPRINT);
        // Signed in before the fingerprint: a sign-in is audited, and is not one of the refused requests.
        const tokens = new Map<string, string | undefined>();
        for (const op of group) {
          const access = accessOf(op.key);
          expect({ operation: op.key, inAccessTable: access !== undefined }).toEqual({
            operation: op.key,
            inAccessTable: true,
          });
          tokens.set(
            op.key,
            access === 'public' || !access ? undefined : await stack.http.tokenFor(USER_OF_ROLE[access[0]]),
          );
        }
        const before = await snapshotTables(stack.db);
        for (const op of group) {
          const token = tokens.get(op.key);
          const cases: HostileCase[] = casesFor(doc, op);
          // An operation's cases go a few at a time (independent refusals): the client, the API and PostgreSQL then
          // work side by side instead of waiting on each other.
          await inParallel(cases, CASES_AT_ONCE, async (c) => {
            tally.cases += 1;
            const where = `${op.key} [${c.label}] ${c.method} ${c.path.slice(0, 120)}`;
            const res = await stack.http
              .request(c.method, c.path, {
                token,
                rawBody: c.body,
                headers: { ...c.headers, 'x-forwarded-for': address },
                timeoutMs: 20_000,
              })
              .catch((err: Error) => ({
                status: 0,
                body: { error: `${err.message} ${(err.cause as Error | undefined)?.message ?? ''}` },
              }));
            if (res.status === 0) {
              tally.server5xx += 1;
              problems.push(`${where} -> no answer: ${JSON.stringify(res.body)}`);
            } else if (res.status >= 500) {
              tally.server5xx += 1;
              problems.push(`${where} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            } else if (res.status >= 400) {
              tally.refused4xx += 1;
              const body = res.body as { code?: unknown; message?: unknown; details?: unknown };
              if (
                typeof body.code !== 'string' ||
                typeof body.message !== 'string' ||
                typeof body.details !== 'object'
              ) {
                problems.push(
                  `${where} -> ${res.status} without the error shape: ${JSON.stringify(res.body).slice(0, 200)}`,
                );
              }
            } else {
              tally.other2xx3xx += 1;
              if (c.mustRefuse) problems.push(`${where} -> ${res.status}, expected a 4xx`);
            }
          });
          tally.operations += 1;
        }
        const changed = changedTables(before, await snapshotTables(stack.db));
        if (changed.length > 0) {
          problems.push(`${group.map((op) => op.key).join(', ')}: tables changed: ${changed.join(', ')}`);
        }
      }
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(
        join(RESULTS, `hostile-corpus-${shard}-of-${CORPUS_SHARDS}.json`),
        JSON.stringify({ ...tally, problems }, null, 2),
      );
      process.stderr.write(`bad-input corpus: ${JSON.stringify(tally)}\n`);
      expect(problems).toEqual([]);
      expect(tally.server5xx).toBe(0);
      expect(tally.cases).toBeGreaterThanOrEqual(2000);
      expect(tally.operations).toBe(operations.length);
    }, 900_000);
  });
}
