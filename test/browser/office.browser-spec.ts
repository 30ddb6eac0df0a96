import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ActivitiesModule } from '../../activities/activities.module';
import { RegisterActivities } from '../../activities/register.activities';
import { AppConfigModule } from '@lawgate/config';
import { DocumentRepository } from '@lawgate/persistence';
import {
  checkPage,
  chooseOption,
  exactly,
  expectNoConsoleErrors,
  launchChromium,
  openPage,
  signIn,
} from '../support/browser';
import { makeDocx } from '../support/docx';
import { eventually } from '../support/eventually';
import { makePdf } from '../support/pdf';
import { procedureSteps } from '../support/procedure-steps';
import { startWorker, type AppProcess } from '../support/processes';
import { validApplication } from '../support/records';
import { actorOf, freshSeries, insertProcedures } from '../support/register';
import { SmtpCatcher } from '../support/smtp-catcher';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
const { freePort } = require('../../scripts/lib/dev-server.cjs') as { freePort: () => Promise<number> };

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A legal-affairs office's day on real Chromium, against the real API, worker, Temporal, PostgreSQL and a real SMTP
 * server: the administrator adds an adviser and assigns them a department; the adviser gets the e-mail and the bell
 * for the first task routed to them and reads the .docx draft with its changes; an officer decides a clean-up review,
 * exports the register to Excel and prints a published document; a PDF draft is previewed.
 */
