import { runChaos } from '../../bench/chaos';

/**
 * The chaos run (`npm run chaos`) in its short form: a stack of its own (PostgreSQL cluster, Temporal dev server with
 * a file database, two workers on one task queue, two API replicas), bot users taking procedures of every type to
 * their end through the HTTP API (normative documents, major decisions, an enforcement review, a contract review and
 * a filing review; every step at the step API) while each fault is injected once — a worker killed with SIGKILL,
 * Temporal restarted, PostgreSQL restarted, an API replica killed with SIGKILL. Nothing may be lost or duplicated.
 */
describe('procedures under faults, short form', () => {
  it('should complete every procedure exactly once, with gap-free numbers and a verified ledger', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const result = await runChaos({
      procedures: {
        NORMATIVE_DOCUMENT: 6,
        MAJOR_DECISION: 2,
        ENFORCEMENT_REVIEW: 1,
        CONTRACT_REVIEW: 1,
        FILING_REVIEW: 1,
      },
      concurrency: 11,
      faultsPerKind: 1,
      seed,
    });
    console.log(JSON.stringify(result));
    expect(result).toMatchObject({
      completed: {
        NORMATIVE_DOCUMENT: 6,
        MAJOR_DECISION: 2,
        ENFORCEMENT_REVIEW: 1,
        CONTRACT_REVIEW: 1,
        FILING_REVIEW: 1,
      },
      faults: { 'worker-kill': 1, 'temporal-restart': 1, 'postgres-restart': 1, 'api-kill': 1 },
      // Each government document filed with both recipients its issuer requires, and accepted by each; each type's
      // path signed once per step, its records (decision on the reviewed text, contract register, catalog) kept.
      checks: {
        numbered: 6,
        numberGaps: 0,
        numbersTwice: 0,
        filed: 12,
        filingsNotAccepted: 0,
        filingsTwice: 0,
        filingEventsTwice: 0,
        versionsTwice: 0,
        signOffsMissing: 0,
        signOffsTwice: 0,
        recordsMissing: 0,
        recordsTwice: 0,
        ledger: { ok: true },
      },
      lost: 0,
      duplicated: 0,
      problems: [],
    });
  }, 600000);
});
