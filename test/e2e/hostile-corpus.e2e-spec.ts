import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessOf } from '../../apps/api/src/access/access-table';
import { changedTables, snapshotTables } from '../support/db-snapshot';
import { casesFor, type HostileCase } from '../support/hostile-corpus';
import { operationsOf, USER_OF_ROLE, type OpenApiDocument } from '../support/openapi';
import { useStack } from '../support/stack';

/** How many of one operation's malformed requests are under way at once. */
const CASES_AT_ONCE = 4;

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * The bad-input corpus, generated from the live OpenAPI document: for every operation, malformed path and query
 * parameters, malformed bodies (depth, NUL, invalid UTF-8, null, wrong types, missing and unknown fields, oversize,
 * injection strings) and wrong content types, sent as a user the operation admits. Every response must be a 4xx in
 * the error shape where the request is wrong (never a 5xx), and no table may change.
 */
describe('bad-input corpus from the OpenAPI document', () => {
  // Clients are told apart by X-Forwarded-For, so this file's failed sign-ins and request counts are its own.
  const stack = useStack('hostile-corpus', {
    extraEnv: {
      API_TRUST_PROXY: 'true',
      API_RATE_LIMIT_PER_MINUTE: '10000000',
      SIGN_IN_FAILURES_PER_ADDRESS: '100000',
    },
  });

  it('should refuse every malformed request with a 4xx and the error shape, and change nothing', async () => {
    const doc = (await stack.http.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(80);
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const tally = { operations: 0, cases: 0, refused4xx: 0, other2xx3xx: 0, server5xx: 0 };
    const problems: string[] = [];
    for (const op of operations) {
      const access = accessOf(op.key);
      expect({ operation: op.key, inAccessTable: access !== undefined }).toEqual({
        operation: op.key,
        inAccessTable: true,
      });
      const token = access === 'public' || !access ? undefined : await stack.http.tokenFor(USER_OF_ROLE[access[0]]);
      const cases: HostileCase[] = casesFor(doc, op);
      const before = await snapshotTables(stack.db);
      // The cases of one operation go a few at a time (they are independent refusals; the tables are compared around
      // all of them): the client, the API and PostgreSQL then work side by side instead of waiting on each other.
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
          if (typeof body.code !== 'string' || typeof body.message !== 'string' || typeof body.details !== 'object') {
            problems.push(
              `${where} -> ${res.status} without the error shape: ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          }
        } else {
          tally.other2xx3xx += 1;
          if (c.mustRefuse) problems.push(`${where} -> ${res.status}, expected a 4xx`);
        }
      });
      const changed = changedTables(before, await snapshotTables(stack.db));
      if (changed.length > 0) problems.push(`${op.key}: tables changed: ${changed.join(', ')}`);
      tally.operations += 1;
    }
    mkdirSync(join(__dirname, '..', '..', 'test-results'), { recursive: true });
    writeFileSync(
      join(__dirname, '..', '..', 'test-results', 'hostile-corpus.json'),
      JSON.stringify({ ...tally, problems }, null, 2),
    );
    process.stderr.write(`bad-input corpus: ${JSON.stringify(tally)}\n`);
    expect(problems).toEqual([]);
    expect(tally.server5xx).toBe(0);
    expect(tally.cases).toBeGreaterThanOrEqual(2000);
    expect(tally.operations).toBe(operations.length);
  }, 900_000);
});