describe('the office in the browser: accounts, notices, reviews, clean-up, exports, print', () => {
  const env: Record<string, string> = {};
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = new SmtpCatcher(await freePort());
    await smtp.start();
    Object.assign(env, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'LawGate <lawgate@jintan.test>',
      NOTIFY_POLL_MS: '200',
      NOTIFY_RETRY_BASE_MS: '300',
      PROCEDURE_PERIODS: 'statutory',
    });
  });
  // The worker is this file's own, so that it has the mail settings.
  const stack = useStack('browser-office', { withWorker: false, extraEnv: env });
  let worker: AppProcess;
  let browser: Browser;
  beforeAll(async () => {
    worker = await startWorker({ taskQueue: stack.taskQueue, extraEnv: env });
    browser = await launchChromium();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await smtp?.stop();
  });

  const steps = procedureSteps(stack);

  const signInWith = async (page: Page, username: string, password: string) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };

  it('lets the administrator add an adviser for a department, who is e-mailed and belled and reads the .docx changes', async () => {
    const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
    const expertise = `网页测试${suffix}`;
    const reason = '测试：新聘法律顾问';
    const units = (await stack.http.as<{ id: string; code: string }[]>('admin', 'GET', '/api/admin/units')).body;
    const departmentName = `网页测试局${suffix}`;
    const department = (
      await stack.http.as<{ id: string }>('admin', 'POST', '/api/admin/units', {
        body: {
          code: `JT-W${suffix.slice(-8).toUpperCase()}`,
          name: departmentName,
          kind: 'DEPARTMENT',
          parentId: units.find((u) => u.code === 'JT-GOV')!.id,
          reason,
        },
      })
    ).body;
    const drafter = { username: `drafter.web.${suffix}`, password: 'drafter-password-1' };
    expect(
      (
        await stack.http.as('admin', 'POST', '/api/admin/users', {
          body: { ...drafter, displayName: '网页起草人', unitId: department.id, roles: ['DRAFTER'], reason },
        })
      ).status,
    ).toBe(201);

    // (a) The administrator creates the adviser on the accounts page ...
    const admin = await openPage(browser, stack.http.baseUrl);
    await signIn(admin.page, 'admin');
    await admin.page.getByRole('link', { name: '账号与单位' }).click();
    await admin.page.getByRole('button', { name: /新增人员/ }).click();
    const dialog = admin.page.getByRole('dialog');
    const adviser = {
      username: `adviser.web.${suffix}`,
      name: `网页顾问${suffix}`,
      email: `web.${suffix}@jintan.test`,
    };
    await dialog.getByLabel('用户名').fill(adviser.username);
    await dialog.getByLabel('姓名').fill(adviser.name);
    await dialog.getByLabel('电子邮箱（接收通知）').fill(adviser.email);
    await chooseOption(admin.page, dialog, '单位', /法律顾问委员会/, { search: '法律顾问委员会' });
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await admin.page.getByTitle('法律顾问', { exact: true }).click();
    await admin.page.keyboard.press('Escape');
    await dialog.getByLabel('理由').fill(reason);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const password = (await admin.page.getByTestId('temporary-password').textContent())!;
    expect(password).toMatch(/^\S{12}$/);
    await admin.page.keyboard.press('Escape');

    // ... and assigns them the department (and an expertise) in the console's routing.
    await admin.page.goto('/console');
    await admin.page.getByRole('tab', { name: '分派规则' }).click();
    const row = admin.page.getByRole('row', { name: new RegExp(adviser.name) });
    await row.getByRole('button', { name: /调\s*整/ }).click();
    const form = admin.page.getByRole('form', { name: `调整${adviser.name}` });
    await form.getByRole('combobox', { name: '专业' }).fill(expertise);
    await admin.page.keyboard.press('Enter');
    await chooseOption(admin.page, form, '对口单位', exactly(departmentName), { search: departmentName });
    await admin.page.keyboard.press('Escape');
    await form.getByLabel('调整理由').fill('对口网页测试局');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await admin.page.getByRole('row', { name: new RegExp(`${adviser.name}.*${departmentName}`) }).waitFor();
    expectNoConsoleErrors(admin);
    await admin.context.close();
    const [adviserRow] = await stack.db.query<{ id: string }[]>('SELECT id FROM app_user WHERE username = $1', [
      adviser.username,
    ]);
    const assigned = await stack.db.query<{ department_id: string }[]>(
      'SELECT department_id FROM adviser_department WHERE user_id = $1',
      [adviserRow.id],
    );
    expect(assigned).toEqual([{ department_id: department.id }]);

    // (b) The department drafts in Word: two versions of the draft, then asks for an adviser's opinion.
    const drafterToken = (
      await stack.http.request<{ accessToken: string }>('POST', '/api/auth/login', { body: drafter })
    ).body.accessToken;
    const as = async <T>(method: string, path: string, body?: unknown) =>
      stack.http.request<T>(method, path, { token: drafterToken, body });
    const title = `网页审阅测试办法${suffix}`;
    const started = await as<{ procedureId: string; openTaskId: string }>(
      'POST',
      '/api/procedures/normative-documents',
      {
        projectCode: uniqueSuffix(),
        title,
        application: { ...validApplication, touchesBusiness: false },
      },
    );
    expect(started.status).toBe(201);
    const id = started.body.procedureId;
    try {
      await steps.step('officer.zhang', started.body.procedureId, 'project-approval', {
        decision: 'APPROVED',
        opinion: '同意立项',
      });
      for (const lines of [
        [title, '第一条 为规范管理，制定本办法。', '第二条 培训机构须缴纳保证金。'],
        [title, '第一条 为规范管理，制定本办法。', '第二条 培训机构应当公示收费项目。'],
      ]) {
        const uploaded = await stack.http.request('POST', `/api/procedures/${id}/documents/DRAFT`, {
          token: drafterToken,
          rawBody: await makeDocx(lines),
          headers: { 'content-type': DOCX, 'x-filename': encodeURIComponent(`${title}.docx`) },
        });
        expect(uploaded.status).toBe(201);
      }
      const asked = await as('POST', `/api/procedures/${id}/adviser-opinion-requests`, {
        expertise: [expertise],
        question: '第二条是否有上位法依据？',
      });
      expect(asked.status).toBe(201);
      const opinionTask = (await steps.tasks(id)).find((t) => t.kind === 'ADVISER_OPINION' && t.status === 'OPEN')!;
      expect(opinionTask.assigneeUserId).toBe(adviserRow.id);

      // The e-mail reaches the SMTP server once.
      await eventually(async () => {
        expect(smtp.mails.filter((m) => m.to.includes(adviser.email))).toHaveLength(1);
      }, 30000);

      // The adviser signs in: the bell counts the new task, the task opens with the draft and its changes.
      const w = await openPage(browser, stack.http.baseUrl);
      const { page } = w;
      await signInWith(page, adviser.username, password);
      await page.getByRole('button', { name: '通知（1 条未读）' }).waitFor();
      await page.goto('/inbox');
      await page.getByRole('link', { name: title }).first().click();
      await page.getByTestId('version-label').filter({ hasText: '第2稿' }).waitFor();
      const text = page.getByTestId('version-text');
      await text.filter({ hasText: '第二条 培训机构应当公示收费项目。' }).waitFor();
      const diff = page.getByTestId('version-diff');
      await diff.locator('.lg-diff-add', { hasText: '+第二条 培训机构应当公示收费项目。' }).waitFor();
      await diff.locator('.lg-diff-del', { hasText: '-第二条 培训机构须缴纳保证金。' }).waitFor();
      await page.getByText('与第1稿比较：增加 1 行，删除 1 行').waitFor();
      await checkPage(w, 'adviser-docx-diff');
      await page.getByRole('button', { name: '通知（1 条未读）' }).click();
      await page.getByText(title).first().waitFor();
      await w.context.close();
    } finally {
      await as('POST', `/api/procedures/${id}/withdraw`, { reason: '测试结束' });
    }
  }, 240_000);

  it('previews a PDF draft page by page in the review view', async () => {
    const title = `PDF预览测试办法${uniqueSuffix()}`;
    const id = await steps.approved(title);
    try {
      const uploaded = await stack.http.as('drafter.edu', 'POST', `/api/procedures/${id}/documents/DRAFT`, {
        rawBody: makePdf(['LawGate PDF preview', 'Article 1 applies.']),
        headers: { 'content-type': 'application/pdf' },
      });
      expect(uploaded.status).toBe(201);
      const w = await openPage(browser, stack.http.baseUrl);
      const { page } = w;
      await signIn(page, 'drafter.edu');
      await page.goto(`/procedures/${id}`);
      await page.getByTestId('pdf-pages').filter({ hasText: '共 1 页' }).waitFor();
      // The page is drawn once the count is shown; the canvas is looked for until it is there.
      await eventually(async () => expect(await page.locator('canvas.lg-pdf-page').count()).toBe(1), 20000);
      const sizes = await page.evaluate<number[][]>(
        '[...document.querySelectorAll("canvas.lg-pdf-page")].map((c) => [c.width, c.height])',
      );
      // A4 at 1.3 times 72 dpi.
      expect(sizes).toEqual([[Math.floor(595 * 1.3), Math.floor(842 * 1.3)]]);
      await page.getByText('PDF 中的文字').click();
      await page.getByTestId('pdf-text').filter({ hasText: 'LawGate PDF preview' }).waitFor();
      await checkPage(w, 'pdf-preview');
      await w.context.close();
    } finally {
      await stack.http.as('drafter.edu', 'POST', `/api/procedures/${id}/withdraw`, { body: { reason: '测试结束' } });
    }
  }, 120_000);

  it('lets an officer decide a clean-up review, export the register to Excel and print a document', async () => {
    const suffix = uniqueSuffix();
    const campaignId = `web-${suffix}`.slice(0, 60);
    let app: INestApplicationContext | undefined;
    const entries: { registerEntryId: string; number: string; title: string }[] = [];
    try {
      app = await (
        await Test.createTestingModule({ imports: [AppConfigModule.forProcess('worker'), ActivitiesModule] }).compile()
      ).init();
      const activities = app.get(RegisterActivities);
      const documents = app.get(DocumentRepository);
      const officer = await actorOf(stack.db, 'officer.zhang');
      const series = await freshSeries(stack.db, 'JT-GOV');
      for (const [i, p] of (await insertProcedures(stack.db, 2)).entries()) {
        const title = `金坛区网页清理测试办法${i}-${suffix}`;
        const text = Buffer.from(`${title}\n第一条 为规范管理，制定本办法。\n第二条 本办法自公布之日起施行。\n`);
        const sha = createHash('sha256').update(text).digest('hex');
        await documents.storeBlob(sha, text);
        const entry = await activities.registerDocument({
          ...p,
          issuerUnitId: series.issuerUnitId,
          series: series.series,
          title,
          documentSha256: sha,
          validityYears: 5,
          registeredBy: officer,
          idempotencyKey: `registration:${p.procedureId}`,
        });
        await activities.recordPublication({
          registerEntryId: entry.registerEntryId,
          procedureId: p.procedureId,
          channel: 'GAZETTE',
          reference: '金坛区人民政府公报 2026年第9期',
          publishedAt: new Date().toISOString(),
          textSha256: sha,
          actor: officer,
          idempotencyKey: `publish:${entry.registerEntryId}`,
        });
        entries.push({ registerEntryId: entry.registerEntryId, number: entry.number, title });
      }
    } finally {
      await app?.close();
    }
    const started = await stack.http.as('officer.zhang', 'POST', '/api/admin/cleanup-campaigns', {
      body: { title: '网页清理测试', campaignId },
    });
    expect(started.status).toBe(201);
    const [repealed, kept] = entries;
    const taskOf = (registerEntryId: string) =>
      eventually(async () => {
        const [row] = await stack.db.query<{ id: string; procedure_id: string }[]>(
          `SELECT t.id, t.procedure_id FROM cleanup_review r JOIN task t ON t.workflow_id = r.workflow_id
            WHERE r.campaign_id = $1 AND r.register_entry_id = $2`,
          [campaignId, registerEntryId],
        );
        expect(row).toBeDefined();
        return row;
      }, 60000);
    const task = await taskOf(repealed.registerEntryId);

    const w = await openPage(browser, stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'officer.zhang');
    await page.goto(`/procedures/${task.procedure_id}?task=${task.id}`);
    const review = page.getByTestId('cleanup-review');
    await review.getByRole('radio', { name: '废止' }).check();
    await review.getByRole('button', { name: /作出决定/ }).click();
    await review.getByText('修改或废止须写明理由').waitFor();
    await review.getByLabel('理由（修改、废止时必填）').fill('上位法已废止，本办法不再适用。');
    await review.getByRole('button', { name: /作出决定/ }).click();
    await page.getByTestId('sign-result').filter({ hasText: '已作出清理决定：废止。' }).waitFor();
    await checkPage(w, 'cleanup-review-decided');
    const [decided] = await stack.db.query<{ decision: string; reason: string }[]>(
      'SELECT decision, reason FROM cleanup_review WHERE campaign_id = $1 AND register_entry_id = $2',
      [campaignId, repealed.registerEntryId],
    );
    expect(decided).toEqual({ decision: 'REPEAL', reason: '上位法已废止，本办法不再适用。' });
    await eventually(async () => {
      const [entry] = await stack.db.query<{ status: string }[]>('SELECT status FROM register_entry WHERE id = $1', [
        repealed.registerEntryId,
      ]);
      expect(entry.status).toBe('REPEALED');
    }, 30000);

    // The register, exported from the console, opens with exceljs and holds both documents as they now stand.
    await page.goto('/console');
    await page.getByRole('tab', { name: '登记簿' }).click();
    const panel = page.locator('.ant-tabs-tabpane-active');
    await panel.getByRole('row', { name: new RegExp(kept.title) }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^规范性文件登记-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = await readFile(await download.path());
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = book.worksheets[0];
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((r, n) => {
      if (n > 1) rows.set(r.getCell(1).text, (r.values as unknown[]).slice(1));
    });
    expect(rows.get(repealed.number)).toEqual([
      repealed.number,
      repealed.title,
      '常州市金坛区人民政府',
      'REPEALED',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
    expect(rows.get(kept.number)?.[3]).toBe('IN_FORCE');

    // The document still in force, printed from the register in the GB/T 9704 layout.
    await panel
      .getByRole('row', { name: new RegExp(kept.title) })
      .getByRole('link', { name: '打印' })
      .click();
    await page.getByTestId('issuer-mark').filter({ hasText: '常州市金坛区人民政府文件' }).waitFor();
    expect(await page.getByTestId('document-number').textContent()).toBe(kept.number);
    await page.getByTestId('document-body').getByText('第二条 本办法自公布之日起施行。').waitFor();
    expect(await page.getByTestId('document-date').textContent()).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
    await checkPage(w, 'print-gbt9704');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lg-header').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // A4 (595.28 × 841.89 points) as the print CSS asks, on every page.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    await w.context.close();
  }, 240_000);
});
