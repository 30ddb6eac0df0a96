import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { Context } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import type { LawGateActivities } from '../../activities';
import { ActivitiesModule } from '../../activities/activities.module';
import { RegisterActivities } from '../../activities/register.activities';
import { AppConfigModule } from '@lawgate/config';
import {
  DOCUMENT_REGISTRATION_WORKFLOW_TYPE,
  registrationWorkflowId,
  type DocumentRegistrationWorkflow,
  type RegisterDocumentInput,
  type RegisteredDocument,
} from '@lawgate/domain';
import { RegisterRepository } from '@lawgate/persistence';
import { freshSeries, insertProcedures } from '../support/register';
import { testEnv, uniqueSuffix } from '../support/test-env';

/**
 * The worker dies after the registration committed and before Temporal heard of it: the retried activity must return
 * the number already taken, and the counter must have moved once. The activities are the real ones, on the run's
 * PostgreSQL; only the crash is simulated.
 */
describe('documentRegistrationWorkflow', () => {
  const taskQueue = `wf-registration-${uniqueSuffix()}`;
  let connection: Connection;
  let client: Client;
  let nativeConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let close: () => Promise<void>;
  let db: DataSource;
  let register: RegisterRepository;
  const attempts: { attempt: number; result: RegisteredDocument }[] = [];

  beforeAll(async () => {
    const env = testEnv();
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    const app = await moduleRef.init();
    const real = app.get(RegisterActivities);
    db = app.get(DataSourceToken);
    register = app.get(RegisterRepository);
    close = () => app.close();

    const activities: Pick<LawGateActivities, 'registerDocument'> = {
      registerDocument: async (input) => {
        const { attempt } = Context.current().info;
        const result = await real.registerDocument(input);
        attempts.push({ attempt, result });
        if (attempt === 1) throw new Error('the worker died after the registration committed');
        return result;
      },
    };
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({ connection });
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: { codePath: env.workflowBundlePath },
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    await close();
  });

  it('should return the number of the first, committed attempt when the activity is retried', async () => {
    const series = await freshSeries(db);
    const [{ procedureId, workflowId }] = await insertProcedures(db, 1);
    const input: RegisterDocumentInput = {
      procedureId,
      workflowId,
      issuerUnitId: series.issuerUnitId,
      series: series.series,
      title: '金坛区测试管理办法',
      documentSha256: createHash('sha256').update(procedureId).digest('hex'),
      validityYears: 5,
      registeredBy: null,
      idempotencyKey: registrationWorkflowId(procedureId),
    };
    const result = await client.workflow.execute<DocumentRegistrationWorkflow>(DOCUMENT_REGISTRATION_WORKFLOW_TYPE, {
      workflowId: registrationWorkflowId(procedureId),
      taskQueue,
      args: [input],
      workflowExecutionTimeout: '60 seconds',
    });

    const mine = attempts.filter((a) => a.result.registerEntryId === result.registerEntryId);
    expect(mine.map((a) => a.attempt)).toEqual([1, 2]);
    expect(mine[1].result).toEqual(mine[0].result);
    expect(result).toEqual(mine[0].result);
    expect(result.seq).toBe(1);
    expect(result.number).toBe(`${series.prefix}〔${result.year}〕1号`);
    expect(await register.lastSeq(series.seriesId, result.year)).toBe(1);
    const entries = await db.query<unknown[]>('SELECT 1 FROM register_entry WHERE procedure_id = $1', [procedureId]);
    expect(entries).toHaveLength(1);
  });
});
