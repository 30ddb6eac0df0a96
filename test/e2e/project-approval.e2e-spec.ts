import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient } from '../support/http';
import type { AppProcess } from '../support/processes';
import { useStack } from '../support/stack';
import { recordCounts, validApplication } from '../support/records';
import { testEnv, uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  workflowId: string;
  stage: string;
  status: string;
  openTaskId: string | null;
  dueAt: string | null;
}
interface Inbox {
  items: {
    id: string;
    kind: string;
    legalBasis: string;
    dueAt: string | null;
    dueProblem: string | null;
    procedureTitle: string;
    assigneeUserId: string | null;
  }[];
  nextCursor: string | null;
  counts: { open: number; overdue: number };
}
interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

describe('project approval through API, Temporal, worker and PostgreSQL', () => {
  let api: AppProcess;
  let http: ApiClient;
  let db: DataSource;

  const stack = useStack('e2e-approval');
  beforeAll(async () => {
    ({ http, db, api } = stack);
  });

  async function startProcedure(projectCode = uniqueSuffix()): Promise<Snapshot> {
    const res = await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode, title: '金坛区校外培训机构管理办法', application: validApplication },
    });
    if (res.status !== 201) {
      throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}\n${api.output.slice(-20).join('\n')}`);
    }
    return res.body;
  }

  it('should answer ready on /api/health with PostgreSQL and Temporal up, and carry a request id', async () => {
    const res = await http.request('GET', '/api/health', { headers: { 'x-request-id': 'probe-123' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
    expect(res.headers.get('x-request-id')).toBe('probe-123');
    const generated = await http.request('GET', '/api/health/live');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should publish the OpenAPI document, the Swagger UI and Prometheus metrics', async () => {
    const doc = await http.request<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/procedures/normative-documents',
        '/api/procedures/{id}/steps/project-approval',
      ]),
    );
    expect(Object.keys(doc.body.paths)).not.toContain('/api/tasks/{id}/project-approval');
    const ui = await http.request<string>('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
    const metrics = await http.request<string>('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('lawgate_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('lawgate_process_cpu_seconds_total');
  });

  it('should sign in every role and refuse a wrong password or a missing token', async () => {
    for (const username of ['drafter.edu', 'officer.zhang', 'adviser.li', 'leader.zhou', 'admin']) {
      const me = await http.as<{ username: string; roles: string[] }>(username, 'GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.username).toBe(username);
    }
    const wrong = await http.request<ErrorBody>('POST', '/api/auth/login', {
      body: { username: 'drafter.edu', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Wrong username or password.', details: {} });
    const noToken = await http.request<ErrorBody>('GET', '/api/auth/me');
    expect(noToken.status).toBe(401);
    expect(noToken.body.message).toMatch(/Sign in first/);
    const badToken = await http.request<ErrorBody>('GET', '/api/auth/me', { token: 'not-a-jwt' });
    expect(badToken.status).toBe(401);
  });

  it('should take a project application to the legal-affairs office and record the approval once', async () => {
    const started = await startProcedure();
    expect(started).toMatchObject({ stage: 'PROJECT_APPROVAL', status: 'ACTIVE' });
    expect(started.workflowId).toMatch(/^normative-document:JT-EDU:/);
    expect(started.openTaskId).toBeTruthy();

    const inbox = await http.as<Inbox>('officer.zhang', 'GET', '/api/tasks/inbox?procedureType=NORMATIVE_DOCUMENT');
    const task = inbox.body.items.find((t) => t.id === started.openTaskId);
    expect(task).toMatchObject({ kind: 'PROJECT_APPROVAL', procedureTitle: '金坛区校外培训机构管理办法' });
    expect(task!.legalBasis).toContain('国办发〔2018〕37号');
    expect(inbox.body.counts.open).toBeGreaterThanOrEqual(1);
    // 10 working days on the loaded holiday calendar; near a year end whose next year is not loaded yet, the task
    // says why it has no due date instead.
    if (task!.dueAt) {
      expect(started.dueAt).toBe(task!.dueAt);
      const days = (new Date(task!.dueAt).getTime() - Date.now()) / 86400000;
      expect(days).toBeGreaterThan(10);
      expect(days).toBeLessThan(30);
    } else {
      expect(task!.dueProblem).toMatch(/working-day calendar has no data for/);
    }
    const advisersInbox = await http.as<Inbox>('adviser.li', 'GET', '/api/tasks/inbox');
    expect(advisersInbox.body.items.map((t) => t.id)).not.toContain(started.openTaskId);

    const otherDepartment = await http.as<ErrorBody>('drafter.mkt', 'GET', `/api/procedures/${started.procedureId}`);
    expect(otherDepartment.status).toBe(404);
    // Lists follow the same visibility: the drafting department and the office see it, another department does not.
    const listed = async (username: string) =>
      (await http.as<{ id: string }[]>(username, 'GET', '/api/procedures?limit=200')).body.map((p) => p.id);
    expect(await listed('drafter.edu')).toContain(started.procedureId);
    expect(await listed('officer.zhang')).toContain(started.procedureId);
    expect(await listed('drafter.mkt')).not.toContain(started.procedureId);
    expect(await listed('adviser.li')).not.toContain(started.procedureId);

    const decide = () =>
      http.as<Snapshot>('officer.zhang', 'POST', `/api/procedures/${started.procedureId}/steps/project-approval`, {
        body: { decision: 'APPROVED', opinion: '同意立项，请按程序起草。' },
        headers: { 'idempotency-key': `click-${started.procedureId}` },
      });
    const first = await decide();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stage: 'DRAFTING', status: 'ACTIVE', openTaskId: null });
    const doubleClick = await decide();
    expect(doubleClick.status).toBe(200);
    expect(doubleClick.body.stage).toBe('DRAFTING');

    const detail = await http.as<{
      stage: string;
      tasks: { status: string; outcome: string }[];
      ledger: { decision: string; actorName: string; actorRole: string }[];
    }>('drafter.edu', 'GET', `/api/procedures/${started.procedureId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.stage).toBe('DRAFTING');
    expect(detail.body.tasks).toEqual([expect.objectContaining({ status: 'DONE', outcome: 'APPROVED' })]);
    expect(detail.body.ledger).toEqual([
      expect.objectContaining({
        decision: 'APPROVED',
        actorName: '张审核（司法局）',
        actorRole: 'LEGAL_AFFAIRS_OFFICER',
      }),
    ]);
    const audits = await db.query<{ action: string }[]>(
      'SELECT action FROM audit_entry WHERE procedure_id = $1 ORDER BY id',
      [started.procedureId],
    );
    expect(audits.map((a) => a.action)).toEqual(['procedure.started', 'task.decided']);

    // Findable in Temporal (and its Web UI) by LawGate's search attributes.
    const connection = await Connection.connect({ address: testEnv().temporalAddress });
    try {
      const client = new Client({ connection });
      await eventually(async () => {
        const found: string[] = [];
        for await (const wf of client.workflow.list({
          query: `LawGateProcedureType = 'NORMATIVE_DOCUMENT' AND LawGateStage = 'DRAFTING' AND LawGateDepartment = 'JT-EDU'`,
        })) {
          found.push(wf.workflowId);
        }
        expect(found).toContain(started.workflowId);
      });
    } finally {
      await connection.close();
    }
  });

  it('should record a rejection only with reasons, end the procedure, and refuse deciding again', async () => {
    const started = await startProcedure();
    const path = `/api/procedures/${started.procedureId}/steps/project-approval`;
    const before = await recordCounts(db);
    const noReason = await http.as<ErrorBody>('officer.zhang', 'POST', path, {
      body: { decision: 'REJECTED', opinion: '' },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'A rejection needs a written opinion giving the reasons.',
    });
    expect(await recordCounts(db)).toEqual(before);

    const rejected = await http.as<Snapshot>('officer.zhang', 'POST', path, {
      body: { decision: 'REJECTED', opinion: '缺乏上位法依据，不予立项。' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ stage: 'REJECTED', status: 'REJECTED' });
    const again = await http.as<ErrorBody>('officer.zhang', 'POST', path, {
      body: { decision: 'APPROVED', opinion: '' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WRONG_STAGE');
    expect(again.body.message).toContain('needs an open PROJECT_APPROVAL task; the procedure is in stage REJECTED');
  });

  it('should let the drafting department withdraw with a reason and close the open task', async () => {
    const started = await startProcedure();
    const other = await http.as<ErrorBody>('drafter.mkt', 'POST', `/api/procedures/${started.procedureId}/withdraw`, {
      body: { reason: '不再需要' },
    });
    expect(other.status).toBe(404);
    const res = await http.as<Snapshot>('drafter.edu', 'POST', `/api/procedures/${started.procedureId}/withdraw`, {
      body: { reason: '上位法已修订，不再制定。' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'WITHDRAWN', status: 'WITHDRAWN' });
    const [task] = await db.query<{ status: string }[]>('SELECT status FROM task WHERE procedure_id = $1', [
      started.procedureId,
    ]);
    expect(task.status).toBe('CANCELLED');
    const twice = await http.as<ErrorBody>('drafter.edu', 'POST', `/api/procedures/${started.procedureId}/withdraw`, {
      body: { reason: 'again' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('WRONG_STAGE');
  });

  describe('bad input', () => {
    let open: Snapshot;
    let approved: Snapshot;

    beforeAll(async () => {
      open = await startProcedure();
      approved = await startProcedure();
      const decided = await http.as(
        'officer.zhang',
        'POST',
        `/api/procedures/${approved.procedureId}/steps/project-approval`,
        {
          body: { decision: 'APPROVED', opinion: '同意' },
        },
      );
      expect(decided.status).toBe(200);
    });

    const start = (body: unknown) => ({ method: 'POST', path: '/api/procedures/normative-documents', body });
    const good = () => ({ projectCode: uniqueSuffix(), title: '某某办法', application: validApplication });

    const cases: [
      string,
      string | null,
      () => { method: string; path: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
      number,
      string,
      RegExp,
    ][] = [
      [
        'an unknown field',
        'drafter.edu',
        () => start({ ...good(), stage: 'DRAFTING' }),
        400,
        'VALIDATION_FAILED',
        /property stage should not exist/,
      ],
      [
        'a nested unknown field',
        'drafter.edu',
        () => start({ ...good(), application: { ...validApplication, extra: 1 } }),
        400,
        'VALIDATION_FAILED',
        /application\.extra/,
      ],
      [
        'a wrong type',
        'drafter.edu',
        () => start({ ...good(), application: { ...validApplication, touchesBusiness: 'yes' } }),
        400,
        'VALIDATION_FAILED',
        /touchesBusiness must be a boolean/,
      ],
      [
        'a missing field',
        'drafter.edu',
        () => start({ projectCode: uniqueSuffix(), application: validApplication }),
        400,
        'VALIDATION_FAILED',
        /title/,
      ],
      [
        'a malformed project code',
        'drafter.edu',
        () => start({ ...good(), projectCode: '../../x' }),
        400,
        'VALIDATION_FAILED',
        /projectCode must be/,
      ],
      [
        'malformed JSON',
        'drafter.edu',
        () => ({
          method: 'POST',
          path: '/api/procedures/normative-documents',
          rawBody: '{"title":',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'BAD_REQUEST',
        /not valid JSON/,
      ],
      ['no token', null, () => start(good()), 401, 'UNAUTHENTICATED', /Sign in first/],
      ['the wrong role (adviser starting)', 'adviser.li', () => start(good()), 403, 'FORBIDDEN', /DRAFTER/],
      [
        'the wrong role (drafter deciding)',
        'drafter.edu',
        () => ({
          method: 'POST',
          path: `/api/procedures/${open.procedureId}/steps/project-approval`,
          body: { decision: 'APPROVED', opinion: '' },
        }),
        403,
        'FORBIDDEN',
        /LEGAL_AFFAIRS_OFFICER/,
      ],
      [
        'a decision outside the enum',
        'officer.zhang',
        () => ({
          method: 'POST',
          path: `/api/procedures/${open.procedureId}/steps/project-approval`,
          body: { decision: 'MAYBE', opinion: '' },
        }),
        400,
        'VALIDATION_FAILED',
        /decision must be one of/,
      ],
      [
        'a procedure id that is not a UUID',
        'officer.zhang',
        () => ({
          method: 'POST',
          path: '/api/procedures/abc/steps/project-approval',
          body: { decision: 'APPROVED', opinion: '' },
        }),
        400,
        'VALIDATION_FAILED',
        /id must be a UUID/,
      ],
      [
        'an unknown procedure',
        'officer.zhang',
        () => ({
          method: 'POST',
          path: '/api/procedures/00000000-0000-4000-8000-000000000000/steps/project-approval',
          body: { decision: 'APPROVED', opinion: '' },
        }),
        404,
        'NOT_FOUND',
        /no procedure/,
      ],
      [
        'the wrong stage (project already decided)',
        'officer.zhang',
        () => ({
          method: 'POST',
          path: `/api/procedures/${approved.procedureId}/steps/project-approval`,
          body: { decision: 'REJECTED', opinion: '再议' },
        }),
        409,
        'WRONG_STAGE',
        /needs an open PROJECT_APPROVAL task; the procedure is in stage DRAFTING/,
      ],
      [
        'the removed per-task route of the step',
        'officer.zhang',
        () => ({
          method: 'POST',
          path: `/api/tasks/${open.openTaskId}/project-approval`,
          body: { decision: 'APPROVED', opinion: '' },
        }),
        404,
        'NOT_FOUND',
        /Cannot POST \/api\/tasks\/.+\/project-approval/,
      ],
      [
        'a bad idempotency key',
        'officer.zhang',
        () => ({
          method: 'POST',
          path: `/api/procedures/${open.procedureId}/steps/project-approval`,
          body: { decision: 'APPROVED', opinion: '' },
          headers: { 'idempotency-key': 'x' },
        }),
        400,
        'VALIDATION_FAILED',
        /Idempotency-Key/,
      ],
      [
        'a duplicate start',
        'drafter.edu',
        () => start({ projectCode: open.workflowId.split(':')[2], title: '重复', application: validApplication }),
        409,
        'DUPLICATE_PROCEDURE',
        /already exists/,
      ],
      [
        'a bad list limit',
        'officer.zhang',
        () => ({ method: 'GET', path: '/api/procedures?limit=0' }),
        400,
        'VALIDATION_FAILED',
        /limit must not be less than 1/,
      ],
      [
        'an unknown query parameter',
        'officer.zhang',
        () => ({ method: 'GET', path: '/api/procedures?sort=x' }),
        400,
        'VALIDATION_FAILED',
        /property sort should not exist/,
      ],
      [
        'an unknown route',
        'officer.zhang',
        () => ({ method: 'GET', path: '/api/nothing-here' }),
        404,
        'NOT_FOUND',
        /Cannot GET \/api\/nothing-here/,
      ],
    ];

    it.each(cases)(
      'should refuse %s with a clear message and change nothing',
      async (_name, user, build, status, code, message) => {
        const before = await recordCounts(db);
        const req = build();
        const res = user
          ? await http.as<ErrorBody>(user, req.method, req.path, {
              body: req.body,
              rawBody: req.rawBody,
              headers: req.headers,
            })
          : await http.request<ErrorBody>(req.method, req.path, {
              body: req.body,
              rawBody: req.rawBody,
              headers: req.headers,
            });
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
        expect(res.body.message).toMatch(message);
        expect(Object.keys(res.body).sort()).toEqual(['code', 'details', 'message']);
        expect(await recordCounts(db)).toEqual(before);
      },
    );

    it('should report every invalid field of a body at once', async () => {
      const res = await http.as<ErrorBody>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
        body: { projectCode: 1, title: '', application: { necessity: 2 } },
      });
      expect(res.status).toBe(400);
      const fields = res.body.details.fields as Record<string, string[]>;
      expect(Object.keys(fields)).toEqual(
        expect.arrayContaining(['projectCode', 'title', 'application.necessity', 'application.touchesBusiness']),
      );
    });
  });
});
