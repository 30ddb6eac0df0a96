/**
 * What a chaos run checks afterwards, on the stack's own database and Temporal: every procedure completed exactly
 * once (read model and workflow), numbers gap-free and unique per series and year, the ledger's hash chain verifies
 * (the API's `ledger:verify`), one decision per task, no task duplicated, no notification, delivery or document version
 * twice, each normative document filed once with each recipient its issuer requires, every filing accepted, and each
 * type's own path and records (verify-types.ts).
 */
import { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import type { ProcedureType } from '@lawgate/domain';
import type { ChaosClient } from './client';
import { DONE, verifyTypes } from './verify-types';

export interface ChaosVerdict {
  completed: Record<string, number>;
  checks: Record<string, unknown>;
  lost: number;
  duplicated: number;
  problems: string[];
}

export async function verifyAfterChaos(input: {
  databaseUrl: string;
  temporal: Client;
  /** By business key (`procedure.project_code`): what each job's bot reached. */
  finished: Map<string, { type: ProcedureType; procedureId?: string; error?: string }>;
  client: ChaosClient;
}): Promise<ChaosVerdict> {
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  const completed: Record<string, number> = {};
  const pg = new PgClient({ connectionString: input.databaseUrl });
  await pg.connect();
  try {
    const codes = [...input.finished.keys()];
    const rows = await pg.query<{
      project_code: string;
      id: string;
      workflow_id: string;
      stage: string;
      status: string;
      type: string;
    }>('SELECT project_code, id, workflow_id, stage, status, type FROM procedure WHERE project_code = ANY($1)', [
      codes,
    ]);
    const byCode = new Map<string, typeof rows.rows>();
    for (const row of rows.rows) byCode.set(row.project_code, [...(byCode.get(row.project_code) ?? []), row]);
    const workflowStatuses: Record<string, number> = {};
    const completedIds = new Map<string, ProcedureType>();
    for (const [code, job] of input.finished) {
      const found = byCode.get(code) ?? [];
      if (found.length > 1) {
        duplicated += found.length - 1;
        problems.push(`${code}: ${found.length} procedures`);
      }
      const p = found[0];
      if (!p || job.error || !DONE[job.type]?.(p)) {
        lost += 1;
        const workflow = p ? await describeStuck(input.temporal, p.workflow_id) : '';
        problems.push(
          `${code}: not completed (${p ? `${p.stage}/${p.status}` : 'no procedure'}${workflow}) ${job.error ?? ''}`,
        );
        continue;
      }
      const described = await input.temporal.workflow.getHandle(p.workflow_id).describe();
      const status = described.status.name;
      workflowStatuses[`${job.type}:${status}`] = (workflowStatuses[`${job.type}:${status}`] ?? 0) + 1;
      if (!['RUNNING', 'COMPLETED', 'CONTINUED_AS_NEW'].includes(status)) {
        lost += 1;
        problems.push(`${code}: workflow ${p.workflow_id} is ${status}`);
        continue;
      }
      completed[job.type] = (completed[job.type] ?? 0) + 1;
      completedIds.set(p.id, job.type);
    }

    // Numbers: per series and year, 1..n with no gap and none twice.
    const series = await pg.query<{
      issuer_series_id: string;
      year: number;
      n: string;
      distinct_seq: string;
      max_seq: number;
      distinct_numbers: string;
      last_seq: number | null;
    }>(
      `SELECT r.issuer_series_id, r.year, count(*) AS n, count(DISTINCT r.seq) AS distinct_seq, max(r.seq) AS max_seq,
              count(DISTINCT r.number) AS distinct_numbers, max(c.last_seq) AS last_seq
         FROM register_entry r LEFT JOIN number_counter c ON c.issuer_series_id = r.issuer_series_id AND c.year = r.year
        GROUP BY r.issuer_series_id, r.year`,
    );
    let numberGaps = 0;
    let numbersTwice = 0;
    let numbered = 0;
    for (const s of series.rows) {
      numbered += Number(s.n);
      numbersTwice += Number(s.n) - Math.min(Number(s.distinct_seq), Number(s.distinct_numbers));
      numberGaps += Math.max(Number(s.max_seq), Number(s.last_seq ?? 0)) - Number(s.distinct_seq);
    }
    if (numberGaps) problems.push(`${numberGaps} gaps in numbering`);
    if (numbersTwice) problems.push(`${numbersTwice} numbers given twice`);

    // Filings: each document in force filed with its recipients (one filing each), every filing accepted.
    const filings = await pg.query<{ project_code: string; n: string; recipients: string; accepted: string }>(
      `SELECT p.project_code, count(f.id) AS n, count(DISTINCT f.recipient) AS recipients,
              count(f.id) FILTER (WHERE f.status = 'ACCEPTED') AS accepted
         FROM procedure p JOIN register_entry r ON r.procedure_id = p.id LEFT JOIN filing f ON f.register_entry_id = r.id
        WHERE p.project_code = ANY($1) GROUP BY p.project_code`,
      [codes],
    );
    const filingsOf = new Map(filings.rows.map((f) => [f.project_code, f]));
    let filed = 0;
    let filingsNotAccepted = 0;
    let filingsTwice = 0;
    for (const [code, job] of input.finished) {
      if (job.type !== 'NORMATIVE_DOCUMENT') continue;
      const f = filingsOf.get(code);
      const n = Number(f?.n ?? 0);
      filed += n;
      const open = n ? n - Number(f!.accepted) : 1;
      filingsNotAccepted += open;
      filingsTwice += n - Number(f?.recipients ?? 0);
      if (open) problems.push(`${code}: ${n ? `${open} of ${n} filings` : 'no filing'} not accepted`);
    }
    if (filingsTwice) problems.push(`${filingsTwice} filings twice with one recipient`);

    const count = async (label: string, sql: string) => {
      const n = Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) x`)).rows[0].n);
      if (n) problems.push(`${n} × ${label}`);
      return n;
    };
    const tasksTwice = await count(
      'task duplicated',
      `SELECT procedure_id, stage, round, kind, coalesce(assignee_user_id, assignee_unit_id) FROM task
        GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1`,
    );
    const decisionsTwice = await count(
      'task decided twice in the ledger',
      'SELECT task_id FROM ledger_entry WHERE task_id IS NOT NULL GROUP BY task_id HAVING count(*) > 1',
    );
    const notificationsTwice = await count(
      'notification twice',
      `SELECT kind, procedure_id, task_id, recipient_user_id, recipient_unit_id, message FROM notification
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1`,
    );
    const deliveriesTwice = await count(
      'delivery sent twice',
      `SELECT notification_id, user_id, channel FROM notification_delivery GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    const filingEventsTwice = await count(
      'filing event recorded twice',
      'SELECT filing_id, event FROM filing_event GROUP BY 1, 2 HAVING count(*) > 1',
    );
    // An upload is keyed by its kind and bytes: the same bytes twice in one document is an upload that acted twice.
    const versionsTwice = await count(
      'document version recorded twice',
      'SELECT document_id, sha256 FROM document_version GROUP BY 1, 2 HAVING count(*) > 1',
    );
    const openTasksLeft = Number(
      (
        await pg.query<{ n: string }>(
          `SELECT count(*) AS n FROM task t JOIN procedure p ON p.id = t.procedure_id
            WHERE t.status = 'OPEN' AND p.project_code = ANY($1)`,
          [codes],
        )
      ).rows[0].n,
    );
    const ledger = await input.client.call<{ ok: boolean; checked?: number }>(
      'officer.zhang',
      'GET',
      '/api/admin/ledger/verify',
    );
    if (!ledger.ok) problems.push(`ledger does not verify: ${JSON.stringify(ledger)}`);
    const catalog = await input.client.call<{ items: { caseId: string }[] }>(
      null,
      'GET',
      '/api/public/filing-catalog?limit=100',
    );
    const types = await verifyTypes(
      pg,
      completedIds,
      catalog.items.map((i) => i.caseId),
    );
    problems.push(...types.problems);
    duplicated +=
      numbersTwice +
      tasksTwice +
      decisionsTwice +
      notificationsTwice +
      deliveriesTwice +
      filingsTwice +
      filingEventsTwice +
      versionsTwice +
      types.signOffsTwice +
      types.recordsTwice;
    lost += numberGaps + filingsNotAccepted + (ledger.ok ? 0 : 1) + types.signOffsMissing + types.recordsMissing;
    return {
      completed,
      checks: {
        workflowStatuses,
        numbered,
        numberGaps,
        numbersTwice,
        ledger,
        tasksTwice,
        decisionsTwice,
        notificationsTwice,
        deliveriesTwice,
        filed,
        filingsNotAccepted,
        filingsTwice,
        filingEventsTwice,
        versionsTwice,
        signOffsMissing: types.signOffsMissing,
        signOffsTwice: types.signOffsTwice,
        recordsMissing: types.recordsMissing,
        recordsTwice: types.recordsTwice,
        openTasksLeft,
      },
      lost,
      duplicated,
      problems,
    };
  } finally {
    await pg.end();
  }
}

/**
 * What the workflow of a procedure that did not complete is doing: its status, its pending workflow task (a task
 * that keeps failing refuses every update) and its pending activities with their attempts and last failure.
 */
async function describeStuck(temporal: Client, workflowId: string): Promise<string> {
  try {
    const d = await temporal.workflow.getHandle(workflowId).describe();
    const task = d.raw.pendingWorkflowTask;
    const activities = (d.raw.pendingActivities ?? []).map(
      (a) => `${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message ?? 'no failure'}`,
    );
    return (
      `; workflow ${d.status.name}, ${d.historyLength} events` +
      (task ? `, workflow task pending (attempt ${task.attempt}, state ${task.state})` : '') +
      (activities.length ? `, activities: ${activities.join('; ')}` : '')
    );
  } catch (err) {
    return `; workflow not described: ${String(err)}`;
  }
}
