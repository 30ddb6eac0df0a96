import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { testEnv, uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  workflowId: string;
  stage: string;
  openTaskId: string | null;
}

/** Everything a forged call could change: row counts, the register, and the procedure's read model and live state. */
async function evidence(db: DataSource, procedureId: string) {
  const [procedure] = await db.query<{ stage: string; status: string }[]>(
    'SELECT stage, status FROM procedure WHERE id = $1',
    [procedureId],
  );
  const [register] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM register_entry');
  const [ledgerHead] = await db.query<{ hash: string | null }[]>(
    'SELECT max(hash) FILTER (WHERE seq = (SELECT max(seq) FROM ledger_entry)) AS hash FROM ledger_entry',
  );
  return { counts: await recordCounts(db), register: Number(register.n), procedure, ledgerHead: ledgerHead.hash };
}

/**
 * Someone who reaches the Temporal frontend (the real client, the network, the task queue's name) but holds none of
 * LawGate's keys: a forged update, a forged signal and a forged start are each refused or without effect.
 */
describe('the trust boundary: Temporal calls without LawGate keys', () => {
  const stack = useStack('e2e-trust');
  let connection: Connection;
  let forger: Client;
  let procedure: Snapshot;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    forger = new Client({ connection }); // the SDK's default data converter: plaintext JSON
    const started = await stack.http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode: uniqueSuffix(), title: '金坛区防伪测试办法', application: validApplication },
    });
    expect(started.status).toBe(201);
    procedure = started.body;
    expect(procedure.stage).toBe('PROJECT_APPROVAL');
  });

  afterAll(async () => {
    await connection?.close();
  });

  const madeUpOfficer = {
    userId: randomUUID(),
    username: 'officer.forged',
    displayName: '冒名审核人',
    roles: ['LEGAL_AFFAIRS_OFFICER'],
    unitId: randomUUID(),
  };

  it('refuses a forged update in its validator, before it enters the history', async () => {
    const before = await evidence(stack.db, procedure.procedureId);
    const handle = forger.workflow.getHandle(procedure.workflowId);
    const updatesInHistory = async () =>
      (await handle.fetchHistory()).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const updatesBefore = await updatesInHistory();
    const refusal = await handle
      .executeUpdate('decideProjectApproval', {
        args: [{ taskId: procedure.openTaskId, decision: 'APPROVED', opinion: '同意', actor: madeUpOfficer }],
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((refusal as WorkflowUpdateFailedError).cause as Error).message).toMatch(
      /not sealed with LawGate's keys \(plaintext payload\)/,
    );
    expect(await updatesInHistory()).toBe(updatesBefore);
    expect(await evidence(stack.db, procedure.procedureId)).toEqual(before);
  });

  it('ignores a forged signal', async () => {
    const before = await evidence(stack.db, procedure.procedureId);
    const handle = forger.workflow.getHandle(procedure.workflowId);
    await handle.signal('cleanupDecision', {
      campaignId: randomUUID(),
      decision: 'REPEAL',
      reason: '冒名清理',
      actor: madeUpOfficer,
    });
    // The signal is in the history, and has no effect: a document started since `cleanup-decision-update` has no
    // handler for it at all (a clean-up decision is the validated applyCleanupDecision update), and a document
    // started before ignores it as unsealed (the interceptor).
    await eventually(async () => {
      const history = await handle.fetchHistory();
      const signalled = (history.events ?? []).filter(
        (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'cleanupDecision',
      );
      expect(signalled).toHaveLength(1);
      const tasks = (history.events ?? []).filter((e) => e.workflowTaskCompletedEventAttributes);
      expect(tasks.length).toBeGreaterThan(0);
      expect(Number(tasks.at(-1)!.eventId)).toBeGreaterThan(Number(signalled[0].eventId));
    }, 20000);
    expect(await evidence(stack.db, procedure.procedureId)).toEqual(before);
    // The procedure still works for LawGate's own processes: the office approves through the API.
    const approved = await stack.http.as<Snapshot>(
      'officer.zhang',
      'POST',
      `/api/procedures/${procedure.procedureId}/steps/project-approval`,
      { body: { decision: 'APPROVED', opinion: '同意立项' } },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('DRAFTING');
  });

  it('ends a forged start with custom periods before any activity runs', async () => {
    const procedureId = randomUUID();
    const before = await evidence(stack.db, procedure.procedureId);
    const handle = await forger.workflow.start('normativeDocumentWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId: `normative-document:JT-EDU:forged-${uniqueSuffix()}`,
      args: [
        {
          procedureId,
          projectCode: 'forged',
          title: '冒名启动的办法',
          initiator: madeUpOfficer,
          departmentCode: 'JT-EDU',
          application: validApplication,
          policy: { version: 'forged', periods: { legalityReviewWorkingDays: 0, commentCalendarDays: 0 } },
        },
      ],
    });
    const failure = await handle.result().then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(((failure as WorkflowFailedError).cause as Error).message).toMatch(/The start refused/);
    const history = await handle.fetchHistory();
    expect(history.events!.some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
    expect(history.events!.some((e) => e.markerRecordedEventAttributes)).toBe(false); // no local activity either
    const rows = await stack.db.query<unknown[]>('SELECT id FROM procedure WHERE id = $1', [procedureId]);
    expect(rows).toEqual([]);
    expect(await evidence(stack.db, procedure.procedureId)).toEqual(before);
  });
});
