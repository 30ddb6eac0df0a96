import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { ProcedureActivities } from '../../activities/procedure.activities';
import { AppConfigModule } from '@lawgate/config';
import { OrgUnitKind, Role, type Actor } from '@lawgate/domain';
import { recordCounts } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

/** Activities are retried by Temporal: each must write its effect once however often it runs. */
describe(ProcedureActivities.name, () => {
  let activities: ProcedureActivities;
  let db: DataSource;
  let close: () => Promise<void>;
  let drafter: Actor;
  let officer: Actor;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    const app = await moduleRef.init();
    activities = app.get(ProcedureActivities);
    db = app.get(DataSourceToken);
    close = () => app.close();
    const user = async (username: string): Promise<Actor> => {
      const [row] = await db.query<{ id: string; display_name: string; org_unit_id: string; roles: Role[] }[]>(
        'SELECT id, display_name, org_unit_id, roles FROM app_user WHERE username = $1',
        [username],
      );
      return { userId: row.id, username, displayName: row.display_name, roles: row.roles, unitId: row.org_unit_id };
    };
    drafter = await user('drafter.edu');
    officer = await user('officer.zhang');
  });

  afterAll(async () => close());

  async function register() {
    const procedureId = randomUUID();
    const workflowId = `normative-document:JT-EDU:${uniqueSuffix()}`;
    const input = {
      procedureId,
      workflowId,
      type: 'NORMATIVE_DOCUMENT',
      projectCode: 'p',
      title: '测试',
      departmentId: drafter.unitId,
      initiator: drafter,
      stage: 'PROJECT_APPROVAL',
      policyVersion: 'test',
      details: { application: { necessity: 'n' } },
    };
    await activities.registerProcedure(input);
    return input;
  }

  const taskInput = (procedureId: string, workflowId: string) => ({
    procedureId,
    workflowId,
    stage: 'PROJECT_APPROVAL',
    round: 1,
    kind: 'PROJECT_APPROVAL',
    title: '立项审批',
    legalBasis: { regulation: '国办发〔2018〕37号', article: '立项', verified: false },
    assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
    period: { amount: 3600, unit: 'SECONDS' as const },
  });

  it('should register a procedure once however often it runs', async () => {
    const input = await register();
    const before = await recordCounts(db);
    await activities.registerProcedure(input);
    expect(await recordCounts(db)).toEqual(before);
    const rows = await db.query<{ stage: string; initiator_id: string }[]>(
      'SELECT stage, initiator_id FROM procedure WHERE workflow_id = $1',
      [input.workflowId],
    );
    expect(rows).toEqual([{ stage: 'PROJECT_APPROVAL', initiator_id: drafter.userId }]);
  });

  it('should open one task per step, routed to the legal-affairs office with its legal basis and due date', async () => {
    const { procedureId, workflowId } = await register();
    const first = await activities.openTask(taskInput(procedureId, workflowId));
    const retried = await activities.openTask(taskInput(procedureId, workflowId));
    expect(retried).toEqual(first);
    expect(first.assigneeUnitId).toBe(officer.unitId);
    const [task] = await db.query<{ legal_basis: string; due_at: Date; due_calendar_version: number | null }[]>(
      'SELECT legal_basis, due_at, due_calendar_version FROM task WHERE id = $1',
      [first.taskId],
    );
    expect(task.legal_basis).toBe('国办发〔2018〕37号 立项（待核实）');
    expect(task.due_calendar_version).toBeNull(); // a test period in seconds needs no calendar
    const seconds = (task.due_at.getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(3500);
    expect(seconds).toBeLessThanOrEqual(3600);
  });

  it('should count deadlines on the loaded holiday calendar and record its version', async () => {
    const [{ version }] = await db.query<{ version: number }[]>(
      'SELECT max(version)::int AS version FROM calendar_version',
    );
    // Fifteen working days of legality review from Friday 2026-09-25, across the National Day break.
    const review = await activities.deadlineFrom(new Date('2026-09-25T02:00:00Z'), {
      amount: 15,
      unit: 'WORKING_DAYS',
    });
    expect(review).toEqual({ dueAt: new Date('2026-10-22T16:00:00Z'), calendarVersion: version, problem: null });
    // Thirty calendar days from 2026-09-01 end on National Day and roll to the first working day after the break.
    const comment = await activities.deadlineFrom(new Date('2026-09-01T02:00:00Z'), {
      amount: 30,
      unit: 'CALENDAR_DAYS',
    });
    expect(comment.dueAt).toEqual(new Date('2026-10-08T16:00:00Z'));
  });

  it('should give no due date, and say why, past the last loaded year', async () => {
    const deadline = await activities.deadlineFrom(new Date('2099-03-02T02:00:00Z'), {
      amount: 5,
      unit: 'WORKING_DAYS',
    });
    expect(deadline.dueAt).toBeNull();
    expect(deadline.problem).toMatch(/no data for 2099 \(loaded: 2004–\d{4}.*\); 2099-03-03 cannot be counted/);
  });

  it('should record a decision once per key: task closed, one ledger entry, one audit entry, stage moved', async () => {
    const { procedureId, workflowId } = await register();
    const { taskId } = await activities.openTask(taskInput(procedureId, workflowId));
    const decision = {
      procedureId,
      workflowId,
      taskId,
      stage: 'PROJECT_APPROVAL',
      decision: 'APPROVED',
      opinion: '同意',
      actor: officer,
      actorRole: Role.LegalAffairsOfficer,
      documentSha256: null,
      idempotencyKey: `update-${randomUUID()}`,
      nextStage: 'DRAFTING',
      nextStatus: 'ACTIVE',
    };
    const first = await activities.recordDecision(decision);
    const retried = await activities.recordDecision(decision);
    expect(retried).toEqual(first);
    const counts = await db.query<{ tasks: string; ledger: string; audits: string; stage: string }[]>(
      `SELECT (SELECT count(*) FROM task WHERE procedure_id = $1 AND status = 'DONE') AS tasks,
              (SELECT count(*) FROM ledger_entry WHERE procedure_id = $1) AS ledger,
              (SELECT count(*) FROM audit_entry WHERE procedure_id = $1 AND action = 'task.decided') AS audits,
              (SELECT stage FROM procedure WHERE id = $1) AS stage`,
      [procedureId],
    );
    expect(counts).toEqual([{ tasks: '1', ledger: '1', audits: '1', stage: 'DRAFTING' }]);
  });

  it('should remind and escalate an open task once each, and leave closed tasks alone', async () => {
    const { procedureId, workflowId } = await register();
    const { taskId } = await activities.openTask(taskInput(procedureId, workflowId));
    expect(await activities.remindTask({ taskId })).toBe(true);
    expect(await activities.remindTask({ taskId })).toBe(false);
    expect(await activities.escalateOverdueTask({ taskId })).toBe(true);
    expect(await activities.escalateOverdueTask({ taskId })).toBe(false);
    const notes = await db.query<{ kind: string; recipient_unit_id: string }[]>(
      'SELECT kind, recipient_unit_id FROM notification WHERE task_id = $1 ORDER BY created_at',
      [taskId],
    );
    const [government] = await db.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-GOV'");
    // The office's own task is reminded to the office and escalated to the government's leaders.
    expect(notes).toEqual([
      { kind: 'TASK_ASSIGNED', recipient_unit_id: officer.unitId },
      { kind: 'TASK_REMINDER', recipient_unit_id: officer.unitId },
      { kind: 'TASK_OVERDUE', recipient_unit_id: government.id },
    ]);

    const other = await register();
    const closed = await activities.openTask(taskInput(other.procedureId, other.workflowId));
    await db.query("UPDATE task SET status = 'DONE' WHERE id = $1", [closed.taskId]);
    expect(await activities.remindTask({ taskId: closed.taskId })).toBe(false);
    expect(await activities.escalateOverdueTask({ taskId: closed.taskId })).toBe(false);
  });

  it('should refuse, without retrying, a task nobody can take', async () => {
    const { procedureId, workflowId } = await register();
    const input = { ...taskInput(procedureId, workflowId), assignTo: { unitKind: 'NO_SUCH_KIND' as OrgUnitKind } };
    const err = await activities.openTask(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect((err as ApplicationFailure).message).toMatch(/No organisation unit of kind NO_SUCH_KIND/);
  });
});
