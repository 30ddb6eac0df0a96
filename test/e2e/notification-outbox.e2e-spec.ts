import { verifyWebhook } from '@lawgate/notifications';
import { eventually } from '../support/eventually';
import { procedureSteps } from '../support/procedure-steps';
import { startWorker, type AppProcess } from '../support/processes';
import { validApplication } from '../support/records';
import { SmtpCatcher, startWebhookCatcher } from '../support/smtp-catcher';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
const { freePort } = require('../../scripts/lib/dev-server.cjs') as { freePort: () => Promise<number> };

const WEBHOOK_SECRET = 'outbox-test-webhook-secret';

interface Delivery {
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

/**
 * Notifications reach people through the outbox: the first task routed to a new adviser is e-mailed while the mail
 * server is down, retried, and delivered exactly once when it is back; the webhook call is signed.
 */
describe('notification outbox: e-mail through a real SMTP server, the signed webhook, the bell', () => {
  const env: Record<string, string> = {};
  let smtp: SmtpCatcher;
  let webhook: Awaited<ReturnType<typeof startWebhookCatcher>>;
  beforeAll(async () => {
    smtp = new SmtpCatcher(await freePort());
    webhook = await startWebhookCatcher();
    Object.assign(env, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'LawGate <lawgate@jintan.test>',
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      NOTIFY_POLL_MS: '200',
      NOTIFY_RETRY_BASE_MS: '300',
      PROCEDURE_PERIODS: 'statutory',
    });
  });
  // The worker is started here rather than by useStack, so that it gets the mail and webhook settings.
  const stack = useStack('e2e-outbox', { withWorker: false, extraEnv: env });
  let worker: AppProcess;
  beforeAll(async () => {
    worker = await startWorker({ taskQueue: stack.taskQueue, extraEnv: env });
  }, 120000);
  afterAll(async () => {
    await worker?.stop();
    await smtp.stop();
    await webhook.stop();
  });

  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
  const expertise = `邮件测试${suffix}`;
  const adviser = {
    username: `adviser.mail.${suffix}`,
    password: 'adviser-password-1',
    email: `sun.${suffix}@jintan.test`,
  };
  const drafter = { username: `drafter.mail.${suffix}`, password: 'drafter-password-1' };

  const deliveries = async (userId: string) =>
    stack.db.query<Delivery[]>(
      `SELECT d.channel, d.status, d.attempts, d.last_error FROM notification_delivery d
         JOIN notification n ON n.id = d.notification_id
        WHERE d.user_id = $1 AND n.kind = 'TASK_ASSIGNED' ORDER BY d.channel`,
      [userId],
    );

  it('should e-mail the first routed task exactly once after the mail server comes back', async () => {
    const { http } = stack;
    const reason = '测试：通知投递';
    const units = (await http.as<{ id: string; code: string }[]>('admin', 'GET', '/api/admin/units')).body;
    const department = (
      await http.as<{ id: string }>('admin', 'POST', '/api/admin/units', {
        body: {
          code: `JT-M${suffix.slice(-8).toUpperCase()}`,
          name: `邮件测试局${suffix}`,
          kind: 'DEPARTMENT',
          parentId: units.find((u) => u.code === 'JT-GOV')!.id,
          reason,
        },
      })
    ).body;
    const created = await http.as<{ user: { id: string } }>('admin', 'POST', '/api/admin/users', {
      body: {
        username: adviser.username,
        displayName: '孙顾问',
        unitId: units.find((u) => u.code === 'JT-LAP')!.id,
        roles: ['LEGAL_ADVISER'],
        qualifications: ['LEGAL_PROFESSION'],
        email: adviser.email,
        password: adviser.password,
        reason,
      },
    });
    expect(created.status).toBe(201);
    const adviserId = created.body.user.id;
    await http.as('admin', 'POST', '/api/admin/users', {
      body: {
        username: drafter.username,
        displayName: '邮件起草人',
        unitId: department.id,
        roles: ['DRAFTER'],
        password: drafter.password,
        reason,
      },
    });
    const profile = await http.as('admin', 'PUT', `/api/admin/advisers/${adviserId}`, {
      body: {
        expertise: [expertise],
        maxOpenTasks: 5,
        active: true,
        departmentIds: [department.id],
        reason: '对口邮件测试局',
      },
    });
    expect(profile.status).toBe(200);

    // The adviser also takes notices on the messaging platform.
    const adviserToken = (
      await http.request<{ accessToken: string }>('POST', '/api/auth/login', {
        body: { username: adviser.username, password: adviser.password },
      })
    ).body.accessToken;
    const prefs = await http.request<{ email: boolean; webhook: boolean; emailAddress: string }>(
      'PUT',
      '/api/notifications/preferences',
      { token: adviserToken, body: { email: true, webhook: true } },
    );
    expect(prefs.body).toEqual({ email: true, webhook: true, emailAddress: adviser.email });

    // The mail server is down (nothing listens on its port) when the task is routed.
    await smtp.stop();
    const drafterToken = (await http.request<{ accessToken: string }>('POST', '/api/auth/login', { body: drafter }))
      .body.accessToken;
    const as = <T>(method: string, path: string, body?: unknown, token = drafterToken) =>
      http.request<T>(method, path, { token, body });
    const started = await as<{ procedureId: string; openTaskId: string }>(
      'POST',
      '/api/procedures/normative-documents',
      {
        projectCode: uniqueSuffix(),
        title: `邮件通知测试办法${suffix}`,
        application: { ...validApplication, touchesBusiness: false },
      },
    );
    expect(started.status).toBe(201);
    const steps = procedureSteps(stack);
    await steps.step('officer.zhang', started.body.procedureId, 'project-approval', {
      decision: 'APPROVED',
      opinion: '同意立项',
    });
    const draft = await http.request('POST', `/api/procedures/${started.body.procedureId}/documents/DRAFT`, {
      token: drafterToken,
      rawBody: '第一条 为规范管理，制定本办法。\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(draft.status).toBe(201);
    const asked = await as('POST', `/api/procedures/${started.body.procedureId}/adviser-opinion-requests`, {
      expertise: [expertise],
      question: '第一条是否有上位法依据？',
    });
    expect(asked.status).toBe(201);

    // The bell shows the new task at once; the e-mail is retried while the server is down; the webhook went out.
    const bell = await http.request<{ unread: number }>('GET', '/api/notifications/unread-count', {
      token: adviserToken,
    });
    expect(bell.body.unread).toBe(1);
    await eventually(async () => {
      const rows = await deliveries(adviserId);
      expect(rows).toEqual([
        expect.objectContaining({ channel: 'EMAIL', status: 'PENDING', last_error: expect.any(String) }),
        expect.objectContaining({ channel: 'WEBHOOK', status: 'SENT', attempts: 1 }),
      ]);
      expect(rows[0].attempts).toBeGreaterThanOrEqual(2);
    }, 20000);
    expect(smtp.mails).toHaveLength(0);

    await smtp.start();
    await eventually(async () => {
      expect((await deliveries(adviserId))[0]).toMatchObject({ channel: 'EMAIL', status: 'SENT' });
    }, 30000);
    // Several more polling rounds: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const toAdviser = smtp.mails.filter((m) => m.to.includes(adviser.email));
    expect(toAdviser).toHaveLength(1);
    expect(toAdviser[0].raw).toMatch(/Message-ID: <[0-9a-f-]{36}@lawgate>/i);
    const [head, body] = toAdviser[0].raw.split(/\r?\n\r?\n/, 2);
    expect(head).toMatch(/Content-Transfer-Encoding: base64/i);
    const text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    expect(text).toContain('新待办');
    expect(text).toContain(`/procedures/${started.body.procedureId}`);

    const calls = webhook.calls.filter(
      (c) => (JSON.parse(c.body) as { recipient?: { username: string } }).recipient?.username === adviser.username,
    );
    expect(calls).toHaveLength(1);
    const call = calls[0];
    const timestamp = Number(call.headers['x-lawgate-timestamp']);
    expect(verifyWebhook(WEBHOOK_SECRET, timestamp, call.body, String(call.headers['x-lawgate-signature']))).toBe(true);
    expect(
      verifyWebhook('another-secret-value', timestamp, call.body, String(call.headers['x-lawgate-signature'])),
    ).toBe(false);
    expect(JSON.parse(call.body)).toMatchObject({ event: 'TASK_ASSIGNED', procedureId: started.body.procedureId });

    // Reading clears the bell.
    expect((await http.request('POST', '/api/notifications/read-all', { token: adviserToken })).status).toBe(200);
    const after = await http.request<{ unread: number }>('GET', '/api/notifications/unread-count', {
      token: adviserToken,
    });
    expect(after.body.unread).toBe(0);
  });

  it('should refuse malformed preferences with 400 and change nothing', async () => {
    const token = (
      await stack.http.request<{ accessToken: string }>('POST', '/api/auth/login', {
        body: { username: adviser.username, password: adviser.password },
      })
    ).body.accessToken;
    const bad = await stack.http.request('PUT', '/api/notifications/preferences', { token, body: { email: 'yes' } });
    expect(bad.status).toBe(400);
    const prefs = await stack.http.request<{ webhook: boolean }>('GET', '/api/notifications/preferences', { token });
    expect(prefs.body.webhook).toBe(true);
  });
});
