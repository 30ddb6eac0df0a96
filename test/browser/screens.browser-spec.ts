import { checkPage, chooseOption, exactly, expectNoConsoleErrors, openPage, signIn } from '../support/browser';
import { createAccount } from '../support/accounts';
import { useProcedureJourney } from '../support/procedure-journey';
import { uniqueSuffix } from '../support/test-env';

const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);

/**
 * The screens of operations that had none, in Debian's Chromium: the administrator unlocks an account locked by wrong
 * passwords and switches a pre-review rule off, each with a reason; a department files a document issued outside
 * LawGate by uploading its package, the legal-affairs office records an expected filing, and both are in the annual
 * filing report on the office's console.
 */
describe('the screens of the administration and the filing review', () => {
  const { stack, browser } = useProcedureJourney('browser-screens');

  it('lets the administrator see a locked account, unlock it with a reason and end its sessions', async () => {
    const username = await createAccount(stack.http, {
      prefix: 'locked',
      displayName: '锁定测试',
      unitCode: 'JT-EDU',
      roles: ['DRAFTER'],
    });
    // Wrong passwords until the account is locked: then even the right one is refused.
    for (let i = 0; i < 10; i++) {
      await stack.http.request('POST', '/api/auth/login', { body: { username, password: `wrong-${i}` } });
    }
    const refused = await stack.http.request('POST', '/api/auth/login', {
      body: { username, password: 'lawgate-demo' },
    });
    expect(refused.status).toBe(429);

    const w = await openPage(browser(), stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.getByRole('link', { name: '账号与单位' }).click();
    await page.getByRole('tab', { name: '登录锁定' }).click();
    const row = page.getByRole('row').filter({ hasText: username });
    await row.getByText(/锁定至/).waitFor();
    await checkPage(w, 'sign-in-lockouts', [/status of 429/]);
    await row.getByRole('button', { name: '解除锁定' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('本人来电核实身份');
    await dialog.getByRole('button', { name: '解除锁定' }).click();
    await row.getByText('未锁定').waitFor();

    const login = await stack.http.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: 'lawgate-demo' },
    });
    expect(login.status).toBe(200);
    const audit = await stack.db.query<{ reason: string }[]>(
      `SELECT reason FROM audit_entry WHERE action = 'sign-in.unlocked' AND details->>'username' = $1`,
      [username],
    );
    expect(audit.map((a) => a.reason)).toEqual(['本人来电核实身份']);

    // The administrator ends the account's sessions: the token it just got is refused.
    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('row').filter({ hasText: username }).getByRole('button', { name: '结束会话' }).click();
    await page.getByRole('dialog').getByLabel('理由').fill('设备遗失');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('会话已全部结束').waitFor();
    const me = await stack.http.request('GET', '/api/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(401);
    expectNoConsoleErrors(w);
  });

  it('lets the administrator switch a pre-review rule off with a reason', async () => {
    const rule = 'VALIDITY_TOO_LONG';
    const w = await openPage(browser(), stack.http.baseUrl);
    const { page } = w;
    try {
      await signIn(page, 'admin');
      await page.goto('/console');
      await page.getByRole('tab', { name: '预审规则' }).click();
      const row = page.getByRole('row').filter({ hasText: rule });
      await row.getByRole('button', { name: `停用 ${rule}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('理由').fill('该规则误报较多，待修订后恢复');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await row.getByText('已停用').waitFor();
      await row.getByText(/该规则误报较多/).waitFor();
      await checkPage(w, 'pre-review-rules');

      const rules = await stack.http.as<{ rules: { id: string; enabled: boolean; reason: string | null }[] }>(
        'officer.zhang',
        'GET',
        '/api/admin/pre-review/rules',
      );
      expect(rules.body.rules.find((r) => r.id === rule)).toMatchObject({
        enabled: false,
        reason: '该规则误报较多，待修订后恢复',
      });
    } finally {
      // Other files of the run read the pre-review with every rule on.
      await stack.http.as('admin', 'PUT', `/api/admin/pre-review/rules/${rule}`, {
        body: { enabled: true, reason: '测试结束，恢复规则' },
      });
    }
  });

  it('lets a department file an outside document with its package, and the office see it in the annual report', async () => {
    const title = `金坛区市场监管领域轻微违法行为免罚清单（${uniqueSuffix()}）`;
    const documentNumber = `坛市监规〔2026〕${uniqueSuffix()}号`;
    const w = await openPage(browser(), stack.http.baseUrl);
    const { page } = w;
    await signIn(page, 'drafter.mkt');
    await page.goto('/filing-reviews/new');
    const form = page.locator('form[id="newFilingReview"]');
    await form.getByLabel('文件标题').fill(title);
    await form.getByLabel('文号').fill(documentNumber);
    await form.getByLabel('发布日期').fill(today());
    await form.getByLabel('文件正式文本', { exact: true }).setInputFiles({
      name: '免罚清单.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('第一条 为规范市场监管领域轻微违法行为免罚，制定本清单。\n', 'utf8'),
    });
    await form.getByLabel('备案报告', { exact: true }).setInputFiles({
      name: '备案报告.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('关于报送《免罚清单》备案的报告', 'utf8'),
    });
    await checkPage(w, 'filing-review-new');
    await form.getByRole('button', { name: '报送备案' }).click();
    await page.waitForURL(/\/procedures\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    await page.getByText(documentNumber, { exact: true }).first().waitFor();

    // The office records a published document whose filing it expects, naming its issuer.
    const expected = `金坛区教育局校外培训机构管理办法（${uniqueSuffix()}）`;
    const office = await openPage(browser(), stack.http.baseUrl);
    await signIn(office.page, 'officer.zhang');
    await office.page.goto('/filing-reviews/new');
    const officeForm = office.page.locator('form[id="newFilingReview"]');
    await officeForm.getByLabel('文件标题').fill(expected);
    await officeForm.getByLabel('文号').fill(`坛教规〔2026〕${uniqueSuffix()}号`);
    await officeForm.getByLabel('发布日期').fill(today());
    await chooseOption(office.page, officeForm, '制定机关', exactly('金坛区教育局'), { search: '金坛区教育局' });
    await officeForm.getByRole('button', { name: /登\s*记/ }).click();
    await office.page.waitForURL(/\/procedures\/[0-9a-f-]{36}$/);

    await office.page.goto('/console');
    await office.page.getByRole('tab', { name: '备案年度报告' }).click();
    const catalog = office.page.getByTestId('filing-annual-catalog');
    await catalog.getByRole('link', { name: title }).waitFor();
    await catalog.getByRole('link', { name: expected }).waitFor();
    await expect(catalog.getByRole('link', { name: title }).getAttribute('href')).resolves.toBe(
      `/procedures/${caseId}`,
    );
    await checkPage(office, 'filing-annual-report');

    const report = await stack.http.as<{ documents: { title: string }[]; figures: { total: number } }>(
      'leader.zhou',
      'GET',
      `/api/procedures/filing-reviews/annual-report?year=${today().slice(0, 4)}`,
    );
    const shown = office.page
      .getByTestId('filing-annual-figures')
      .locator('.ant-statistic')
      .filter({ hasText: '文件总数' })
      .locator('.ant-statistic-content-value');
    expect(await shown.textContent()).toBe(String(report.body.figures.total));
    expect(report.body.figures.total).toBeGreaterThanOrEqual(2);
    expect(report.body.documents.map((d) => d.title)).toEqual(expect.arrayContaining([title, expected]));
  });
});
