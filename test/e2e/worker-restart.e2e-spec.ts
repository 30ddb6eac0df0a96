import type { DataSource } from 'typeorm';
import { ApiClient } from '../support/http';
import { startApi, startWorker, uniqueTaskQueue, type AppProcess } from '../support/processes';
import { validApplication } from '../support/records';
import { openTestDataSource, uniqueSuffix } from '../support/test-env';

/**
 * Procedures wait for people for days; workers restart in between. A worker killed while a procedure waits must
 * leave nothing half-done, and the step completes once a worker is back, with exactly one of everything.
 */
describe('worker restart while a procedure waits for a person', () => {
  const taskQueue = uniqueTaskQueue('e2e-restart');
  let api: AppProcess;
  let worker: AppProcess | undefined;
  let http: ApiClient;
  let db: DataSource;

  beforeAll(async () => {
    db = await openTestDataSource();
    worker = await startWorker({ taskQueue });
    const started = await startApi({ taskQueue });
    api = started.api;
    http = new ApiClient(started.baseUrl);
  }, 120000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db?.destroy();
  });

  it('should complete the step after the worker is killed and restarted, recording it exactly once', async () => {
    const start = await http.as<{ procedureId: string; openTaskId: string; stage: string }>(
      'drafter.edu',
      'POST',
      '/api/procedures/normative-documents',
      { body: { projectCode: uniqueSuffix(), title: '金坛区农村集体资产管理办法', application: validApplication } },
    );
    expect(start.status).toBe(201);
    expect(start.body.stage).toBe('PROJECT_APPROVAL');

    // SIGKILL: no graceful drain, as when a machine dies.
    await worker!.stop('SIGKILL');
    worker = undefined;

    // The procedure's page still answers while no worker runs: from the read model, without the live view.
    const asked = Date.now();
    const page = await http.as<{ stage: string; live: unknown }>(
      'officer.zhang',
      'GET',
      `/api/procedures/${start.body.procedureId}`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ stage: 'PROJECT_APPROVAL', live: null });
    expect(Date.now() - asked).toBeLessThan(15000);

    // The officer decides while no worker runs; the request waits for the procedure to come back.
    const decision = http.as<{ stage: string }>(
      'officer.zhang',
      'POST',
      `/api/procedures/${start.body.procedureId}/steps/project-approval`,
      {
        body: { decision: 'APPROVED', opinion: '同意立项。' },
        headers: { 'idempotency-key': `restart-${start.body.procedureId}` },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    worker = await startWorker({ taskQueue });

    const res = await decision;
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('DRAFTING');

    const id = start.body.procedureId;
    const tasks = await db.query<{ status: string; outcome: string }[]>(
      'SELECT status, outcome FROM task WHERE procedure_id = $1',
      [id],
    );
    expect(tasks).toEqual([{ status: 'DONE', outcome: 'APPROVED' }]);
    const decisions = await db.query<{ decision: string }[]>(
      'SELECT decision FROM ledger_entry WHERE procedure_id = $1',
      [id],
    );
    expect(decisions).toEqual([{ decision: 'APPROVED' }]);
    const audits = await db.query<{ action: string }[]>(
      "SELECT action FROM audit_entry WHERE procedure_id = $1 AND action = 'task.decided'",
      [id],
    );
    expect(audits).toHaveLength(1);
    const [procedure] = await db.query<{ stage: string }[]>('SELECT stage FROM procedure WHERE id = $1', [id]);
    expect(procedure.stage).toBe('DRAFTING');
  });

  it('should drain on SIGTERM and exit cleanly', async () => {
    // Nest closes the app (draining the worker) and then re-raises the signal, as a well-behaved process does.
    const exit = await worker!.stop('SIGTERM');
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(worker!.output.some((line) => line.includes('worker drained and stopped'))).toBe(true);
    worker = undefined;
  });
});
