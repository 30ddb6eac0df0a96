/**
 * What a chaos run checks per procedure type: where each type's bot path ends ("done"), the sign-offs that path makes
 * a known number of times (one more is a step that acted twice, one fewer a step lost), and the records each type
 * must leave behind — the decision taken on the text reviewed, the contract signed as reviewed and kept in its
 * register, the filed document reviewed on its corrected text and listed in the catalog.
 */
import type { Client as PgClient } from 'pg';
import type { ProcedureType } from '@lawgate/domain';

export interface ProcedureRow {
  id: string;
  stage: string;
  status: string;
}

export const DONE: Record<ProcedureType, (p: ProcedureRow) => boolean> = {
  NORMATIVE_DOCUMENT: (p) => p.stage === 'IN_FORCE' && p.status === 'IN_FORCE',
  MAJOR_DECISION: (p) => p.stage === 'CLOSED',
  // Decided, disclosed and archived.
  ENFORCEMENT_REVIEW: (p) => p.stage === 'CLOSED' && p.status === 'ENDED',
  // Signed, filed, its register kept to the end.
  CONTRACT_REVIEW: (p) => p.stage === 'CONTRACT_COMPLETED',
  // Registered, reviewed and passed: in the catalog of filed documents.
  FILING_REVIEW: (p) => p.stage === 'FILED',
};

/** Sign-offs (ledger decisions; `A|B`: either) a completed procedure has exactly this many of on its bot's path. */
export const SIGNED: Record<ProcedureType, Record<string, number>> = {
  NORMATIVE_DOCUMENT: { DRAFT_COMPLETED: 1, SUBMITTED_FOR_REVIEW: 1, REGISTERED: 1, PUBLISHED: 1, FILING_ACCEPTED: 2 },
  MAJOR_DECISION: { LAUNCHED: 1, DRAFTED: 1, DECIDED_ADOPTED: 1, PUBLISHED: 1, ARCHIVED: 1, CLOSED: 1 },
  ENFORCEMENT_REVIEW: {
    CASE_SUBMITTED: 1,
    MATERIALS_INCOMPLETE: 1,
    MATERIALS_SUPPLEMENTED: 1,
    MATERIALS_COMPLETE: 2,
    REVIEW_PROBLEMS: 1,
    CASE_RESUBMITTED: 1,
    REVIEW_AGREE: 1,
    DECIDED_PENALTY: 1,
    DECISION_DISCLOSED: 1,
    CASE_ARCHIVED: 1,
  },
  CONTRACT_REVIEW: {
    CONTRACT_SUBMITTED: 2,
    CONTRACT_REVIEW_REVISE: 1,
    CONTRACT_REVIEW_PASS: 1,
    CONTRACT_SIGNED: 1,
    CONTRACT_FILED: 1,
    MILESTONE_ADDED: 1,
    ACCEPTANCE_RECORDED: 1,
    MILESTONE_DONE: 1,
    'PAYMENT_MADE|PAYMENT_LATE': 1,
    CONTRACT_COMPLETED: 1,
  },
  FILING_REVIEW: {
    'FILING_RECEIVED|FILING_RECEIVED_LATE': 1,
    FILING_DEFERRED: 1,
    FILING_SUPPLEMENTED: 1,
    FILING_REGISTERED: 1,
    FILING_REVIEW_FORMAL_OPINION: 1,
    FILING_CORRECTED_REFILED: 1,
    FILING_REVIEW_PASSED: 1,
  },
};

/** A later sign-off that must bind the very text an earlier one did (the decision, the signing on the reviewed text). */
const SAME_TEXT: Partial<Record<ProcedureType, [string, string]>> = {
  ENFORCEMENT_REVIEW: ['REVIEW_AGREE', 'DECIDED_PENALTY'],
  CONTRACT_REVIEW: ['CONTRACT_REVIEW_PASS', 'CONTRACT_SIGNED'],
};

export interface TypeVerdict {
  /** Sign-offs missing from a completed procedure's path. */
  signOffsMissing: number;
  /** Sign-offs recorded more often than its path makes them. */
  signOffsTwice: number;
  /** Records a completed procedure must have and has not (text bound, register, catalog). */
  recordsMissing: number;
  /** Register or catalog entries kept more than once. */
  recordsTwice: number;
  problems: string[];
}

