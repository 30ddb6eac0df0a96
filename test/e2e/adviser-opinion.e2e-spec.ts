import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
  documents?: Record<string, { version: number; sha256: string; versionId: string }>;
  pendingOpinion?: { taskId: string } | null;
  opinions?: { conclusion: string; version: number }[];
}
interface Task {
  id: string;
  kind: string;
  subjectVersionId: string | null;
  routingNote: string | null;
  assigneeUserId: string | null;
  delegateUserId: string | null;
  status: string;
}
interface ErrorBody {
  code: string;
  message: string;
}

const sha = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');
const V1 = '第一条 为了规范校外培训机构，制定本办法。\n第三条 培训机构应当缴纳保证金。\n';
const V2 = '第一条 为了规范校外培训机构，制定本办法。\n第三条 培训机构的资金监管依照有关规定执行。\n';

describe("a legal adviser's opinion on the exact draft version", () => {
  let http: ApiClient;
  let db: DataSource;
  let procedure: Snapshot;

  const stack = useStack('e2e-opinion');
  beforeAll(async () => {
    ({ http, db } = stack);
    procedure = (
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '金坛区校外培训机构管理办法', application: validApplication },
      })
    ).body;
    await http.as('officer.zhang', 'POST', `/api/procedures/${procedure.procedureId}/steps/project-approval`, {
      body: { decision: 'APPROVED', opinion: '同意立项' },
    });
  });

  const userId = async (username: string) =>
    (await db.query<{ id: string }[]>('SELECT id FROM app_user WHERE username = $1', [username]))[0].id;
  const upload = (text: string) =>
    http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${procedure.procedureId}/documents/DRAFT`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });

  it('should route the request to the adviser with the expertise, delegate the drafting, and refuse a stale sign-off', async () => {
    const v1 = await upload(V1);
    expect(v1.status).toBe(201);
    const asked = await http.as<Snapshot>(
      'drafter.edu',
      'POST',
      `/api/procedures/${procedure.procedureId}/adviser-opinion-requests`,
      {
        body: { expertise: ['教育'], question: '请审查第三条是否有上位法依据。' },
      },
    );
    expect(asked.status).toBe(201);
    const taskId = asked.body.pendingOpinion!.taskId;

    const inbox = await http.as<{ items: Task[] }>('adviser.li', 'GET', '/api/tasks/inbox');
    const task = inbox.body.items.find((t) => t.id === taskId)!;
    // The drafting unit's question reaches the adviser's task.
    expect(task).toMatchObject({
      kind: 'ADVISER_OPINION',
      subjectVersionId: v1.body.documents!.DRAFT.versionId,
      question: '请审查第三条是否有上位法依据。',
    });
    expect(task.routingNote).toMatch(
      /^Routed to 李律师（法律顾问） \(rules v\d+\): expertise 1\/1 \(教育\); assigned to the drafting department/,
    );

    // The holder is offered the other active advisers; nobody else may ask.
    const offered = await http.as<{ userId: string; displayName: string }[]>(
      'adviser.li',
      'GET',
      `/api/tasks/${taskId}/delegates`,
    );
    expect(offered.status).toBe(200);
    const offeredIds = offered.body.map((c) => c.userId);
    expect(offeredIds).toContain(await userId('adviser.zhao'));
    expect(offeredIds).not.toContain(await userId('adviser.li'));
    expect((await http.as<ErrorBody>('adviser.zhao', 'GET', `/api/tasks/${taskId}/delegates`)).status).toBe(403);
    expect((await http.as<ErrorBody>('drafter.edu', 'GET', `/api/tasks/${taskId}/delegates`)).status).toBe(403);

    const delegated = await http.as<Task>('adviser.li', 'POST', `/api/tasks/${taskId}/delegate`, {
      body: { toUserId: await userId('adviser.zhao'), reason: '赵律师熟悉资金监管规定，先行起草' },
    });
    expect(delegated.status).toBe(200);
    expect(
      (await http.as<{ items: Task[] }>('adviser.zhao', 'GET', '/api/tasks/inbox')).body.items.map((t) => t.id),
    ).toContain(taskId);
    const drafted = await http.as<Task>('adviser.zhao', 'POST', `/api/tasks/${taskId}/opinion-draft`, {
      body: { conclusion: 'MUST_AMEND', reasons: '第三条设定保证金缺乏法律依据，应当删除。', reviewedSha256: sha(V1) },
    });
    expect(drafted.status).toBe(200);
    const zhaoSigns = await http.as<ErrorBody>('adviser.zhao', 'POST', `/api/tasks/${taskId}/opinion`, {
      body: { conclusion: 'MUST_AMEND', reasons: 'x', reviewedSha256: sha(V1) },
    });
    expect(zhaoSigns.status).toBe(403);
    expect(zhaoSigns.body.message).toMatch(/Only the responsible adviser signs/);

    // The drafting unit revises while the opinion is being written: signing the old text is refused.
    expect((await upload(V2)).body.documents!.DRAFT.version).toBe(2);
    const before = await recordCounts(db);
    const stale = await http.as<ErrorBody>('adviser.li', 'POST', `/api/tasks/${taskId}/opinion`, {
      body: { conclusion: 'MUST_AMEND', reasons: '第三条设定保证金缺乏法律依据，应当删除。', reviewedSha256: sha(V1) },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'STALE_VERSION',
      message: `The draft has changed: version 2 (SHA-256 ${sha(V2).slice(0, 12)}…) is current. Read the current version and sign again.`,
    });
    expect(await recordCounts(db)).toEqual(before);

    const signed = await http.as<Snapshot>('adviser.li', 'POST', `/api/tasks/${taskId}/opinion`, {
      body: { conclusion: 'LAWFUL', reasons: '修改后的第三条符合上位法。', reviewedSha256: sha(V2) },
      headers: { 'idempotency-key': `sign-${taskId}` },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.pendingOpinion).toBeNull();
    expect(signed.body.opinions).toEqual([expect.objectContaining({ conclusion: 'LAWFUL', version: 2 })]);

    const ledger = await db.query<{ decision: string; document_sha256: string; actor_name: string; opinion: string }[]>(
      "SELECT decision, document_sha256, actor_name, opinion FROM ledger_entry WHERE procedure_id = $1 AND stage = 'DRAFTING' ORDER BY seq",
      [procedure.procedureId],
    );
    expect(ledger).toEqual([
      // The ledger keeps what the adviser was asked, on which text.
      {
        decision: 'ADVISER_OPINION_REQUESTED',
        document_sha256: sha(V1),
        actor_name: '王起草（教育局）',
        opinion: '向法律顾问提出的问题：请审查第三条是否有上位法依据。',
      },
      {
        decision: 'LAWFUL',
        document_sha256: sha(V2),
        actor_name: '李律师（法律顾问）',
        opinion: '修改后的第三条符合上位法。\n（会签：本意见由 赵律师（公职律师） 起草，经本人审核签署）',
      },
    ]);
    const [closed] = await db.query<{ status: string }[]>('SELECT status FROM task WHERE id = $1', [taskId]);
    expect(closed.status).toBe('DONE');
    const verify = await http.as<{ ok: boolean }>('admin', 'GET', '/api/admin/ledger/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('should show an adviser the drafts and the ledger only while or after holding a task in the procedure', async () => {
    const own = (
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '金坛区托育机构管理办法', application: validApplication },
      })
    ).body;
    await http.as('officer.zhang', 'POST', `/api/procedures/${own.procedureId}/steps/project-approval`, {
      body: { decision: 'APPROVED', opinion: '同意立项' },
    });
    const text = '第一条 为了规范托育机构，制定本办法。\n';
    const draft = await http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${own.procedureId}/documents/DRAFT`, {
      rawBody: text,
      headers: { 'content-type': 'text/plain' },
    });
    const versionId = draft.body.documents!.DRAFT.versionId;
    const asked = await http.as<Snapshot>(
      'drafter.edu',
      'POST',
      `/api/procedures/${own.procedureId}/adviser-opinion-requests`,
      {
        body: { expertise: ['教育'], question: '第一条是否有上位法依据？' },
      },
    );
    const taskId = asked.body.pendingOpinion!.taskId;
    const [routed] = await db.query<{ username: string; unit: string }[]>(
      'SELECT u.username, t.assignee_unit_id AS unit FROM task t JOIN app_user u ON u.id = t.assignee_user_id WHERE t.id = $1',
      [taskId],
    );
    // Another adviser of the same committee (the task's unit), holding no task in this procedure.
    const [other] = await db.query<{ username: string }[]>(
      `SELECT u.username FROM app_user u
        WHERE 'LEGAL_ADVISER' = ANY (u.roles) AND u.active AND u.org_unit_id = $1 AND u.username <> $2
        ORDER BY u.username LIMIT 1`,
      [routed.unit, routed.username],
    );
    expect(other).toBeDefined();
    const reads = async (username: string) => ({
      ledger: (await http.as(username, 'GET', `/api/procedures/${own.procedureId}`)).status,
      documents: (await http.as(username, 'GET', `/api/procedures/${own.procedureId}/documents`)).status,
      draft: (await http.as(username, 'GET', `/api/documents/versions/${versionId}/content`)).status,
    });
    const hidden = { ledger: 404, documents: 404, draft: 404 };
    const shown = { ledger: 200, documents: 200, draft: 200 };
    expect(await reads(other.username)).toEqual(hidden);
    expect(await reads(routed.username)).toEqual(shown);
    const listed = await http.as<{ id: string }[]>(other.username, 'GET', '/api/procedures');
    expect(listed.body.map((p) => p.id)).not.toContain(own.procedureId);

    const signed = await http.as<Snapshot>(routed.username, 'POST', `/api/tasks/${taskId}/opinion`, {
      body: { conclusion: 'LAWFUL', reasons: '第一条符合上位法。', reviewedSha256: sha(text) },
    });
    expect(signed.status).toBe(200);
    // Having held the task, the adviser still reads what they signed; the other adviser still does not.
    expect(await reads(routed.username)).toEqual(shown);
    expect(await reads(other.username)).toEqual(hidden);
    const ledger = await http.as<{ ledger: { decision: string }[] }>(
      routed.username,
      'GET',
      `/api/procedures/${own.procedureId}`,
    );
    expect(ledger.body.ledger.map((e) => e.decision)).toContain('LAWFUL');
  });

  it('should keep showing the drafts and the ledger to an adviser whose task was reassigned to another adviser', async () => {
    const own = (
      await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: uniqueSuffix(), title: '金坛区养老机构管理办法', application: validApplication },
      })
    ).body;
    const approved = await http.as(
      'officer.zhang',
      'POST',
      `/api/procedures/${own.procedureId}/steps/project-approval`,
      {
        body: { decision: 'APPROVED', opinion: '同意立项' },
      },
    );
    expect(approved.status).toBe(200);
    const draft = await http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${own.procedureId}/documents/DRAFT`, {
      rawBody: '第一条 为了规范养老机构，制定本办法。\n',
      headers: { 'content-type': 'text/plain' },
    });
    const versionId = draft.body.documents!.DRAFT.versionId;
    const asked = await http.as<Snapshot>(
      'drafter.edu',
      'POST',
      `/api/procedures/${own.procedureId}/adviser-opinion-requests`,
      { body: { expertise: ['教育'], question: '第一条是否有上位法依据？' } },
    );
    const taskId = asked.body.pendingOpinion!.taskId;
    const [first] = await db.query<{ username: string; unit: string }[]>(
      'SELECT u.username, t.assignee_unit_id AS unit FROM task t JOIN app_user u ON u.id = t.assignee_user_id WHERE t.id = $1',
      [taskId],
    );
    // Two more advisers of the committee: one takes the task over, the other never holds one here.
    const [successor, bystander] = await db.query<{ id: string; username: string }[]>(
      `SELECT u.id, u.username FROM app_user u
        WHERE 'LEGAL_ADVISER' = ANY (u.roles) AND u.active AND u.org_unit_id = $1 AND u.username <> $2
        ORDER BY u.username LIMIT 2`,
      [first.unit, first.username],
    );
    expect(bystander).toBeDefined();
    const reads = async (username: string) => ({
      ledger: (await http.as(username, 'GET', `/api/procedures/${own.procedureId}`)).status,
      documents: (await http.as(username, 'GET', `/api/procedures/${own.procedureId}/documents`)).status,
      draft: (await http.as(username, 'GET', `/api/documents/versions/${versionId}/content`)).status,
    });
    const hidden = { ledger: 404, documents: 404, draft: 404 };
    const shown = { ledger: 200, documents: 200, draft: 200 };
    expect(await reads(first.username)).toEqual(shown);
    expect(await reads(successor.username)).toEqual(hidden);

    const reassigned = await http.as<Task>('officer.zhang', 'POST', `/api/tasks/${taskId}/reassign`, {
      body: { toUserId: successor.id, reason: '原承办律师回避' },
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.assigneeUserId).toBe(successor.id);

    // The first adviser held the task: still involved. The successor holds it now; the bystander never held one.
    expect(await reads(first.username)).toEqual(shown);
    expect(await reads(successor.username)).toEqual(shown);
    expect(await reads(bystander.username)).toEqual(hidden);
    const listed = async (username: string) =>
      (await http.as<{ id: string }[]>(username, 'GET', '/api/procedures')).body.map((p) => p.id);
    expect(await listed(first.username)).toContain(own.procedureId);
    expect(await listed(bystander.username)).not.toContain(own.procedureId);
    const holders = await db.query<{ username: string; held_until: Date | null }[]>(
      `SELECT u.username, h.held_until FROM task_holder h JOIN app_user u ON u.id = h.user_id
        WHERE h.task_id = $1 ORDER BY h.held_from, h.id`,
      [taskId],
    );
    expect(holders.map((h) => [h.username, h.held_until === null])).toEqual([
      [first.username, false],
      [successor.username, true],
    ]);
  });
});
