import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { lawgateTestDataConverter } from '../support/secrets';
import { validApplication } from '../support/records';
import { useStack } from '../support/stack';
import { testEnv, uniqueSuffix } from '../support/test-env';
import type { Alert, Snapshot } from '../support/integrity';

/**
 * An operator with the raw Temporal client (network access to the frontend, no need for LawGate's keys) terminates
 * one procedure's workflow and resets another's to an earlier point. Neither act goes through LawGate, so nothing in
 * the ledger or the read model says so; the reconciliation compares them with the workflows' status and history and
 * the office sees an integrity alert for each, over the API and in the audit trail.
 */
describe('the reconciliation of procedures with their workflows', () => {
  const stack = useStack('e2e-reconcile');
  let connection: Connection;
  let operator: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    operator = new Client({ connection, dataConverter: lawgateTestDataConverter() });
  });

  afterAll(async () => {
    await connection?.close();
  });

  async function approvedProcedure(title: string): Promise<Snapshot> {
    const started = await stack.http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode: uniqueSuffix(), title, application: validApplication },
    });
    expect(started.status).toBe(201);
    const approved = await stack.http.as<Snapshot>(
      'officer.zhang',
      'POST',
      `/api/procedures/${started.body.procedureId}/steps/project-approval`,
      { body: { decision: 'APPROVED', opinion: '同意立项' } },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('DRAFTING');
    return started.body;
  }

  const alertsOf = async (procedureId: string) => {
    const res = await stack.http.as<{ alerts: Alert[] }>(
      'officer.zhang',
      'GET',
      `/api/admin/integrity/alerts?procedureId=${procedureId}`,
    );
    expect(res.status).toBe(200);
    return res.body.alerts;
  };

  it('raises an alert for a workflow terminated and one reset outside LawGate, once each', async () => {
    const terminated = await approvedProcedure('金坛区被终止测试办法');
    const reset = await approvedProcedure('金坛区被重置测试办法');
    expect(await alertsOf(terminated.procedureId)).toEqual([]);
    expect(await alertsOf(reset.procedureId)).toEqual([]);

    await operator.workflow.getHandle(terminated.workflowId).terminate('终止（运维手工操作）');

    const handle = operator.workflow.getHandle(reset.workflowId);
    const history = await handle.fetchHistory();
    const firstTask = (history.events ?? []).find(
      (e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
    )!;
    const { runId: resetRunId } = await connection.workflowService.resetWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: reset.workflowId },
      reason: '重置到立项之前（运维手工操作）',
      workflowTaskFinishEventId: firstTask.eventId,
      requestId: randomUUID(),
    });

    const run = await stack.http.as<{ checked: number; raised: Alert[] }>(
      'officer.zhang',
      'POST',
      '/api/admin/integrity/reconcile',
    );
    expect(run.status).toBe(200);
    expect(run.body.checked).toBeGreaterThanOrEqual(2);
    const raisedFor = (id: string) => run.body.raised.filter((a) => a.procedureId === id).map((a) => a.kind);
    expect(raisedFor(terminated.procedureId)).toEqual(['WORKFLOW_TERMINATED']);
    expect(raisedFor(reset.procedureId)).toEqual(['WORKFLOW_RESET']);

    const [termination] = await alertsOf(terminated.procedureId);
    expect(termination).toMatchObject({
      workflowId: terminated.workflowId,
      kind: 'WORKFLOW_TERMINATED',
      message: expect.stringContaining('终止（运维手工操作）') as string,
      details: { readModel: { status: 'ACTIVE', stage: 'DRAFTING' } },
    });
    const [resetAlert] = await alertsOf(reset.procedureId);
    expect(resetAlert).toMatchObject({ workflowId: reset.workflowId, runId: resetRunId, kind: 'WORKFLOW_RESET' });

    // The office sees them in the audit trail too; other roles do not read alerts.
    const audit = await stack.http.as<{ entries: { procedureId: string; details: { kind: string } }[] }>(
      'officer.zhang',
      'GET',
      `/api/admin/audit?action=integrity.alert&procedureId=${terminated.procedureId}`,
    );
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        procedureId: terminated.procedureId,
        details: expect.objectContaining({ kind: 'WORKFLOW_TERMINATED' }),
      }),
    ]);
    expect((await stack.http.as('drafter.edu', 'GET', '/api/admin/integrity/alerts')).status).toBe(403);
    expect((await stack.http.as('drafter.edu', 'POST', '/api/admin/integrity/reconcile')).status).toBe(403);
    const withBody = await stack.http.as<{ code: string }>('officer.zhang', 'POST', '/api/admin/integrity/reconcile', {
      body: { all: true },
    });
    expect({ status: withBody.status, code: withBody.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });

    // Reconciling again raises nothing twice.
    const again = await stack.http.as<{ raised: Alert[] }>('officer.zhang', 'POST', '/api/admin/integrity/reconcile');
    expect(
      again.body.raised.filter((a) => [terminated.procedureId, reset.procedureId].includes(a.procedureId)),
    ).toEqual([]);
    expect(await alertsOf(terminated.procedureId)).toHaveLength(1);
  });
});