/** Checks the completed procedures (`completed`: type by procedure id) against their types' paths and records. */
export async function verifyTypes(
  pg: PgClient,
  completed: Map<string, ProcedureType>,
  catalog: string[],
): Promise<TypeVerdict> {
  const v: TypeVerdict = { signOffsMissing: 0, signOffsTwice: 0, recordsMissing: 0, recordsTwice: 0, problems: [] };
  const ids = [...completed.keys()];
  const ledger = await pg.query<{ procedure_id: string; decision: string; document_sha256: string | null }>(
    'SELECT procedure_id, decision, document_sha256 FROM ledger_entry WHERE procedure_id = ANY($1) ORDER BY seq',
    [ids],
  );
  const signOffs = new Map<string, { decision: string; sha: string | null }[]>();
  for (const e of ledger.rows) {
    signOffs.set(e.procedure_id, [
      ...(signOffs.get(e.procedure_id) ?? []),
      { decision: e.decision, sha: e.document_sha256 },
    ]);
  }
  for (const [id, type] of completed) {
    const mine = signOffs.get(id) ?? [];
    for (const [decisions, expected] of Object.entries(SIGNED[type])) {
      const n = mine.filter((e) => decisions.split('|').includes(e.decision)).length;
      if (n === expected) continue;
      if (n > expected) v.signOffsTwice += n - expected;
      else v.signOffsMissing += expected - n;
      v.problems.push(`${type} ${id}: ${decisions} signed ${n} times, its path signs it ${expected}`);
    }
    const same = SAME_TEXT[type];
    if (same) {
      const [reviewed, acted] = same.map((d) => mine.filter((e) => e.decision === d).pop()?.sha);
      if (!reviewed || reviewed !== acted) {
        v.recordsMissing += 1;
        v.problems.push(`${type} ${id}: ${same[1]} on ${acted}, not on the text ${same[0]} bound (${reviewed})`);
      }
    }
  }
  await contractRegisters(pg, completed, v);
  await filingCatalog(pg, completed, catalog, v);
  return v;
}

/** Each completed contract's register, as kept in PostgreSQL: signed, filed, one milestone done, one payment made. */
async function contractRegisters(pg: PgClient, completed: Map<string, ProcedureType>, v: TypeVerdict) {
  const ids = [...completed].filter(([, t]) => t === 'CONTRACT_REVIEW').map(([id]) => id);
  const rows = await pg.query<{ procedure_id: string; kind: string; content: string }>(
    `SELECT DISTINCT ON (procedure_id, kind) procedure_id, kind, content FROM decision_record
      WHERE procedure_id = ANY($1) AND kind IN ('STATE:signing', 'STATE:filing', 'STATE:milestones', 'STATE:payments')
      ORDER BY procedure_id, kind, recorded_at DESC`,
    [ids],
  );
  const kept = new Map(rows.rows.map((r) => [`${r.procedure_id}:${r.kind}`, JSON.parse(r.content) as unknown]));
  for (const id of ids) {
    const [signing, filing] = ['signing', 'filing'].map((f) => kept.get(`${id}:STATE:${f}`));
    const milestones = (kept.get(`${id}:STATE:milestones`) ?? []) as { doneAt: string | null }[];
    const payments = (kept.get(`${id}:STATE:payments`) ?? []) as { paidAt: string | null }[];
    const missing = [!signing && 'signing', !filing && 'filing'].filter(Boolean);
    missing.push(...(milestones.some((m) => m.doneAt) ? [] : ['milestone done']));
    missing.push(...(payments.some((p) => p.paidAt) ? [] : ['payment made']));
    const twice = Math.max(0, milestones.length - 1) + Math.max(0, payments.length - 1);
    v.recordsMissing += missing.length;
    v.recordsTwice += twice;
    if (missing.length || twice) {
      v.problems.push(`contract ${id}: register lacks ${missing.join(', ') || '—'}; ${twice} entries twice`);
    }
  }
}

/**
 * Each completed filing review: passed on the corrected text held, and listed once in the public catalog (`catalog`:
 * the case ids `GET /api/public/filing-catalog` lists, newest first, at most 100).
 */
async function filingCatalog(
  pg: PgClient,
  completed: Map<string, ProcedureType>,
  catalog: string[],
  v: TypeVerdict,
): Promise<void> {
  const ids = [...completed].filter(([, t]) => t === 'FILING_REVIEW').map(([id]) => id);
  const drafts = await pg.query<{ procedure_id: string; sha256: string }>(
    `SELECT DISTINCT ON (d.procedure_id) d.procedure_id, v.sha256 FROM document d
       JOIN document_version v ON v.document_id = d.id
      WHERE d.procedure_id = ANY($1) AND d.kind = 'DRAFT' ORDER BY d.procedure_id, v.version DESC`,
    [ids],
  );
  const passed = await pg.query<{ procedure_id: string; document_sha256: string }>(
    `SELECT procedure_id, document_sha256 FROM ledger_entry
      WHERE procedure_id = ANY($1) AND decision = 'FILING_REVIEW_PASSED'`,
    [ids],
  );
  const draftOf = new Map(drafts.rows.map((d) => [d.procedure_id, d.sha256]));
  const passedOn = new Map(passed.rows.map((p) => [p.procedure_id, p.document_sha256]));
  const listed = (id: string) => catalog.filter((c) => c === id).length;
  // The catalog answers at most 100: with more filings, one not among the newest 100 is not missing.
  const whole = ids.length <= 100;
  for (const id of ids) {
    if (listed(id) > 1 || (whole && listed(id) === 0)) {
      v.recordsMissing += listed(id) === 0 ? 1 : 0;
      v.recordsTwice += Math.max(0, listed(id) - 1);
      v.problems.push(`filing review ${id}: listed ${listed(id)} times in the catalog`);
    }
    if (!passedOn.get(id) || passedOn.get(id) !== draftOf.get(id)) {
      v.recordsMissing += 1;
      v.problems.push(`filing review ${id}: passed on ${passedOn.get(id)}, the text held is ${draftOf.get(id)}`);
    }
  }
}
