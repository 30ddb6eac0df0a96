import { createHash } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { lawgateTestDataConverter } from '../support/secrets';
import type { DataSource } from 'typeorm';
import {
  DOCUMENT_REGISTRATION_WORKFLOW_TYPE,
  registrationWorkflowId,
  type DocumentRegistrationWorkflow,
  type RegisterDocumentInput,
} from '@lawgate/domain';
import { startWorker, uniqueTaskQueue, type AppProcess } from '../support/processes';
import { freshSeries, insertProcedures } from '../support/register';
import { openTestDataSource, testEnv } from '../support/test-env';

const COUNT = 64;

/**
 * Two worker processes (as production scales out) register 64 documents of one series at once: the numbers are
 * exactly 1..64, each once, whichever worker ran which registration.
 */
describe('registration under concurrency, across worker processes', () => {
  const taskQueue = uniqueTaskQueue('e2e-registration');
  let workers: AppProcess[] = [];
  let db: DataSource;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    db = await openTestDataSource();
    workers = await Promise.all([startWorker({ taskQueue }), startWorker({ taskQueue })]);
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    client = new Client({ connection, dataConverter: lawgateTestDataConverter() });
  }, 120000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await connection?.close();
    await db?.destroy();
  });

  it('should give numbers 1..64 exactly once, with both workers registering', async () => {
    const series = await freshSeries(db);
    const procedures = await insertProcedures(db, COUNT);
    const handles = await Promise.all(
      procedures.map(({ procedureId, workflowId }) => {
        const input: RegisterDocumentInput = {
          procedureId,
          workflowId,
          issuerUnitId: series.issuerUnitId,
          series: series.series,
          title: `金坛区并发登记测试办法（${procedureId.slice(0, 8)}）`,
          documentSha256: createHash('sha256').update(procedureId).digest('hex'),
          validityYears: 5,
          registeredBy: null,
          idempotencyKey: registrationWorkflowId(procedureId),
        };
        return client.workflow.start<DocumentRegistrationWorkflow>(DOCUMENT_REGISTRATION_WORKFLOW_TYPE, {
          workflowId: registrationWorkflowId(procedureId),
          taskQueue,
          args: [input],
        });
      }),
    );
    const results = await Promise.all(handles.map((h) => h.result()));

    const seqs = results.map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.number)).size).toBe(COUNT);
    for (const r of results) expect(r.number).toBe(`${series.prefix}〔${r.year}〕${r.seq}号`);
    const rows = await db.query<{ seq: number; n: string }[]>(
      'SELECT seq, count(*) AS n FROM register_entry WHERE issuer_series_id = $1 GROUP BY seq ORDER BY seq',
      [series.seriesId],
    );
    expect(rows.map((r) => r.seq)).toEqual(seqs);
    expect(rows.every((r) => r.n === '1')).toBe(true);
    const [counter] = await db.query<{ last_seq: number }[]>(
      'SELECT last_seq FROM number_counter WHERE issuer_series_id = $1',
      [series.seriesId],
    );
    expect(counter.last_seq).toBe(COUNT);

    // Which worker ran each registration: Temporal records the completing worker's identity (`pid@host`).
    const identities = await Promise.all(
      handles.map(async (h) => {
        const history = await h.fetchHistory();
        const completed = history.events?.find((e) => e.activityTaskCompletedEventAttributes);
        return completed?.activityTaskCompletedEventAttributes?.identity ?? '';
      }),
    );
    const pids = identities.map((identity) => Number(identity.split('@')[0]));
    for (const worker of workers) {
      expect(pids.filter((pid) => pid === worker.child.pid).length).toBeGreaterThan(0);
    }
    expect(pids.every((pid) => workers.some((w) => w.child.pid === pid))).toBe(true);
  });
});
