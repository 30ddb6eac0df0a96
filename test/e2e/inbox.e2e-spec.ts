import type { DataSource } from 'typeorm';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Task {
  id: string;
  assigneeUserId: string | null;
  dueAt: string | null;
}
interface Inbox {
  items: Task[];
  nextCursor: string | null;
  counts: { open: number; overdue: number };
}
interface ErrorBody {
  code: string;
  message: string;
}

describe('the inbox: filters, paging, claim, release and reassignment', () => {
  let http: ApiClient;
  let db: DataSource;
  let taskA: string;
  let taskB: string;
  /** The procedure of each task, whose step closes it. */
  const procedureOf: Record<string, string> = {};

  const stack = useStack('e2e-inbox');
  beforeAll(async () => {
    ({ http, db } = stack);
    const start = async () => {
      const started = await http.as<{ procedureId: string; openTaskId: string }>(
        'drafter.edu',
        'POST',
        '/api/procedures/normative-documents',
        { body: { projectCode: uniqueSuffix(), title: '金坛区某某管理办法', application: validApplication } },
      );
      procedureOf[started.body.openTaskId] = started.body.procedureId;
      return started.body.openTaskId;
    };
    taskA = await start();
    taskB = await start();
  });

  const inbox = (user: string, query = '') => http.as<Inbox>(user, 'GET', `/api/tasks/inbox${query}`);
  const userId = async (username: string) =>
    (await db.query<{ id: string }[]>('SELECT id FROM app_user WHERE username = $1', [username]))[0].id;

  it('should page through the whole inbox with a cursor, each task once, matching the count', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let counts: Inbox['counts'] | undefined;
    let pages = 0;
    do {
      pages += 1;
      // Other files leave open tasks for the office in the run's database: the bound is the count, not a number.
      if (counts && pages > counts.open + 5) throw new Error('the cursor does not advance');
      const page: { status: number; body: Inbox } = await inbox(
        'officer.zhang',
        `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((t) => t.id));
      counts = page.body.counts;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([taskA, taskB]));
    expect(seen.length).toBe(counts.open);

    const overdue = await inbox('officer.zhang', '?overdue=true');
    expect(overdue.body.items.map((t) => t.id)).not.toContain(taskA);
    expect(overdue.body.items.every((t) => t.dueAt !== null && Date.parse(t.dueAt) < Date.now())).toBe(true);
    const bad = await http.as<ErrorBody>('officer.zhang', 'GET', '/api/tasks/inbox?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/cursor is not valid; start again from the first page/);
    const badFlag = await http.as<ErrorBody>('officer.zhang', 'GET', '/api/tasks/inbox?overdue=maybe');
    expect(badFlag.status).toBe(400);
  });

  it('should let one officer claim a task, hiding it from colleagues, and release it again', async () => {
    const claimed = await http.as<Task>('officer.liu', 'POST', `/api/tasks/${taskA}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assigneeUserId).toBe(await userId('officer.liu'));
    expect((await inbox('officer.zhang')).body.items.map((t) => t.id)).not.toContain(taskA);
    expect((await inbox('officer.liu')).body.items.map((t) => t.id)).toContain(taskA);

    const before = await recordCounts(db);
    const grab = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskA}/claim`);
    expect(grab.status).toBe(409);
    expect(grab.body.message).toBe('This task is already held by 刘审核（司法局）.');
    const decide = await http.as<ErrorBody>(
      'officer.zhang',
      'POST',
      `/api/procedures/${procedureOf[taskA]}/steps/project-approval`,
      {
        body: { decision: 'APPROVED', opinion: '' },
      },
    );
    expect(decide.status).toBe(403);
    expect(decide.body.message).toMatch(/held by another person/);
    const notHolder = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskA}/release`);
    expect(notHolder.status).toBe(403);
    const adviser = await http.as<ErrorBody>('adviser.li', 'POST', `/api/tasks/${taskB}/claim`);
    expect(adviser.status).toBe(404);
    expect(await recordCounts(db)).toEqual(before);

    const released = await http.as<Task>('officer.liu', 'POST', `/api/tasks/${taskA}/release`);
    expect(released.body.assigneeUserId).toBeNull();
    expect((await inbox('officer.zhang')).body.items.map((t) => t.id)).toContain(taskA);
    const actions = await db.query<{ action: string }[]>(
      "SELECT action FROM audit_entry WHERE details->>'taskId' = $1 AND action IN ('task.claimed', 'task.released') ORDER BY id",
      [taskA],
    );
    expect(actions.map((a) => a.action)).toEqual(['task.claimed', 'task.released']);
  });

  it('should let the legal-affairs office reassign with a written reason, and refuse an ineligible person', async () => {
    const before = await recordCounts(db);
    const noReason = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskB}/reassign`, {
      body: { toUserId: await userId('officer.liu') },
    });
    expect(noReason.status).toBe(400);
    const toAdviser = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskB}/reassign`, {
      body: { toUserId: await userId('adviser.li'), reason: '请顾问处理' },
    });
    expect(toAdviser.status).toBe(422);
    expect(toAdviser.body.message).toMatch(
      /cannot hold a PROJECT_APPROVAL task: it needs one of the roles LEGAL_AFFAIRS_OFFICER/,
    );
    const byDrafter = await http.as<ErrorBody>('drafter.edu', 'POST', `/api/tasks/${taskB}/reassign`, {
      body: { toUserId: await userId('officer.liu'), reason: '我想换人' },
    });
    expect(byDrafter.status).toBe(403);
    expect(await recordCounts(db)).toEqual(before);

    const moved = await http.as<Task>('officer.zhang', 'POST', `/api/tasks/${taskB}/reassign`, {
      body: { toUserId: await userId('officer.liu'), reason: '张审核出差，由刘审核办理' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.assigneeUserId).toBe(await userId('officer.liu'));
    const [audit] = await db.query<{ actor_kind: string; reason: string }[]>(
      "SELECT actor_kind, reason FROM audit_entry WHERE action = 'task.reassigned' AND details->>'taskId' = $1",
      [taskB],
    );
    expect(audit).toEqual({ actor_kind: 'OPERATOR', reason: '张审核出差，由刘审核办理' });
    // Reassignment moves who holds the task, never the procedure: it still waits for the decision.
    const [procedure] = await db.query<{ stage: string }[]>(
      'SELECT p.stage FROM procedure p JOIN task t ON t.procedure_id = p.id WHERE t.id = $1',
      [taskB],
    );
    expect(procedure.stage).toBe('PROJECT_APPROVAL');
    const decided = await http.as<{ stage: string }>(
      'officer.liu',
      'POST',
      `/api/procedures/${procedureOf[taskB]}/steps/project-approval`,
      {
        body: { decision: 'APPROVED', opinion: '同意立项' },
      },
    );
    expect(decided.body.stage).toBe('DRAFTING');
  });
});
